"""One spelling for what people type in many ways, so that repeats are found by equality."""

import re

from wijken.selectors import normalise_postcode

_SEPARATORS = re.compile(r"[\s\-().]")
_SPACES = re.compile(r"\s+")


def phone_normalise(value: str) -> str:
    """ "035 - 123 45 67", "+31 35 1234567" and "0031351234567" all become "0351234567".

    Foreign numbers keep their +country code. Validation happens elsewhere; this only folds.
    """
    digits = _SEPARATORS.sub("", value or "")
    if digits.startswith("+31"):
        return "0" + digits[3:]
    if digits.startswith("0031"):
        return "0" + digits[4:]
    if digits.startswith("00"):
        return "+" + digits[2:]
    return digits


def huisnummer_normalise(value: str) -> str:
    """ "12 A" → "12a"; "12-1" stays "12-1". Lower case, no spaces."""
    return _SPACES.sub("", value or "").lower()[:10]


def postcode_normalise(value: str) -> str:
    """ "1221 ab" → "1221AB"; anything that is not a postcode → ""."""
    return normalise_postcode(value) or ""


def text_normalise(value: str) -> str:
    """Trim, and fold runs of spaces in one-line fields."""
    return _SPACES.sub(" ", value or "").strip()


def email_normalise(value: str) -> str:
    # Mailboxes are case-insensitive in practice; one case makes equality work on every database.
    return (value or "").strip().lower()
