"""Per-address limits on the public forms, counted in the cache (Redis), failing open.

Refusing a melding, a correction or a join request because Redis is away would hurt more than
a few extra posts do, so a cache that is down lets posts through. After a failure the limit is
not asked again for SKIP_SECONDS in this process: otherwise every post would log the same
traceback, and when Redis's host does not answer at all, first wait for the connect timeout (2 s).
"""

import logging
import time

from django_ratelimit.core import is_ratelimited

logger = logging.getLogger(__name__)

SKIP_SECONDS = 30.0
_skip_until = 0.0


def too_many(request, *, group: str, rate: str) -> bool:
    """Count this POST against the client's IP address; True when it is one too many."""
    global _skip_until
    if time.monotonic() < _skip_until:
        return False
    try:
        return is_ratelimited(
            request, group=group, key="ip", rate=rate, method="POST", increment=True
        )
    except Exception:
        _skip_until = time.monotonic() + SKIP_SECONDS
        logger.warning(
            "Rate limit %s unavailable; posts let through for %d s",
            group,
            SKIP_SECONDS,
            exc_info=True,
        )
        return False


def reset() -> None:
    """Ask the cache again at the next post (tests; the cache is back)."""
    global _skip_until
    _skip_until = 0.0
