"""The GGD import: StatLine rows in, observations out, streaming and idempotent.

Value, lower and upper bound of one figure arrive as three rows (Marges MW00000, MOG0095,
MBG0095), in any order and anywhere in the file. Each row only sets its own field of the
observation; rows are collected per (area, indicator, year, age group) in a buffer of bounded
size and written in batches, merging into what earlier batches (or imports) wrote. So the
import needs no sorted input and no memory in proportion to the file.

An observation only changes, and only then points at this batch, when a value differs from what
is stored: importing the same file twice changes nothing.
"""

import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import BinaryIO

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import readers, statline
from .constants import IMPORT_INDICATORS, ImportStatus
from .models import ImportBatch, Observatie
from .reference import indicators_ensure, regio_get_or_create

logger = logging.getLogger(__name__)

# Enough to show what is wrong with a file without flooding the page.
MAX_REPORTED_ERRORS = 20
# The status page reads the counters from the batch; they are written this often.
PROGRESS_EVERY = 2000
# Observations collected before they are written.
FLUSH_SIZE = 500
_MIN_YEAR, _MAX_YEAR = 1990, 2100
_FIELDS = ("value", "lower", "upper")
_UNIQUE = ("regio", "indicator", "year", "age_group")

Key = tuple[int, int, int, str]  # regio id, indicator id, year, age group


@dataclass
class _Counts:
    read: int = 0
    imported: int = 0
    skipped: int = 0
    failed: int = 0
    created: int = 0
    updated: int = 0


