"""Reads of the pijlers app: each page's rows in a fixed number of queries."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from coalitie.constants import BijeenkomstSoort
from coalitie.selectors import bijeenkomsten_public

from . import kwartalen
from .constants import TIMELINE_FIRST, TIMELINE_LAST, AgendaSoort, PaginaSlug, Status
from .defaults import DEFAULTS
from .models import Actie, AgendaItem, Pagina, PaginaVersie, Pijler, Verhaal, Voortgang

# The order of the columns on a board and of the counts in the overview.
STATUS_ORDER = [Status.VERTRAAGD, Status.LOPEND, Status.GEPLAND, Status.GEREED, Status.GESTOPT]
# How far back the iCalendar feed goes: calendars keep the recent past.
FEED_DAYS_BACK = 365


@dataclass
class PijlerSummary:
    pijler: Pijler
    counts: list[tuple[str, str, int]]  # (status code, label, number of actions)
    total: int


def board_overview(*, quarter: str) -> list[PijlerSummary]:
    """The six pillars with how many of their actions have each (shown) status. 2 queries."""
    counts = Counter(
        Actie.objects.with_shown_status(quarter).order_by().values_list("pijler_id", "shown_status")
    )
    summaries = []
    for pijler in Pijler.objects.all():
        row = [(s.value, s.label, counts[(pijler.pk, s.value)]) for s in STATUS_ORDER]
        summaries.append(PijlerSummary(pijler, row, sum(n for _s, _l, n in row)))
    return summaries


@dataclass
class BoardColumn:
    status: str
    label: str
    acties: list[Actie] = field(default_factory=list)


def pijler_board(*, code: str, quarter: str) -> tuple[Pijler, list[BoardColumn]]:
    """One pillar with its sub-goals, and its actions in a column per shown status."""
    pijler = get_object_or_404(Pijler.objects.prefetch_related("subdoelen"), code=code)
    columns = {s.value: BoardColumn(s.value, s.label) for s in STATUS_ORDER}
    for actie in Actie.objects.for_lists(quarter).filter(pijler=pijler):
        columns[actie.shown_status].acties.append(actie)
    return pijler, list(columns.values())


@dataclass
class TimelineCell:
    quarter: str
    active: bool
    now: bool
    first: bool = False
    last: bool = False


@dataclass
class TimelineRow:
    actie: Actie
    cells: list[TimelineCell]
    continues: bool  # runs on after the last column
    started_before: bool  # began before the first column


@dataclass
class TimelineGroup:
    pijler: Pijler
    rows: list[TimelineRow]


@dataclass
class Timeline:
    quarters: list[str]
    current: str
    groups: list[TimelineGroup]

    @property
    def current_shown(self) -> bool:
        return self.current in self.quarters


def _timeline_row(actie: Actie, quarters: list[str], current: str) -> TimelineRow:
    end = actie.end_quarter or quarters[-1]
    cells = [TimelineCell(q, actie.start_quarter <= q <= end, q == current) for q in quarters]
    active = [cell for cell in cells if cell.active]
    if active:
        active[0].first = True
        active[-1].last = True
    return TimelineRow(
        actie=actie,
        cells=cells,
        continues=not actie.end_quarter or actie.end_quarter > quarters[-1],
        started_before=actie.start_quarter < quarters[0],
    )


def timeline(*, quarter: str) -> Timeline:
    """Every action as a row of quarter cells from 2024-Q1 to 2026-Q4. 2 queries."""
    quarters = kwartalen.quarter_range(TIMELINE_FIRST, TIMELINE_LAST)
    groups = {p.pk: TimelineGroup(p, []) for p in Pijler.objects.all()}
    for actie in Actie.objects.for_lists(quarter):
        groups[actie.pijler_id].rows.append(_timeline_row(actie, quarters, quarter))
    return Timeline(quarters, quarter, list(groups.values()))


def actie_detail(*, pk: int, quarter: str) -> Actie:
    """An action with its parts, partners, reach targets, progress log and stories."""
    queryset = Actie.objects.for_lists(quarter).prefetch_related(
        "partners",
        "tellingen",
        Prefetch(
            "deelacties",
            queryset=Actie.objects.with_shown_status(quarter).order_by("position", "pk"),
        ),
        Prefetch("voortgang", queryset=Voortgang.objects.select_related("author")),
        Prefetch("verhalen", queryset=Verhaal.objects.select_related("wijk")),
    )
    return get_object_or_404(queryset, pk=pk)


def actie_for_edit(*, pk: int) -> Actie:
    return get_object_or_404(
        Actie.objects.select_related("pijler").prefetch_related("partners"), pk=pk
    )


def verhalen_public(*, limit: int | None = None):
    """Stories with consent to publish, newest first (never any other)."""
    queryset = Verhaal.objects.published().select_related("wijk")
    return queryset[:limit] if limit else queryset


def verhalen_staff():
    return Verhaal.objects.select_related("wijk", "actie", "actie__pijler")


def pagina_get(slug: str) -> Pagina:
    """The stored page, or (when its row is missing) an unsaved one with the default text."""
    pagina = Pagina.objects.filter(slug=slug).first()
    if pagina is None:
        title, body = DEFAULTS[PaginaSlug(slug)]
        pagina = Pagina(slug=slug, title=title, body=body)
    return pagina


def pagina_versies(slug: str):
    return PaginaVersie.objects.filter(pagina__slug=slug).select_related("author")


def _meeting_item(meeting) -> AgendaItem:
    """A public meeting of the coalition shown as an agenda item; it is not stored twice."""
    kind = (
        AgendaSoort.SYMPOSIUM
        if meeting.kind == BijeenkomstSoort.KENNISSESSIE
        else AgendaSoort.BIJEENKOMST
    )
    item = AgendaItem(
        title=meeting.title,
        kind=kind,
        start_date=meeting.date,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        place=meeting.place,
        public=True,
    )
    item.feed_uid = f"coalitie-bijeenkomst-{meeting.pk}"
    return item


def _with_meetings(items, *, from_date: date) -> list[AgendaItem]:
    """The agenda's own items and the coalition's public meetings, soonest first."""
    meetings = [_meeting_item(m) for m in bijeenkomsten_public(from_date=from_date)]
    return sorted(
        [*items, *meetings],
        key=lambda item: (item.start_date, item.start_time or datetime.min.time(), item.title),
    )


def agenda_public(*, today: date) -> list[AgendaItem]:
    """Public items that have not ended yet, with the coalition's public meetings."""
    return _with_meetings(AgendaItem.objects.public().from_day(today), from_date=today)


def agenda_past(*, today: date):
    """Public items that ended before today, most recent first."""
    return (
        AgendaItem.objects.public()
        .exclude(pk__in=AgendaItem.objects.from_day(today).values("pk"))
        .order_by("-start_date", "-start_time", "-pk")
    )


def agenda_upcoming(*, today: date, limit: int):
    return agenda_public(today=today)[:limit]


def agenda_feed(*, today: date) -> list[AgendaItem]:
    since = today - timedelta(days=FEED_DAYS_BACK)
    return _with_meetings(AgendaItem.objects.public().from_day(since), from_date=since)


def agenda_staff(*, today: date, include_past: bool = False):
    queryset = AgendaItem.objects.all()
    return queryset if include_past else queryset.from_day(today)
