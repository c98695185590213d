import re

from django.conf import settings
from django.core.cache import caches
from django.db.models import Q

from .models import Postcode, Wijk

# Explicit ASCII classes: \d would also accept other scripts' digits, which int() converts.
_POSTCODE_RE = re.compile(r"\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*")
_HUISNUMMER_RE = re.compile(r"\s*([0-9]+)")
# Dutch house numbers have at most five digits; anything longer is not an address.
_MAX_HUISNUMMER = 99999
# Far longer than any way of writing a postcode; stops work on pasted essays early.
_MAX_INPUT_LENGTH = 32


WIJKEN_CACHE_KEY = "wijken:all"


def wijken_all() -> tuple[Wijk, ...]:
    """All wijken by name, kept per process: public forms list them on every request.

    Saving or deleting a wijk clears the list in that process (wijken/apps.py); other
    processes see the change within LOCAL_CACHE_SECONDS. Wijken change once in years.
    The same objects go to every request of the process: read them, don't change them.
    """
    local = caches["local"]
    wijken = local.get(WIJKEN_CACHE_KEY)
    if wijken is None:
        wijken = tuple(Wijk.objects.order_by("name"))
        local.set(WIJKEN_CACHE_KEY, wijken, settings.LOCAL_CACHE_SECONDS)
    return wijken


def wijken_forget(**kwargs) -> None:
    """Signal receiver: drop the cached list after a wijk was saved or deleted."""
    caches["local"].delete(WIJKEN_CACHE_KEY)


def normalise_postcode(value: object) -> str | None:
    """Return a PC6 postcode as "1221AB", or None when value is not a Dutch postcode.

    Accepts lower case and spaces ("1221 ab"). Never raises.
    """
    if not isinstance(value, str) or len(value) > _MAX_INPUT_LENGTH:
        return None
    match = _POSTCODE_RE.fullmatch(value)
    if match is None:
        return None
    return match.group(1) + match.group(2).upper()


def parse_huisnummer(value: object) -> int | None:
    """Return the house number in value ("12", " 12 ", "12a" → 12), or None. Never raises."""
    # bool is an int subclass; True is not house number 1.
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and len(value) <= _MAX_INPUT_LENGTH:
        match = _HUISNUMMER_RE.match(value)
        if match is None:
            return None
        number = int(match.group(1))
    else:
        return None
    return number if 0 < number <= _MAX_HUISNUMMER else None


def wijk_for_address(postcode: object, huisnummer: object = None) -> Wijk | None:
    """Return the wijk of an address in Hilversum, or None when it cannot be told.

    A postcode that lies in one wijk needs no house number; a postcode split over wijken
    does. Unknown postcodes and input that is not an address give None, never an error.
    One query.
    """
    pc6 = normalise_postcode(postcode)
    if pc6 is None:
        return None
    number = parse_huisnummer(huisnummer)
    match_number = Q(huisnummer__isnull=True)
    if number is not None:
        match_number |= Q(huisnummer=number)
    rows = Postcode.objects.filter(match_number, postcode=pc6).select_related("wijk")
    # The import writes either the whole-postcode row or per-number rows, never both;
    # should both exist anyway, the more specific per-number row wins.
    best = min(rows, key=lambda row: row.huisnummer is None, default=None)
    return best.wijk if best is not None else None