class GgdImporter:
    """Runs one import for one batch. Use `run(stream)`; the batch holds the result."""

    def __init__(self, batch: ImportBatch):
        self.batch = batch
        self.counts = _Counts()
        self.errors: list[dict] = []
        self.state = statline.ReadState()
        self.pending: dict[Key, dict[str, Decimal | None]] = {}
        indicators = indicators_ensure()
        self.indicators = {i.code: indicators[i.code].pk for i in IMPORT_INDICATORS}
        self.regions: dict[str, int] = {}

    def run(self, stream: BinaryIO) -> ImportBatch:
        """Read the whole stream, write what it holds, and record the outcome on the batch."""
        try:
            for item in readers.read_rows(stream, self.state, keep=_keep):
                self.counts.read += 1
                if item is readers.SKIPPED:
                    self.counts.skipped += 1
                elif isinstance(item, readers.BadLine):
                    self._error(item.line, item.message)
                else:
                    self._row(item)
                if self.counts.read % PROGRESS_EVERY == 0:
                    self._progress()
        except statline.FileProblem as problem:
            self._flush()
            return self._finish(ImportStatus.MISLUKT, self._problem_message(problem))
        self._flush()
        if self.counts.read == 0:
            return self._finish(ImportStatus.MISLUKT, _("Het bestand bevat geen regels."))
        status = ImportStatus.KLAAR_MET_FOUTEN if self.counts.failed else ImportStatus.KLAAR
        return self._finish(status, "")

    def _problem_message(self, problem: statline.FileProblem) -> str:
        if self.counts.imported:
            return _("%(problem)s De %(n)s goede regels ervoor zijn wel verwerkt.") % {
                "problem": problem,
                "n": self.counts.imported,
            }
        return str(problem)

    def _error(self, line: int, message: str) -> None:
        self.counts.failed += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append({"line": line, "message": str(message)})

    def _row(self, row: statline.RawRow) -> None:
        if not row.region:
            self._error(row.line, _("geen gebiedscode"))
            return
        niveau = statline.region_niveau(row.region)
        if niveau is None:
            self.counts.skipped += 1
            return
        try:
            year, age_group, margin, values = self._parse(row)
        except statline.SkipRow:
            self.counts.skipped += 1
            return
        except statline.RowError as error:
            self._error(row.line, str(error))
            return
        regio_id = self._regio_id(row.region, niveau)
        for code, value in values:
            key = (regio_id, self.indicators[code], year, age_group)
            self.pending.setdefault(key, {})[margin] = value
        self.counts.imported += 1
        if len(self.pending) >= FLUSH_SIZE:
            self._flush()

    def _parse(self, row: statline.RawRow):
        year = statline.parse_year(row.period)
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            raise statline.RowError(_("jaar %(year)s ligt buiten het bereik") % {"year": year})
        age_group = statline.parse_age(row.age)
        margin = statline.parse_margin(row.margin)
        values = []
        for code, raw in zip(self.state.indicators, row.values, strict=True):
            try:
                values.append((code, statline.parse_percentage(raw)))
            except statline.RowError as error:
                raise statline.RowError(f"{code}: {error}") from None
        return year, age_group, margin, values

    def _regio_id(self, code: str, niveau: str) -> int:
        if code not in self.regions:
            self.regions[code] = regio_get_or_create(code=code, niveau=niveau).pk
        return self.regions[code]

    def _flush(self) -> None:
        if not self.pending:
            return
        pending, self.pending = self.pending, {}
        self._write(pending)

    @transaction.atomic
    def _write(self, pending: dict[Key, dict[str, Decimal | None]]) -> None:
        existing = {
            (o.regio_id, o.indicator_id, o.year, o.age_group): o
            for o in Observatie.objects.filter(_covering(pending))
        }
        source = self.batch.source
        new, changed = [], []
        for key, fields in pending.items():
            observation = existing.get(key)
            if observation is None:
                if any(value is not None for value in fields.values()):
                    regio_id, indicator_id, year, age_group = key
                    new.append(
                        Observatie(
                            regio_id=regio_id,
                            indicator_id=indicator_id,
                            year=year,
                            age_group=age_group,
                            source=source,
                            batch=self.batch,
                            **fields,
                        )
                    )
            elif _merge(observation, fields, source):
                observation.batch = self.batch
                changed.append(observation)
        for observation in changed:
            # Written as an upsert on the unique key: much cheaper than bulk_update's CASE
            # expressions, and a row another import added meanwhile is updated, not clashed with.
            observation.pk = None
        Observatie.objects.bulk_create(
            [*new, *changed],
            update_conflicts=True,
            unique_fields=_UNIQUE,
            update_fields=[*_FIELDS, "source", "batch"],
        )
        self.counts.created += len(new)
        self.counts.updated += len(changed)

    def _counters(self) -> dict:
        return {
            "rows_read": self.counts.read,
            "rows_imported": self.counts.imported,
            "rows_skipped": self.counts.skipped,
            "rows_failed": self.counts.failed,
            "observations_created": self.counts.created,
            "observations_updated": self.counts.updated,
        }

    def _progress(self) -> None:
        ImportBatch.objects.filter(pk=self.batch.pk).update(
            file_format=self.state.file_format, encoding=self.state.encoding, **self._counters()
        )

    def _finish(self, status: str, message: str) -> ImportBatch:
        batch = self.batch
        for name, value in self._counters().items():
            setattr(batch, name, value)
        batch.status = status
        batch.message = message
        batch.errors = self.errors
        batch.file_format = self.state.file_format
        batch.encoding = self.state.encoding
        batch.finished_at = timezone.now()
        batch.save()
        return batch


def _keep(code: str) -> bool:
    # An empty code is kept so that _row reports it as an error instead of skipping it.
    return not code or statline.region_niveau(code) is not None


def _covering(pending: dict[Key, dict]) -> Q:
    """A filter for the stored observations of these keys (a few extra rows at most)."""
    years: dict[int, set[int]] = {}
    for regio_id, _indicator, year, _age in pending:
        years.setdefault(regio_id, set()).add(year)
    return Q(
        *(Q(regio_id=regio_id, year__in=sorted(ys)) for regio_id, ys in years.items()),
        _connector=Q.OR,
    )


def _merge(observation: Observatie, fields: dict[str, Decimal | None], source: str) -> bool:
    """Copy the fields that differ onto the observation; True when anything changed."""
    changed = False
    for name, value in fields.items():
        if getattr(observation, name) != value:
            setattr(observation, name, value)
            changed = True
    if changed and observation.source != source:
        observation.source = source
    return changed
