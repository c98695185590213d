"""Hooks for django-axes: which address a login comes from, and the page a locked-out login gets."""

import ipaddress

from django.conf import settings
from django.shortcuts import render


def client_ip(request) -> str | None:
    """The client's address, read from the same place as the portal's rate limits.

    Behind the reverse proxy that is the header the proxy sets (RATELIMIT_IP_META_KEY);
    counting REMOTE_ADDR there would lock every member of staff out at once. A header that
    holds no address (it cannot come through the proxy) counts as the connection's own address:
    axes stores it in an address column, where anything else would be a server error.
    """
    for key in (settings.RATELIMIT_IP_META_KEY, "REMOTE_ADDR"):
        try:
            return str(ipaddress.ip_address(request.META.get(key, "").strip()))
        except ValueError:
            continue
    return None


def lockout_response(request, original_response=None, credentials=None):
    """One page for every locked-out login (status 429).

    It never names the account or says whether it exists: an unknown name is counted and
    locked exactly like a real one.
    """
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    return render(
        request,
        "registration/lockout.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
