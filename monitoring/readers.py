"""Reading RIVM/CBS StatLine files (table 50150NED and 50120NED) as a stream of rows.

No database here: this module turns bytes into `RawRow`s (statline.py parses their fields).
It never holds more than one line (CSV) or one record plus a read buffer (JSON) in memory, so
a national file of a million rows costs no more memory than a small one.

CSV quirks handled: `;` (or `,`) separated and quoted, decimal comma, codes padded with spaces,
`.` or an empty cell for a missing value, UTF-8 with or without BOM or Windows-1252 (decided per
line, because a file can be plain ASCII for 100,000 lines before its first `é`).
JSON: the OData v3 `TypedDataSet` ({"odata.metadata": ..., "value": [{...}, ...]}) or a bare
array of such records. `odata.nextLink` (paging) is not followed: download the whole table.
"""

import codecs
import csv
import io
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from operator import itemgetter
from typing import BinaryIO, NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .constants import Bestandsformaat
from .statline import (
    MAX_LINE_BYTES,
    ColumnsMissing,
    FileProblem,
    RawRow,
    ReadState,
    find_columns,
    keyed,
    sniff,
    text_of,
)

_CHUNK = 1 << 16
_BOM = codecs.BOM_UTF8
# Yielded for a row of an area the importer does not keep.
SKIPPED = object()

Keep = Callable[[str], bool]


class BadLine(NamedTuple):
    """A line or record that cannot be read as a row; line is its number in the file."""

    line: int
    message: str


def check_head(head: bytes, *, complete: bool) -> str:
    """Check the start of a file before it is stored; return its format or raise FileProblem.

    complete says whether head is the whole file: only then does a JSON record that stops
    early mean the file is broken (in a big file it just continues past head).
    """
    rows = read_rows(io.BytesIO(head), ReadState())
    try:
        next(iter(rows), None)
    except ColumnsMissing:
        raise
    except FileProblem:
        if complete:
            raise
    return sniff(head)


def read_rows(
    stream: BinaryIO, state: ReadState, *, keep: Keep | None = None
) -> Iterator[RawRow | BadLine | object]:
    """Yield the rows of a StatLine file: a RawRow per row, a BadLine for a line that is
    unreadable, and SKIPPED for a row whose area code `keep` rejects (cheap: nothing else of
    that row is looked at).

    Raises FileProblem before the first row when the file has no usable header, and for JSON
    when the file stops or breaks in the middle.
    """
    head = stream.read(_CHUNK)
    state.file_format = sniff(head)
    if state.file_format == Bestandsformaat.JSON:
        return _JsonReader(stream, head, state).rows(keep)
    return _csv_rows(_CsvLines(stream, head, state), state, keep)


class _CsvLines:
    """Text lines from bytes, decoded line by line: UTF-8 where it fits, else Windows-1252."""

    def __init__(self, stream: BinaryIO, head: bytes, state: ReadState):
        self.stream = stream
        self.pending = head
        self.state = state
        self.line = 0
        if head.startswith(_BOM):
            self.pending = head[len(_BOM) :]
            # Stored in Dutch; the status page translates it (gettext_noop marks it for that).
            state.encoding = gettext_noop("UTF-8 met BOM")
        else:
            state.encoding = "UTF-8"

    def _raw_lines(self) -> Iterator[bytes]:
        buffer, start = self.pending, 0
        while True:
            end = buffer.find(b"\n", start)
            if end >= 0:
                line, start = buffer[start : end + 1], end + 1
                yield self._too_long() if len(line) > MAX_LINE_BYTES else line
                continue
            if len(buffer) - start > MAX_LINE_BYTES:
                yield self._too_long()
                buffer, start = self._skip_rest_of_line(), 0
                continue
            chunk = self.stream.read(_CHUNK)
            if not chunk:
                if start < len(buffer):
                    yield buffer[start:]
                return
            buffer, start = buffer[start:] + chunk, 0

    def _too_long(self) -> bytes:
        """Count a line too long to be a row as bad; an empty line stands in for it."""
        self.state.bad_lines.append((self.line + 1, _("regel is te lang om een rij te zijn")))
        return b"\n"  # keeps the line count of the csv reader right

    def _skip_rest_of_line(self) -> bytes:
        """Read past the end of an over-long line without keeping it; return what follows."""
        while chunk := self.stream.read(_CHUNK):
            end = chunk.find(b"\n")
            if end >= 0:
                return chunk[end + 1 :]
        return b""

    def __iter__(self) -> Iterator[str]:
        for raw in self._raw_lines():
            self.line += 1
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                self.state.encoding = "Windows-1252"
                yield raw.decode("cp1252", errors="replace")


