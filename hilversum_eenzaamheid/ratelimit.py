"""Per-address limits on the public forms, counted in Redis with `limits`, failing open.

A post costs one round trip to Redis: limits' fixed window raises the count and sets its expiry
in one Lua call. (django-ratelimit, used before, asked twice for every post after an address's
first, "add" and then "incr"; under load that second round trip cost the meldpunt a tenth of its
throughput.) The counts live in the Redis of the cache (RATELIMIT_USE_CACHE, default "default"),
so all web servers share them; without Redis, each process counts for itself.

Keys hold a hash of the address, never the address. IPv6 addresses count per /64, as one
household or phone usually has a whole /64.

Refusing a melding, a correction or a join request because Redis is away would hurt more than
a few extra posts do, so a Redis that is down lets posts through. After a failure the limit is
not asked again for SKIP_SECONDS in this process: otherwise every post would log the same
traceback, and when Redis's host does not answer at all, first wait for the connect timeout (2 s).

Rates are written as "10/h": a number, "/", optionally a multiple, and s, m, h or d ("5/10m").
"""

import hashlib
import ipaddress
import logging
import re
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import caches
from limits import (
    RateLimitItemPerDay,
    RateLimitItemPerHour,
    RateLimitItemPerMinute,
    RateLimitItemPerSecond,
)
from limits.storage import MemoryStorage, RedisStorage
from limits.strategies import FixedWindowRateLimiter

from .accounts.lockout import client_ip
from .cache import RedisCache

logger = logging.getLogger(__name__)

SKIP_SECONDS = 30.0
_skip_until = 0.0
IPV6_PREFIX = 64
KEY_PREFIX = "ratelimit"

_RATE = re.compile(r"(\d+)/(\d*)([smhd])")
_ITEMS = {
    "s": RateLimitItemPerSecond,
    "m": RateLimitItemPerMinute,
    "h": RateLimitItemPerHour,
    "d": RateLimitItemPerDay,
}
_limiters: dict = {}  # one per Redis connection pool; None: this process's memory
_memory = MemoryStorage()


@lru_cache(maxsize=64)
def parse_rate(rate: str):
    """A rate like "10/h" as a limits item; ValueError for anything else."""
    match = _RATE.fullmatch(rate.strip())
    if match is None:
        raise ValueError(f"Rate {rate!r} is not like '10/h'")
    amount, multiple, unit = match.groups()
    return _ITEMS[unit](int(amount), int(multiple or 1))


def _limiter() -> FixedWindowRateLimiter:
    """Counting in the Redis of the cache, under the cache's own key prefix; else in memory."""
    cache = caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]
    key = None
    if isinstance(cache, RedisCache):
        prefix = f"{cache.key_prefix}:{KEY_PREFIX}" if cache.key_prefix else KEY_PREFIX
        key = (cache.connection_pool(), prefix)
    limiter = _limiters.get(key)
    if limiter is None:
        if key is None:
            storage = _memory
        else:
            storage = RedisStorage("redis://", connection_pool=key[0], key_prefix=key[1])
        limiter = _limiters[key] = FixedWindowRateLimiter(storage)
    return limiter


def address_key(request) -> str:
    """Who is counted: a hash of the client's address (its /64 for IPv6)."""
    address = client_ip(request) or ""
    if ":" in address:
        network = ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False)
        address = str(network.network_address)
    return hashlib.sha256(address.encode()).hexdigest()


def too_many(request, *, group: str, rate: str) -> bool:
    """Count this post against the client's address; True when it is one too many."""
    global _skip_until
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return False
    if time.monotonic() < _skip_until:
        return False
    try:
        return not _limiter().hit(parse_rate(rate), group, address_key(request))
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
    """Ask Redis again at the next post, and forget this process's own counts (tests)."""
    global _skip_until
    _skip_until = 0.0
    _limiters.clear()
    _memory.reset()
