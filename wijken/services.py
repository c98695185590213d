import csv
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .constants import HILVERSUM_CODE
from .models import Buurt, Postcode, Wijk
from .selectors import normalise_postcode

# Enough to show what is wrong with a file without flooding the terminal.
MAX_REPORTED_ERRORS = 10
_BATCH_SIZE = 1000
_GEMEENTE = HILVERSUM_CODE.removeprefix("GM")
# Every spelling of 0402 ("402", "GM0402", " 0402") contains this.
_GEMEENTE_CORE = _GEMEENTE.lstrip("0")
_HUISNUMMER_RE = re.compile(r"0*[1-9][0-9]{0,4}")
_BUURT_RE = re.compile(r"[0-9]{8}")
# Column → how its header starts; CBS puts the year after the name (Buurt2024, Wijk2025).
_COLUMNS = {
    "pc6": "pc6",
    "huisnummer": "huisnummer",
    "buurt": "buurt",
    "wijk": "wijk",
    "gemeente": "gemeente",
}
_EXPECTED_HEADER = "PC6,Huisnummer,Buurt2024,Wijk2024,Gemeente2024"


class PostcodeImportError(ValueError):
    """The file cannot be imported at all; the message says why, in Dutch."""


class _BadRow(ValueError):
    pass


@dataclass
class RowError:
    """A row that was skipped, with its line number in the file (the header is line 1)."""

    line: int
    message: str


@dataclass
class ImportReport:
    """What an import read, kept and skipped; errors holds the first few bad rows."""

    rows_read: int = 0
    rows_kept: int = 0
    rows_other_gemeente: int = 0
    rows_bad: int = 0
    errors: list[RowError] = field(default_factory=list)
    postcodes_without_number: int = 0
    postcodes_with_number: int = 0
    numbers_mapped: int = 0

    def add_error(self, *, line: int, message: str) -> None:
        self.rows_bad += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(RowError(line=line, message=message))


@dataclass(frozen=True)
class _Address:
    wijk: str
    buurt: str | None


def _strip_code(value: str, *, prefix: str, width: int) -> str:
    # Tolerates "WK040207" and the "40207" a spreadsheet leaves after eating the leading zero.
    value = value.strip().upper().removeprefix(prefix)
    return value.zfill(width) if value.isdigit() else value


def _is_hilversum(gemeente: str) -> bool:
    # The substring test first: it settles nearly every row of the national file cheaply.
    return _GEMEENTE_CORE in gemeente and _strip_code(gemeente, prefix="GM", width=4) == _GEMEENTE


def _find_columns(header: list[str]) -> dict[str, int]:
    names = [cell.strip().lstrip("\ufeff").strip('"').lower() for cell in header]
    columns: dict[str, int] = {}
    for key, prefix in _COLUMNS.items():
        found = [i for i, name in enumerate(names) if name.startswith(prefix)]
        if len(found) == 1:
            columns[key] = found[0]
    missing = [key for key in _COLUMNS if key not in columns]
    if missing:
        raise PostcodeImportError(
            _(
                "De eerste regel van het bestand heeft niet de verwachte kolommen. "
                "Niet (of dubbel) gevonden: %(missing)s. Verwacht: %(expected)s."
            )
            % {"missing": ", ".join(missing), "expected": _EXPECTED_HEADER}
        )
    return columns


def _parse_address(
    row: list[str], columns: dict[str, int], wijk_codes: set[str]
) -> tuple[str, int, _Address]:
    """Return (pc6, huisnummer, address) of a Hilversum row; raises _BadRow."""
    pc6 = normalise_postcode(row[columns["pc6"]])
    if pc6 is None:
        raise _BadRow(_("ongeldige postcode %(value)r") % {"value": row[columns["pc6"]]})
    huisnummer = row[columns["huisnummer"]].strip()
    if not _HUISNUMMER_RE.fullmatch(huisnummer):
        raise _BadRow(_("ongeldig huisnummer %(value)r") % {"value": huisnummer})
    wijk = "WK" + _strip_code(row[columns["wijk"]], prefix="WK", width=6)
    if wijk not in wijk_codes:
        raise _BadRow(_("onbekende wijkcode %(value)r") % {"value": row[columns["wijk"]]})
    buurt = _strip_code(row[columns["buurt"]], prefix="BU", width=8) or None
    if buurt is not None and not _BUURT_RE.fullmatch(buurt):
        raise _BadRow(_("ongeldige buurtcode %(value)r") % {"value": row[columns["buurt"]]})
    # CBS codes nest: buurt 04020701 lies in wijk 040207.
    if buurt is not None and not buurt.startswith(wijk[2:]):
        raise _BadRow(
            _("buurtcode %(buurt)r hoort niet bij wijk %(wijk)s")
            % {"buurt": row[columns["buurt"]], "wijk": wijk}
        )
    return pc6, int(huisnummer), _Address(wijk=wijk, buurt=f"BU{buurt}" if buurt else None)


