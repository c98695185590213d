"""The second login step for staff: set up the app, enter a code, keep backup codes.

SecondFactorMiddleware sends a member of staff here after the password; these views do not repeat
that check, but each one refuses what does not fit the user's state (no app yet, already
verified, …) with a redirect to the step that does.
"""

import logging
from urllib.parse import urlencode

import django_otp
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..access_middleware import mark_device_checked
from ..roles import is_staff_user
from . import services
from .forms import AppCodeForm, CodeForm
from .qr import secret_for_typing, totp_qr_svg

logger = logging.getLogger(__name__)

# Where the backup codes wait between the POST that made them and the page that shows them.
NEW_CODES_SESSION_KEY = "accounts_new_backup_codes"


def next_url(request) -> str:
    """The page the user was going to, if it is on this site; else the werkruimte."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("werkruimte")


def _with_next(url_name: str, request) -> str:
    target = next_url(request)
    if target == reverse("werkruimte"):
        return reverse(url_name)
    return f"{reverse(url_name)}?{urlencode({'next': target})}"


def may_set_up_app(user) -> bool:
    """Without an app, a user may add one when verified (with a backup code, say) or when
    they have no second factor at all yet (the first login)."""
    if services.has_app(user):
        return False
    return user.is_verified() or not services.has_second_factor(user)


def _staff_only(user) -> None:
    if not is_staff_user(user):
        raise PermissionDenied


def _verified_with(request, device) -> None:
    """Mark the session as having passed the second step, under a new session key."""
    django_otp.login(request, device)
    mark_device_checked(request.session)
    # The session now grants more than before: give it a new key, as login() does.
    request.session.cycle_key()


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def verify(request):
    """Second step: a code from the app, or one of the backup codes."""
    user = request.user
    _staff_only(user)
    if user.is_verified():
        return redirect(next_url(request))
    if not services.has_second_factor(user):
        return redirect(_with_next("otp_enrol", request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = services.second_factor_verify(user=user, code=form.cleaned_data["code"])
        if result.ok:
            _verified_with(request, result.device)
            logger.info("Tweede stap gelukt voor gebruiker %s", user.pk)
            if isinstance(result.device, StaticDevice):
                return _after_backup_code(request, user)
            return redirect(next_url(request))
        form.add_error("code", _wrong_code_message(result.wait_seconds))
    context = {"form": form, "next": next_url(request)}
    return render(request, "otp/verify.html", context)


def _wrong_code_message(wait_seconds: int) -> str:
    if not wait_seconds:
        return _("Deze code klopt niet. Kijk goed en probeer het opnieuw.")
    if wait_seconds < 120:
        return ngettext(
            "U heeft te vaak een verkeerde code ingevuld. Wacht %(count)d seconde en "
            "probeer het dan opnieuw.",
            "U heeft te vaak een verkeerde code ingevuld. Wacht %(count)d seconden en "
            "probeer het dan opnieuw.",
            wait_seconds,
        ) % {"count": wait_seconds}
    minutes = -(-wait_seconds // 60)
    return _(
        "U heeft te vaak een verkeerde code ingevuld. Wacht %(count)d minuten en probeer het "
        "dan opnieuw. Lukt het niet? Neem contact op met de beheerder."
    ) % {"count": minutes}


def _after_backup_code(request, user):
    left = services.backup_codes_left(user=user)
    messages.warning(
        request,
        ngettext(
            "U heeft een reservecode gebruikt. U heeft nog %(count)d reservecode.",
            "U heeft een reservecode gebruikt. U heeft nog %(count)d reservecodes.",
            left,
        )
        % {"count": left},
    )
    if may_set_up_app(user):
        # Without an app (a lost phone) the next step is to add one.
        return redirect(_with_next("otp_enrol", request))
    return redirect(next_url(request))


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def enrol(request):
    """First page of setting up the app: what you need. POST starts the setup."""
    user = request.user
    _staff_only(user)
    if not may_set_up_app(user):
        return redirect(_with_next("otp_verify", request))
    if request.method == "POST":
        services.totp_device_pending(user=user)
        return redirect(_with_next("otp_enrol_scan", request))
    return render(request, "otp/enrol.html", {"next": next_url(request)})


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def enrol_scan(request):
    """Second page: scan the QR code (or type the secret), then prove it works with a code."""
    user = request.user
    _staff_only(user)
    if not may_set_up_app(user):
        return redirect(_with_next("otp_verify", request))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        return redirect(_with_next("otp_enrol", request))
    form = AppCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.totp_device_confirm(device=device, code=form.cleaned_data["code"])
        if codes is not None:
            device.refresh_from_db()
            _verified_with(request, device)
            request.session[NEW_CODES_SESSION_KEY] = codes
            return redirect(_with_next("otp_backup_codes", request))
        form.add_error(
            "code",
            _(
                "Deze code klopt niet. Vul de code in die de app nu laat zien. Staat de tijd "
                "op uw telefoon goed?"
            ),
        )
    context = {
        "form": form,
        "next": next_url(request),
        "qr": totp_qr_svg(device.config_url, label=_("QR-code om de app in te stellen")),
        "secret": secret_for_typing(device.bin_key),
    }
    return render(request, "otp/enrol_scan.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def backup_codes(request):
    """Show new backup codes once. POST replaces them with a fresh set (the old ones stop).

    Reached only after the second step: SecondFactorMiddleware lets nobody else in.
    """
    _staff_only(request.user)
    if request.method == "POST":
        request.session[NEW_CODES_SESSION_KEY] = services.backup_codes_replace(user=request.user)
        return redirect(_with_next("otp_backup_codes", request))
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    context = {
        "codes": codes,
        "left": None if codes else services.backup_codes_left(user=request.user),
        "next": next_url(request),
    }
    return render(request, "otp/backup_codes.html", context)
