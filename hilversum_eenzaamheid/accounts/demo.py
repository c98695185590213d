"""A known second login step for the demo accounts, on a local run (DEBUG) only.

`make run` prints these codes, so anyone can try the werkruimte without a phone. They come from
SECRET_KEY, so a run gives the same codes each time and a re-run restores used ones. Without
DEBUG nothing is made: demo accounts on a real server set up an app at their first login.
"""

import hashlib
import hmac
from base64 import b32encode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

DEMO_DEVICE_NAME = "Demo-reservecodes"
DEMO_CODE_COUNT = 5


def demo_usernames() -> list[str]:
    """Every demo account: one per role, and the buurtteam members of the meldpunt demo."""
    from meldpunt.demo import demo_usernames as buurtteam_usernames

    from ..demo import DEMO_USERS

    return [demo.username for demo in DEMO_USERS] + list(buurtteam_usernames())


def demo_codes(username: str) -> list[str]:
    """The demo backup codes of one account, in the format of django-otp's own codes."""
    key = settings.SECRET_KEY.encode()
    codes = []
    for index in range(DEMO_CODE_COUNT):
        digest = hmac.new(key, f"demo-otp:{username}:{index}".encode(), hashlib.sha256).digest()
        codes.append(b32encode(digest[:5]).decode("ascii").lower())
    return codes


def seed() -> int:
    """Give each demo account its demo backup codes (DEBUG only); return how many changed."""
    if not settings.DEBUG:
        return 0
    users = get_user_model().objects.filter(username__in=demo_usernames())
    return sum(_ensure_codes(user) for user in users)


def _ensure_codes(user) -> bool:
    wanted = set(demo_codes(user.get_username()))
    with transaction.atomic():
        device, created = StaticDevice.objects.get_or_create(
            user=user, name=DEMO_DEVICE_NAME, defaults={"confirmed": True}
        )
        present = set(device.token_set.values_list("token", flat=True))
        if present == wanted and device.confirmed and not created:
            return False
        device.token_set.exclude(token__in=wanted).delete()
        StaticToken.objects.bulk_create(
            [StaticToken(device=device, token=code) for code in sorted(wanted - present)]
        )
        device.confirmed = True
        device.throttle_reset(commit=False)
        device.save()
    return True


def code_lines() -> list[str]:
    """What `seed_demo` prints under the accounts on a local run: the codes per account."""
    if not settings.DEBUG:
        return []
    lines = ["Tweede stap bij het inloggen: vul een van deze reservecodes in (elk één keer;"]
    lines.append("seed_demo opnieuw draaien zet ze terug):")
    lines += [f"  {name:<28} {' '.join(demo_codes(name))}" for name in demo_usernames()]
    return lines
