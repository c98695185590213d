-- Loaded after wrk_report.lua for bench_meldpunt_submit.py: every wrk thread does what browsers
-- do, one melding at a time per request pair: GET /meldpunt/ (CSRF cookie, CSRF token and the
-- signed start time from the page), then POST the form with a marker of its own in the text.
-- With "post-only" after the run's name, each connection fetches the form once and then only
-- posts (the token and start time stay valid), so every request is a submission.
-- The reference of every accepted melding (the redirect to /meldpunt/bedankt/<ref>/) is
-- written to refs-<thread>.txt in the folder given after `--` (then the run's name), so Python can check afterwards
-- that each one is stored exactly once.

local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("tid", next_thread)
end

local out, run, cookie, csrf, started, post_only
local counter = 0
local want_form = true

local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  out = assert(io.open(args[1] .. "/refs-" .. tid .. ".txt", "w"))
  run = args[2]
  post_only = args[3] == "post-only"
end

function request()
  if csrf == nil or want_form then
    want_form = false
    local headers = {}
    if cookie then headers["Cookie"] = cookie end
    return wrk.format("GET", "/meldpunt/", headers)
  end
  want_form = not post_only
  counter = counter + 1
  local marker = "bench-" .. run .. "-" .. tid .. "-" .. counter
  local body = "csrfmiddlewaretoken=" .. encode(csrf) .. "&started=" .. encode(started)
    .. "&about=ander&reporter_role=bewoner&urgent=nee&wijk=noordoost"
    .. "&signals=weinig-contact&person_knows=nee&consent=on&text="
    .. encode("Mijn buurman komt niet meer buiten. " .. marker)
  return wrk.format("POST", "/meldpunt/", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, body)
end

function response(status, headers, body)
  if status == 200 then
    csrf = body:match('name="csrfmiddlewaretoken" value="([^"]+)"') or csrf
    started = body:match('name="started" value="([^"]+)"') or started
    local set = headers["Set-Cookie"]
    if set then cookie = set:match("(csrftoken=[^;]+)") or cookie end
  elseif status == 302 then
    local reference = (headers["Location"] or ""):match("/meldpunt/bedankt/([^/]+)/")
    if reference then
      out:write(reference, "\n")
      out:flush()
    end
  end
end