def _rows(reader) -> Iterator[tuple[int, list[str] | None]]:
    """Yield (line number, cells) from a csv.reader, with None for a line it cannot read."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield reader.line_num, None
            continue
        # Blank lines are layout, not rows; cheap test because national files are long.
        if len(row) > 1 or (row and row[0].strip()):
            yield reader.line_num, row


def _read(
    lines: Iterable[str], *, wijk_codes: set[str], report: ImportReport
) -> dict[str, dict[int, _Address]]:
    """Stream the file; keep only Hilversum's addresses as {pc6: {huisnummer: address}}."""
    lines = iter(lines)
    first = next(lines, "")
    if not first.strip().lstrip("\ufeff"):
        raise PostcodeImportError(_("Het bestand is leeg."))
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    columns = _find_columns(next(reader))
    width = max(columns.values()) + 1
    addresses: dict[str, dict[int, _Address]] = {}
    for line, row in _rows(reader):
        report.rows_read += 1
        if row is None:
            report.add_error(line=line, message=_("regel kan niet gelezen worden als CSV"))
            continue
        if len(row) < width:
            report.add_error(
                line=line,
                message=_("%(found)s kolommen, verwacht %(expected)s")
                % {"found": len(row), "expected": len(_COLUMNS)},
            )
            continue
        # Decide on the municipality first: nearly every row of the national file stops here.
        if not _is_hilversum(row[columns["gemeente"]]):
            report.rows_other_gemeente += 1
            continue
        try:
            pc6, huisnummer, address = _parse_address(row, columns, wijk_codes)
        except _BadRow as error:
            report.add_error(line=line, message=str(error))
            continue
        numbers = addresses.setdefault(pc6, {})
        if numbers.get(huisnummer, address) != address:
            report.add_error(
                line=line,
                message=_("adres staat eerder in het bestand met een andere wijk of buurt"),
            )
            continue
        numbers[huisnummer] = address
        report.rows_kept += 1
    return addresses


def _postcode_rows(
    addresses: dict[str, dict[int, _Address]], *, report: ImportReport
) -> Iterator[tuple[str, int | None, str, str | None]]:
    """Yield (pc6, huisnummer, wijk code, buurt code): one per postcode when it lies in one
    wijk, with huisnummer None; else one per house number."""
    for pc6, numbers in addresses.items():
        wijken = {address.wijk for address in numbers.values()}
        if len(wijken) == 1:
            buurten = {address.buurt for address in numbers.values()}
            buurt = buurten.pop() if len(buurten) == 1 else None
            report.postcodes_without_number += 1
            yield pc6, None, wijken.pop(), buurt
            continue
        report.postcodes_with_number += 1
        report.numbers_mapped += len(numbers)
        for huisnummer, address in sorted(numbers.items()):
            yield pc6, huisnummer, address.wijk, address.buurt


def _write(addresses: dict[str, dict[int, _Address]], *, report: ImportReport) -> None:
    wijk_ids = dict(Wijk.objects.values_list("code", "id"))
    needed = {a.buurt for numbers in addresses.values() for a in numbers.values() if a.buurt}
    existing = set(Buurt.objects.filter(code__in=needed).values_list("code", flat=True))
    Buurt.objects.bulk_create(
        [Buurt(code=code, wijk_id=wijk_ids["WK" + code[2:8]]) for code in needed - existing],
        batch_size=_BATCH_SIZE,
    )
    buurt_ids = dict(Buurt.objects.values_list("code", "id"))
    # Replace, not merge: a newer CBS file moves and removes addresses too.
    Postcode.objects.all().delete()
    rows = (
        Postcode(
            postcode=pc6,
            huisnummer=huisnummer,
            wijk_id=wijk_ids[wijk],
            buurt_id=buurt_ids[buurt] if buurt else None,
        )
        for pc6, huisnummer, wijk, buurt in _postcode_rows(addresses, report=report)
    )
    while batch := list(itertools.islice(rows, _BATCH_SIZE)):
        Postcode.objects.bulk_create(batch)


def postcodes_import(*, lines: Iterable[str]) -> ImportReport:
    """Replace the postcode table with Hilversum's addresses from a CBS postcode file.

    lines is the text of "buurt, wijk en gemeente voor postcode-huisnummer"
    (PC6,Huisnummer,BuurtJJJJ,WijkJJJJ,GemeenteJJJJ), read as a stream. Bad rows are counted
    and reported, the good ones imported. Raises PostcodeImportError, leaving the table as it
    was, when the file is empty, has the wrong header or holds no Hilversum address at all.
    """
    report = ImportReport()
    wijk_codes = set(Wijk.objects.values_list("code", flat=True))
    addresses = _read(lines, wijk_codes=wijk_codes, report=report)
    if not addresses:
        # Importing nothing would wipe the mapping; that is never what someone meant.
        raise PostcodeImportError(
            _(
                "Het bestand bevat geen bruikbare adressen in Hilversum (gemeente %(code)s): "
                "%(read)s regels gelezen, %(other)s van andere gemeenten, %(bad)s fout. "
                "De bestaande postcodetabel is niet gewijzigd."
            )
            % {
                "code": _GEMEENTE,
                "read": report.rows_read,
                "other": report.rows_other_gemeente,
                "bad": report.rows_bad,
            }
        )
    with transaction.atomic():
        _write(addresses, report=report)
    return report
