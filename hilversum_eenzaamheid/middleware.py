"""Site-wide middleware: request ids and access log, the 503 page, the language of the page."""

import logging
import re
import sys
import threading
import time
import uuid

from django.conf import settings
from django.core.signals import got_request_exception, request_finished
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from .logs import request_id_var

access_logger = logging.getLogger("hilversum_eenzaamheid.requests")
database_logger = logging.getLogger("hilversum_eenzaamheid.database")

REQUEST_ID_HEADER = "X-Request-ID"
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{8,64}")


class RequestIdMiddleware:
    """Give each request an id for the logs and the response, and log one line when it is done.

    A valid id from the reverse proxy is kept, so its lines and ours can be matched; anything
    else gets a new one. The access line holds method, path, status and duration: never the
    query string (a search or a link to the meldpunt may carry what someone typed) and never a
    form body. It replaces gunicorn's access log, which prints the query string.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if VALID_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        # Kept until the response is closed (see _forget_request_id): Django logs a response
        # with an error status only after the last middleware has returned it.
        request_id_var.set(request_id)
        started = time.monotonic()
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        duration_ms = round((time.monotonic() - started) * 1000, 1)
        access_logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
            },
        )
        return response


def _forget_request_id(sender, **kwargs):
    """The response went out: later lines of this thread belong to no request."""
    request_id_var.set(None)


request_finished.connect(_forget_request_id, dispatch_uid="hilversum_eenzaamheid.request_id")


DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
# During an outage every request fails; one log line a minute per process says enough.
LOG_EVERY_SECONDS = 60


def _remember_database_error(sender, request=None, **kwargs):
    """Mark the request when Django turned a database error into its 500 page.

    Errors of the middleware below DatabaseUnavailableMiddleware (sessions, messages) never
    reach it as exceptions: Django converts them to a 500 response inside that middleware.
    This signal is sent while the exception is being handled, so it can still be seen here.
    """
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, DATABASE_ERRORS):
        request.database_error = error


got_request_exception.connect(
    _remember_database_error, dispatch_uid="hilversum_eenzaamheid.database_unavailable"
)


def database_unavailable_response(request) -> HttpResponse:
    """The friendly 503 page, rendered without the database.

    No request is passed to the template, so no context processor runs: nothing looks up the
    session or the user. `templates/503.html` (on `standalone.html`) stands alone for the same
    reason.
    """
    language = getattr(request, "LANGUAGE_CODE", None) or settings.LANGUAGE_CODE
    with translation.override(language):
        html = render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    # Django's own "Service Unavailable" line per request would repeat ours and the access log.
    response._has_been_logged = True
    return response


class DatabaseUnavailableMiddleware:
    """Answer the 503 page when the database fails, in the view or in the middleware below.

    It must sit above the session, authentication and message middleware, which read and
    write the database. Nothing is kept between requests except the log throttle: once the
    database answers again, so does the site (CONN_HEALTH_CHECKS drops broken connections).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._lock = threading.Lock()
        self._logged_at: float | None = None
        self._not_logged = 0

    def __call__(self, request):
        response = self.get_response(request)
        error = getattr(request, "database_error", None)
        if error is not None:
            return self._unavailable(request, error)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            return self._unavailable(request, exception)
        return None

    def _unavailable(self, request, error: Exception) -> HttpResponse:
        self._log(error)
        return database_unavailable_response(request)

    def _log(self, error: Exception) -> None:
        now = time.monotonic()
        with self._lock:
            if self._logged_at is not None and now - self._logged_at < LOG_EVERY_SECONDS:
                self._not_logged += 1
                return
            self._logged_at, repeated, self._not_logged = now, self._not_logged, 0
        database_logger.error(
            "Database error, answered 503 (%s more since the previous line)",
            repeated,
            exc_info=(type(error), error, error.__traceback__),
        )


class LanguageFromPathMiddleware:
    """Dutch, unless the address starts with another language's prefix: /en/… is English.

    The pages are in `i18n_patterns(prefix_default_language=False)` (urls.py): Dutch addresses
    have no prefix, English ones start with /en/. So the language is part of the address: a
    link in English can be shared, works without cookies (visitors get none) and every cache
    keyed on the path sees the difference. The browser's Accept-Language is never read: a
    Dutch municipal site stays Dutch until someone follows the "English" link (headless
    browsers and many Dutch computers send en-US). Django's LocaleMiddleware behaves the same
    with these patterns, but still adds "Vary: Accept-Language" to every Dutch page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info)
        language = language or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def _back_to_default_language(sender, **kwargs):
    """The response went out (a streamed one too): what this thread does next, outside any
    request, is in Dutch again (a task run in-process, the next test)."""
    translation.deactivate()


request_finished.connect(
    _back_to_default_language, dispatch_uid="hilversum_eenzaamheid.language_from_path"
)
