"""/.well-known/security.txt (RFC 9116) and the endpoint that receives CSP violation reports."""

import json
import logging
from datetime import UTC, datetime, time, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from .ratelimit import too_many

logger = logging.getLogger(__name__)

# RFC 9116 advises an Expires less than a year ahead, so a forgotten file goes stale.
SECURITY_TXT_VALID_DAYS = 364
# A browser's report is well under 2 KB; anything far bigger is not a report.
CSP_REPORT_MAX_BYTES = 16 * 1024
CSP_REPORT_RATE = "60/m"
CSP_REPORT_COUNT_KEY = "security:csp-reports"


def security_txt_expires(now: datetime | None = None) -> datetime:
    """Midnight UTC, SECURITY_TXT_VALID_DAYS from today: the same value all day long."""
    today = (now or timezone.now()).astimezone(UTC).date()
    return datetime.combine(today + timedelta(days=SECURITY_TXT_VALID_DAYS), time.min, UTC)


def security_txt_body(*, now: datetime | None = None) -> str:
    """The fields of security.txt: where to report a vulnerability, in which languages."""
    lines = [f"Contact: {contact}" for contact in settings.SECURITY_TXT_CONTACTS]
    lines.append(f"Expires: {security_txt_expires(now).strftime('%Y-%m-%dT%H:%M:%SZ')}")
    if settings.SECURITY_TXT_POLICY:
        lines.append(f"Policy: {settings.SECURITY_TXT_POLICY}")
    lines.append("Preferred-Languages: nl, en")
    lines.append(f"Canonical: {settings.SITE_URL}/.well-known/security.txt")
    return "\n".join(lines) + "\n"


@require_safe
@cache_control(max_age=3600, public=True)
def security_txt(request):
    return HttpResponse(security_txt_body(), content_type="text/plain; charset=utf-8")


def _printable(text, limit: int) -> str:
    """At most `limit` characters, without line breaks or other control characters, so a
    report cannot forge log lines."""
    return "".join(c if c.isprintable() else "?" for c in str(text)[:limit])


def _where(uri) -> str:
    """Scheme and host of a URL, or a keyword ("inline", "eval"): never a path or a query,
    which could hold what somebody typed into a search or a form."""
    try:
        parts = urlsplit(str(uri)[:500])
        if parts.scheme in {"http", "https"}:
            return _printable(f"{parts.scheme}://{parts.hostname or ''}", 200)
    except ValueError:  # e.g. "http://[" is no URL at all
        return "?"
    return _printable(parts.scheme or uri, 40)


def _page(uri) -> str:
    try:
        return _printable(urlsplit(str(uri)[:500]).path, 200)
    except ValueError:
        return "?"


def _reports(body: bytes) -> list[dict]:
    """The violations in a report-uri body ({"csp-report": {…}}) or a Reporting API list."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return []
    if isinstance(data, dict) and isinstance(data.get("csp-report"), dict):
        return [data["csp-report"]]
    if isinstance(data, list):
        bodies = (r.get("body") for r in data[:10] if isinstance(r, dict))
        return [body for body in bodies if isinstance(body, dict)]
    return []


def _count(number: int) -> None:
    try:
        cache.add(CSP_REPORT_COUNT_KEY, 0, timeout=None)
        cache.incr(CSP_REPORT_COUNT_KEY, number)
    except Exception:
        logger.warning("Could not count CSP reports", exc_info=True)


@csrf_exempt  # browsers send reports without a token, and they change nothing
@never_cache
@require_POST
def csp_report(request):
    """Log each Content-Security-Policy violation a browser reports, without personal data.

    A violation means either a page that breaks its own policy (a bug to fix) or something
    injected that the policy stopped. The log line names the directive, the page path and
    the origin that was blocked; never a query string or the blocked script's text.
    """
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = CSP_REPORT_MAX_BYTES + 1
    if length > CSP_REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    if too_many(request, group="security.csp-report", rate=CSP_REPORT_RATE):
        return HttpResponse(status=429)
    reports = _reports(request.body)
    for report in reports:
        directive = report.get("effective-directive") or report.get("violated-directive")
        directive = directive or report.get("effectiveDirective") or "?"
        logger.warning(
            "CSP violation: %s blocked %s on %s",
            _printable(directive, 60),
            _where(report.get("blocked-uri") or report.get("blockedURL") or ""),
            _page(report.get("document-uri") or report.get("documentURL") or ""),
        )
    if reports:
        _count(len(reports))
    return HttpResponse(status=204)


def bad_request(request, exception=None):
    """handler400: a Dutch page for a request that cannot be read (too big, too many fields,
    an unknown host), instead of Django's one English line. Rendered without the request, so
    nothing that was sent can end up on the page or be looked up."""
    if request.path.startswith("/api/"):
        # The open-data API answers in JSON, also when the request could not be read.
        message = "Dit verzoek kan niet worden gelezen: het is te groot of heeft te veel velden."
        return JsonResponse({"error": message}, status=400)
    language = getattr(request, "LANGUAGE_CODE", None) or settings.LANGUAGE_CODE
    with translation.override(language):
        return HttpResponseBadRequest(render_to_string("security/400.html"))
