# Throwaway PostgreSQL and Redis on loopback, for `make test` and `make bench`.
# Source this file, call `services_start`; `services_stop` runs on EXIT (also on failure).
# Sets DATABASE_URL_PG and TEST_REDIS_URL for the caller.

SERVICES_DIR=""
REDIS_PID=""
PG_BIN=""

log() { printf '\n==> %s\n' "$*"; }
die() { printf '\nFOUT: %s\n' "$*" >&2; exit 1; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then PG_BIN="$dir"; return 0; fi
  done
  return 1
}

# Install what is missing with apt-get (we run as root in CI); say clearly what to do otherwise.
ensure_packages() {
  local missing=()
  find_pg_bin || missing+=(postgresql-15)
  command -v redis-server >/dev/null || missing+=(redis-server)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # msgfmt and friends: compilemessages and scripts/messages.sh (the English texts).
  command -v msgfmt >/dev/null || missing+=(gettext)
  # pdftotext and pdfinfo: the tests read the text and tags of the PDFs WeasyPrint renders.
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  for pkg in "$@"; do
    command -v "$pkg" >/dev/null || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    die "deze pakketten ontbreken: ${missing[*]}. Installeer ze (Debian: sudo apt-get install ${missing[*]}) en start opnieuw."
  fi
  log "Installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die "apt-get update lukte niet; installeer ${missing[*]} zelf."
  # postgresql-15 is Debian 12's version; newer Debian releases only carry their own major version.
  if [[ " ${missing[*]} " == *" postgresql-15 "* ]] && ! apt-cache show postgresql-15 >/dev/null 2>&1; then
    missing=("${missing[@]/postgresql-15/postgresql}")
  fi
  apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null \
    || die "apt-get install ${missing[*]} lukte niet; installeer ze zelf."
  find_pg_bin || die "PostgreSQL staat niet op de verwachte plek (/usr/lib/postgresql/*/bin)."
}

as_pg_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local port data
  port=$(free_port)
  data="$SERVICES_DIR/pg"
  mkdir -p "$data"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$SERVICES_DIR"
  as_pg_user "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$SERVICES_DIR/initdb.log" 2>&1 \
    || { cat "$SERVICES_DIR/initdb.log"; die "initdb failed"; }
  as_pg_user "$PG_BIN/pg_ctl" -D "$data" -w -t 60 -l "$SERVICES_DIR/pg.log" \
    -o "-p $port -k $SERVICES_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$SERVICES_DIR/pg.log"; die "PostgreSQL did not start"; }
  export DATABASE_URL_PG="postgres://postgres@127.0.0.1:$port/postgres"
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

start_redis() {
  local port i
  port=$(free_port)
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$SERVICES_DIR" \
    >"$SERVICES_DIR/redis.log" 2>&1 &
  REDIS_PID=$!
  for i in $(seq 1 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  redis-cli -p "$port" ping >/dev/null 2>&1 || { cat "$SERVICES_DIR/redis.log"; die "Redis did not start"; }
  export TEST_REDIS_URL="redis://127.0.0.1:$port/0"
  log "Redis $(redis-server --version | awk '{print $3}') on 127.0.0.1:$port"
}

services_stop() {
  [ -n "$SERVICES_DIR" ] || return 0
  if [ -n "$PG_BIN" ] && [ -f "$SERVICES_DIR/pg/postmaster.pid" ]; then
    as_pg_user "$PG_BIN/pg_ctl" -D "$SERVICES_DIR/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ -n "$REDIS_PID" ]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; fi
  rm -rf "$SERVICES_DIR"
  SERVICES_DIR=""
}

services_start() {
  SERVICES_DIR=$(mktemp -d /tmp/hilversum-services.XXXXXX)
  chmod 755 "$SERVICES_DIR"
  trap services_stop EXIT
  trap 'exit 130' INT TERM
  start_postgres
  start_redis
}
