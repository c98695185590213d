"""Who may go where after logging in: the second step for staff, the admin, the idle timeout.

SessionOTPMiddleware takes the place of django-otp's OTPMiddleware, right after
AuthenticationMiddleware; the other two come after MessageMiddleware. Anonymous visitors pass
untouched, and get no session from here.
"""

import functools
import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import OTPMiddleware

from .accounts.services import has_second_factor
from .roles import is_staff_user

logger = logging.getLogger(__name__)

# Views a member of staff may open after the password but before the second step.
SECOND_STEP_VIEWS = frozenset({"otp_verify", "otp_enrol", "otp_enrol_scan", "logout"})
LAST_SEEN_SESSION_KEY = "accounts_last_seen"
# Writing the session on every request would cost a query each; a minute is precise enough
# for a 30-minute timeout.
LAST_SEEN_RESOLUTION_SECONDS = 60
DEVICE_CHECKED_SESSION_KEY = "accounts_device_checked"
# How long a session trusts the device it was verified with before reading it again.
DEVICE_RECHECK_SECONDS = 60


def clock() -> float:
    """Seconds since the epoch (a function, so tests can move time)."""
    return time.time()


class SessionOTPMiddleware(OTPMiddleware):
    """django-otp's OTPMiddleware, reading the verifying device at most once a minute.

    The stock middleware fetches the device on every request, to notice when it has been
    removed or unconfirmed. That is one more query on every staff page. Here the session
    remembers when it last saw the device in order: within DEVICE_RECHECK_SECONDS it is
    trusted (the session lives on the server, so nobody can forge this), after that it is read
    and checked again. Removing someone's app ends their verified sessions within a minute;
    a new password ends them at once (Django's session hash).
    """

    def _verify_user_sync(self, request, user):
        persistent_id = request.session.get(DEVICE_ID_SESSION_KEY)
        checked = request.session.get(DEVICE_CHECKED_SESSION_KEY)
        now = int(clock())
        if not persistent_id or checked is None or not 0 <= now - checked < DEVICE_RECHECK_SECONDS:
            user = super()._verify_user_sync(request, user)
            if getattr(user, "otp_device", None) is not None:
                request.session[DEVICE_CHECKED_SESSION_KEY] = now
            return user
        self._init_user_fields(user)
        if user.is_authenticated:
            user.otp_device = SimpleLazyObject(
                functools.partial(self._device_from_persistent_id, persistent_id)
            )
        return user


def mark_device_checked(session) -> None:
    """Note that the session's device was just read and found in order (after a code)."""
    session[DEVICE_CHECKED_SESSION_KEY] = int(clock())


class SecondFactorMiddleware:
    """Staff reach nothing but the second step until they pass it; the admin is for verified
    superusers only.

    Deny by default: every view not in SECOND_STEP_VIEWS redirects an unverified member of
    staff, so a new staff page is covered without being listed. Others (anonymous visitors,
    accounts without a role) are not affected, apart from the admin, which answers 404.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match.view_name in SECOND_STEP_VIEWS:
            return None
        user = request.user
        staff = is_staff_user(user)
        if staff and not user.is_verified():
            return self._to_second_step(request, user)
        if "admin" in match.namespaces and not (staff and user.is_superuser):
            # Not even the admin's login page: the way in is the portal's own two steps.
            raise Http404
        return None

    @staticmethod
    def _to_second_step(request, user):
        step = "otp_verify" if has_second_factor(user) else "otp_enrol"
        url = reverse(step)
        if request.method in ("GET", "HEAD"):
            url = f"{url}?{urlencode({'next': request.get_full_path()})}"
        return redirect(url)


class IdleTimeoutMiddleware:
    """Log a signed-in user out after STAFF_IDLE_SECONDS without a request.

    The last request's time is kept in the session, rewritten at most once a minute.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(clock())
            last_seen = request.session.get(LAST_SEEN_SESSION_KEY)
            if last_seen is not None and now - last_seen > settings.STAFF_IDLE_SECONDS:
                return self._expire(request)
            if last_seen is None or now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS:
                request.session[LAST_SEEN_SESSION_KEY] = now
        return self.get_response(request)

    @staticmethod
    def _expire(request):
        logger.info("Sessie van gebruiker %s verlopen na inactiviteit", request.user.pk)
        logout(request)
        minutes = settings.STAFF_IDLE_SECONDS // 60
        messages.info(
            request,
            _("U bent uitgelogd, omdat u %(minutes)d minuten niets heeft gedaan. Log opnieuw in.")
            % {"minutes": minutes},
        )
        if request.method in ("GET", "HEAD"):
            return redirect_to_login(request.get_full_path())
        return redirect_to_login(request.path)
