"""Writes of the second login step: setting up the app, backup codes, checking a code.

The codes themselves are django-otp's (TOTP per RFC 6238, static backup codes); this module only
decides which device a code is meant for and keeps each change in one transaction.
"""

import logging
import math
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)

BACKUP_CODE_COUNT = 10
TOTP_DEVICE_NAME = "App"
BACKUP_DEVICE_NAME = "Reservecodes"
# A code from the app: six digits. Anything else can only be a backup code.
_TOTP_CODE = re.compile(r"^[0-9]{6}$")


@dataclass(frozen=True)
class Verification:
    """The outcome of checking one code."""

    device: Device | None = None
    # Seconds to wait before the next try, after too many wrong codes (0: may try now).
    wait_seconds: int = 0

    @property
    def ok(self) -> bool:
        return self.device is not None


def code_normalise(code: str) -> str:
    """What people type, made comparable: no spaces or dashes, lower case."""
    return re.sub(r"[\s-]+", "", code).lower()


def totp_device_pending(*, user) -> TOTPDevice:
    """The app being set up for this user (not confirmed yet); made when there is none.

    Reusing the same one means the QR code stays the same when the page is opened again.
    """
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("pk")
            .first()
        )
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def totp_device_confirm(*, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with a code it shows; then give the user new backup codes.

    Returns the backup codes (to show once), or None when the code is wrong. Until this
    succeeds the device does not count: it cannot be used to pass the second step.
    """
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if device.confirmed:
            return None
        # No waiting between tries here: whoever sets up the app is shown its secret, so there
        # is nothing to guess, and a quick second try after a typo must simply work.
        device.throttle_reset(commit=False)
        if not device.verify_token(code_normalise(code)):
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = backup_codes_replace(user=device.user)
    logger.info("Tweestapsverificatie ingesteld voor gebruiker %s", device.user_id)
    return codes


def backup_codes_replace(*, user) -> list[str]:
    """Give the user BACKUP_CODE_COUNT new backup codes; the old ones stop working.

    The codes are returned once, to show; each one works a single time.
    """
    with transaction.atomic():
        device = StaticDevice.objects.select_for_update().filter(user=user).order_by("pk").first()
        if device is None:
            device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME)
        elif not device.confirmed:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
        StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def has_second_factor(user) -> bool:
    """Can the user pass the second step: a confirmed app, or unused backup codes?

    Someone with neither (the first login, or the last backup code used without an app) is
    sent to set up the app instead of to a code they cannot have.
    """
    return has_app(user) or backup_codes_left(user=user) > 0


def has_app(user) -> bool:
    """Has the user a confirmed authenticator app?"""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def backup_codes_left(*, user) -> int:
    """How many unused backup codes the user still has."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def second_factor_verify(*, user, code: str) -> Verification:
    """Check a code from the app, or a backup code, against the user's own confirmed devices.

    django-otp throttles each device: after every wrong code the next try must wait twice as
    long (1, 2, 4, 8 … seconds). A code tried while waiting is not checked at all.
    """
    code = code_normalise(code)
    model = TOTPDevice if _TOTP_CODE.match(code) else StaticDevice
    with transaction.atomic():
        device = (
            model.objects.devices_for_user(user, confirmed=True)
            .select_for_update()
            .order_by("pk")
            .first()
        )
        if device is None:
            return Verification()
        allowed, details = device.verify_is_allowed()
        if not allowed:
            wait = (details["locked_until"] - timezone.now()).total_seconds()
            return Verification(wait_seconds=max(1, math.ceil(wait)))
        verified = device.verify_token(code)
    if not verified:
        logger.warning("Verkeerde code bij de tweede stap van gebruiker %s", user.pk)
        return Verification()
    return Verification(device=device)
