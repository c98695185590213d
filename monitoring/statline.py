"""RIVM/CBS StatLine tables (50150NED, 50120NED): their columns, codes and numbers.

No database and no file handling here (readers.py reads files): this module knows which
columns to read, which area codes to keep, and how to parse periods, age groups, margins and
percentages. Every parse function raises RowError (or SkipRow) instead of returning rubbish.
"""

import codecs
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from .constants import (
    GGD_REGIO_CODES,
    HILVERSUM_CODE,
    IMPORT_INDICATORS,
    LEEFTIJD_CODES,
    MARGE_CODES,
    MARGE_VALUE,
    NEDERLAND_CODE,
    Bestandsformaat,
    Leeftijdsgroep,
    RegioNiveau,
)

# A StatLine line is a few hundred bytes; anything this long is not a row of the table.
MAX_LINE_BYTES = 1 << 17
MISSING = frozenset({"", ".", "x"})  # CBS: "." no data, "x" secret
_HUNDREDTH = Decimal("0.01")
# Decimal comma or point; no thousands separators (these are percentages).
_NUMBER_RE = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")
_PERIOD_RE = re.compile(r"(\d{4})(?:JJ00)?")
_WIJK_RE = re.compile(r"WK0402\d{2}")
_BUURT_RE = re.compile(r"BU0402\d{4}")
_GEMEENTE_DIGITS = HILVERSUM_CODE[2:]
_BOM = codecs.BOM_UTF8

REGION_COLUMNS = ("wijkenenbuurten", "regios", "regio")
PERIOD_COLUMN = "perioden"
AGE_COLUMN = "leeftijd"
MARGIN_COLUMN = "marges"


class FileProblem(ValueError):
    """The file cannot be read at all; the message says why, in Dutch."""


class ColumnsMissing(FileProblem):
    """The header lacks the columns we need."""


class RowError(ValueError):
    """One row is wrong; the import reports it with its line number and goes on."""


class SkipRow(Exception):
    """A good row that holds nothing we keep (another age group)."""


@dataclass(frozen=True)
class Columns:
    """Where each field is: an index (CSV) or a key (JSON); age and margin may be absent."""

    region: int | str
    period: int | str
    age: int | str | None
    margin: int | str | None
    indicators: tuple[tuple[str, int | str], ...]  # (indicator code, column)


@dataclass(slots=True)
class RawRow:
    """A row as read: region code already trimmed, the rest still text (or JSON values)."""

    line: int
    region: str
    period: object
    age: object
    margin: object
    values: tuple  # one per Columns.indicators


@dataclass
class ReadState:
    """What the reader learned about the file; the importer copies it to the batch."""

    file_format: str = ""
    encoding: str = ""
    # Indicator codes, in the order of RawRow.values; known once the header is read.
    indicators: tuple[str, ...] = ()
    # Lines the reader could not turn into a row: (line number, message).
    bad_lines: list[tuple[int, str]] = field(default_factory=list)


def find_columns(names: list[str]) -> Columns:
    """Locate the columns we read by name; raise FileProblem when the required ones are absent."""
    cleaned = [name.strip().lstrip("\ufeff").strip('"').strip() for name in names]
    lowered = [name.lower() for name in cleaned]

    def index(*candidates: str) -> int | None:
        return next((i for i, name in enumerate(lowered) if name in candidates), None)

    region = index(*REGION_COLUMNS)
    period = index(PERIOD_COLUMN)
    indicators = []
    for indicator in IMPORT_INDICATORS:
        prefixes = tuple(p.lower() for p in indicator.prefixes)
        found = next((i for i, n in enumerate(lowered) if n.startswith(prefixes)), None)
        if found is not None:
            indicators.append((indicator.code, found))
    if region is None or period is None or not indicators:
        raise ColumnsMissing(
            _(
                "Het bestand heeft niet de kolommen van de StatLine-tabel 'Gezondheid per wijk "
                "en buurt'. Nodig zijn WijkenEnBuurten, Perioden en minstens één kolom over "
                "eenzaamheid (Eenzaam_, SterkEenzaam_, EmotioneelEenzaam_ of SociaalEenzaam_)."
            )
        )
    return Columns(
        region=region,
        period=period,
        age=index(AGE_COLUMN),
        margin=index(MARGIN_COLUMN),
        indicators=tuple(indicators),
    )