def _csv_rows(
    lines: _CsvLines, state: ReadState, keep: Keep | None
) -> Iterator[RawRow | BadLine | object]:
    first = next(iter_lines := iter(lines), "")
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    header = next(csv.reader([first], delimiter=delimiter), [])
    columns = find_columns(header)
    state.indicators = tuple(code for code, _position in columns.indicators)
    width = len(header)
    reader = csv.reader(iter_lines, delimiter=delimiter)
    # Absent columns read the None appended to each row; the trailing None keeps the values a
    # tuple even with a single indicator column.
    picks = (columns.period, columns.age, columns.margin)
    fixed = itemgetter(*(width if p is None else p for p in picks))
    values = itemgetter(*(p for _code, p in columns.indicators), width)
    region_at = columns.region
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            message = _("regel kan niet gelezen worden als CSV (%(e)s)") % {"e": error}
            yield BadLine(reader.line_num + 1, message)
            continue
        if state.bad_lines:
            yield from _drain(state)
        if len(row) != width:
            if row and (len(row) > 1 or row[0].strip()):  # blank lines are layout, not rows
                message = _("%(found)s kolommen, verwacht %(expected)s") % {
                    "found": len(row),
                    "expected": width,
                }
                yield BadLine(reader.line_num + 1, message)
            continue
        region = row[region_at].strip().upper()
        # Nearly every row of a national file ends here, before any further work.
        if keep is not None and not keep(region):
            yield SKIPPED
            continue
        row.append(None)
        period, age, margin = fixed(row)
        yield RawRow(reader.line_num + 1, region, period, age, margin, values(row)[:-1])
    yield from _drain(state)


def _drain(state: ReadState) -> Iterator[BadLine]:
    while state.bad_lines:
        yield BadLine(*state.bad_lines.pop(0))


class _JsonReader:
    """Records of an OData TypedDataSet, decoded one at a time from a growing text buffer."""

    def __init__(self, stream: BinaryIO, head: bytes, state: ReadState):
        self.stream = stream
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.buffer = self.decoder.decode(head.removeprefix(_BOM))
        self.pos = 0
        self.eof = False
        self.json = json.JSONDecoder(parse_float=Decimal)
        self.state = state
        state.encoding = "UTF-8"

    def _more(self) -> bool:
        if self.eof:
            return False
        chunk = self.stream.read(_CHUNK)
        if self.pos > _CHUNK:  # drop what is read, so the buffer stays about one chunk
            self.buffer = self.buffer[self.pos :]
            self.pos = 0
        if not chunk:
            self.eof = True
            self.buffer += self.decoder.decode(b"", final=True)
            return False
        self.buffer += self.decoder.decode(chunk)
        return True

    def _peek(self) -> str:
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self._more():
                return ""

    def _value(self, record: int = 0):
        self._peek()  # raw_decode does not skip leading whitespace
        while True:
            try:
                value, end = self.json.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError:
                if len(self.buffer) - self.pos > MAX_LINE_BYTES or not self._more():
                    raise _broken(record) from None
                continue
            self.pos = end
            return value

    def _expect(self, char: str) -> None:
        if self._peek() != char:
            raise _broken(0)
        self.pos += 1

    def _to_records(self) -> None:
        """Move to just inside the array of records: the top level, or its "value" member."""
        if self._peek() == "[":
            self.pos += 1
            return
        self._expect("{")
        while self._peek() == '"':
            key = self._value()
            self._expect(":")
            if key == "value":
                self._expect("[")
                return
            self._value()  # metadata: skipped
            if self._peek() == ",":
                self.pos += 1
        raise FileProblem(_("Het JSON-bestand heeft geen lijst 'value' met records."))

    def rows(self, keep: Keep | None) -> Iterator[RawRow | BadLine | object]:
        self._to_records()
        columns = None
        number = 0
        while True:
            char = self._peek()
            if char == "]":
                return
            if number and char == ",":
                self.pos += 1
            number += 1
            record = self._value(number)
            if not isinstance(record, dict):
                yield BadLine(number, _("record is geen object"))
                continue
            if columns is None:
                names = list(record)
                columns = keyed(find_columns(names), names)
                self.state.indicators = tuple(code for code, _key in columns.indicators)
            region = text_of(record.get(columns.region)).upper()
            if keep is not None and not keep(region):
                yield SKIPPED
                continue
            yield RawRow(
                number,
                region,
                record.get(columns.period),
                record.get(columns.age) if columns.age else None,
                record.get(columns.margin) if columns.margin else None,
                tuple(record.get(key) for _code, key in columns.indicators),
            )


def _broken(record: int) -> FileProblem:
    where = _("record %(n)s") % {"n": record} if record else _("het begin")
    return FileProblem(
        _("Het JSON-bestand is afgebroken of ongeldig bij %(where)s.") % {"where": where}
    )