def keyed(columns: Columns, names: list[str]) -> Columns:
    """The same columns addressed by JSON key instead of position."""

    def key(position):
        return None if position is None else names[position]

    return Columns(
        region=key(columns.region),
        period=key(columns.period),
        age=key(columns.age),
        margin=key(columns.margin),
        indicators=tuple((code, key(pos)) for code, pos in columns.indicators),
    )


def region_niveau(code: str) -> str | None:
    """The level of a CBS area code we keep, or None for every other area (skipped)."""
    if _GEMEENTE_DIGITS not in code:
        # Settles nearly every row of a national file with one substring test.
        if code == NEDERLAND_CODE:
            return RegioNiveau.LAND
        return RegioNiveau.GGD_REGIO if code in GGD_REGIO_CODES else None
    if code == HILVERSUM_CODE:
        return RegioNiveau.GEMEENTE
    if _WIJK_RE.fullmatch(code):
        return RegioNiveau.WIJK
    if _BUURT_RE.fullmatch(code):
        return RegioNiveau.BUURT
    return None


def text_of(raw: object) -> str:
    return raw.strip() if isinstance(raw, str) else "" if raw is None else str(raw).strip()


def parse_year(raw: object) -> int:
    match = _PERIOD_RE.fullmatch(text_of(raw))
    if match is None:
        raise RowError(
            _("onbekende periode '%(value)s' (verwacht bijvoorbeeld 2022JJ00)")
            % {"value": text_of(raw)}
        )
    return int(match.group(1))


def parse_age(raw: object) -> str:
    if raw is None:
        return Leeftijdsgroep.VANAF_18  # a table without the dimension covers all adults
    code = text_of(raw)
    if code not in LEEFTIJD_CODES:
        raise SkipRow(code)
    return LEEFTIJD_CODES[code]


def parse_margin(raw: object) -> str:
    if raw is None:
        return MARGE_VALUE
    code = text_of(raw)
    if code not in MARGE_CODES:
        raise RowError(_("onbekende code '%(value)s' in de kolom Marges") % {"value": code})
    return MARGE_CODES[code]


def parse_percentage(raw: object) -> Decimal | None:
    """A percentage as Decimal with two decimals, None for a missing value; raises RowError."""
    if raw is None:
        return None
    shown = text_of(raw)
    if isinstance(raw, bool):
        raise RowError(_("'%(value)s' is geen getal") % {"value": shown})
    if isinstance(raw, int | float | Decimal):
        number = Decimal(str(raw))
    elif shown in MISSING:
        return None
    elif _NUMBER_RE.fullmatch(shown):
        number = Decimal(shown.replace(",", "."))
    else:
        raise RowError(_("'%(value)s' is geen getal") % {"value": shown})
    if not number.is_finite() or not 0 <= number <= 100:
        raise RowError(_("'%(value)s' ligt niet tussen 0 en 100 procent") % {"value": shown})
    return number.quantize(_HUNDREDTH)


def sniff(head: bytes) -> str:
    """The format of a file from its first bytes, or FileProblem when it is neither CSV nor JSON."""
    if head.startswith(b"PK\x03\x04"):
        raise FileProblem(
            _(
                "Dit is een zip- of Excel-bestand. Kies een CSV- of JSON-bestand; pak een "
                "zip-bestand eerst uit."
            )
        )
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        raise FileProblem(
            _(
                "Dit is geen CSV- of JSON-bestand (of het is opgeslagen als UTF-16). Download "
                "de tabel opnieuw als CSV of sla hem op als CSV UTF-8."
            )
        )
    stripped = head.removeprefix(_BOM).lstrip()
    if not stripped:
        raise FileProblem(_("Het bestand is leeg."))
    if stripped[:1] in (b"{", b"["):
        return Bestandsformaat.JSON
    return Bestandsformaat.CSV
