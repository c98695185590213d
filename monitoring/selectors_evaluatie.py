"""Reads of the half-yearly evaluation: the list, one evaluation, and the figures it shows.

`evaluatie_data` gives the figures of an evaluation: frozen in its snapshot once vastgesteld,
computed from the other apps otherwise (`evaluatie_compute`, a fixed number of queries). The
result is plain JSON-safe data, so the web page, the PDF and the snapshot are one and the same.
"""

import json
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Max, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from pijlers.kwartalen import current_quarter

from . import figures_evaluatie, figures_ggd, figures_tellen
from . import selectors_programma as programma
from .constants import CRITERIA, Leeftijdsgroep
from .models import Evaluatie, EvaluatieRapport, Indicator
from .periods import HalfYear

SNAPSHOT_VERSION = 1
STORIES_IN_REPORT = 10
GGD_INDICATORS = ("eenzaam", "sterk-eenzaam")


def evaluaties_list() -> QuerySet[Evaluatie]:
    """Every evaluation, newest period first, with its number of score sets. One query."""
    return Evaluatie.objects.annotate(
        beoordelingen_count=Count("beoordelingen"), last_version=Max("rapporten__version")
    ).order_by("-period")


def evaluatie_get(period: str) -> Evaluatie | None:
    return Evaluatie.objects.select_related("vastgesteld_by").filter(period=period).first()


def evaluatie_for_page(period: str) -> Evaluatie | None:
    """An evaluation with its score sets and its PDF versions (three queries)."""
    return (
        Evaluatie.objects.select_related("vastgesteld_by")
        .prefetch_related(
            "beoordelingen",
            Prefetch(
                "rapporten",
                queryset=EvaluatieRapport.objects.select_related("requested_by").order_by(
                    "-version"
                ),
            ),
        )
        .filter(period=period)
        .first()
    )


def rapport_get(*, period: str, version: int) -> EvaluatieRapport | None:
    return (
        EvaluatieRapport.objects.select_related("evaluatie", "requested_by")
        .filter(evaluatie__period=period, version=version)
        .first()
    )


def beoordeling_of(evaluatie: Evaluatie, user):
    return evaluatie.beoordelingen.filter(user=user).first()


def missing_texts(evaluatie: Evaluatie) -> list[str]:
    """The criteria the kartrekker has not written about yet."""
    return [str(c.name) for c in CRITERIA if not getattr(evaluatie, c.field).strip()]


def evaluatie_data(evaluatie: Evaluatie, *, now=None) -> dict:
    """The figures of an evaluation: its snapshot when vastgesteld, else computed now."""
    if evaluatie.is_vastgesteld and evaluatie.snapshot:
        return evaluatie.snapshot
    return evaluatie_compute(evaluatie, now=now)


def _quarter_for(half_year: HalfYear, now) -> str:
    """The quarter whose view of the actions counts: the one after the half year, or today's
    when the half year has not ended yet (an unfinished action due in it is then late)."""
    return min(current_quarter(now), half_year.next_quarter)


def _ggd(half_year: HalfYear) -> dict:
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=GGD_INDICATORS)}
    observations = [
        o
        for o in figures_ggd.ggd_observations(
            indicators=set(GGD_INDICATORS), age_group=Leeftijdsgroep.VANAF_18
        )
        if o["year"] <= half_year.year
    ]
    charts = {}
    for code in GGD_INDICATORS:
        if code not in indicators:
            continue
        years = figures_ggd.wijk_years(observations, code)
        charts[f"wijken_{code.replace('-', '_')}"] = figures_ggd.wijken_chart(
            observations,
            indicator=indicators[code],
            year=years[0] if years else None,
            age_group=Leeftijdsgroep.VANAF_18,
            key=f"wijken_{code.replace('-', '_')}",
        )
    if "eenzaam" in indicators:
        charts["trend"] = figures_ggd.trend_chart(
            observations, indicator=indicators["eenzaam"], age_group=Leeftijdsgroep.VANAF_18
        )
    return {"charts": charts, "observations": observations}


def evaluatie_compute(evaluatie: Evaluatie, *, now=None) -> dict:
    """Compute every figure the evaluation of this half year shows. About twenty queries,
    whatever the amount of data."""
    now = now or timezone.now()
    half_year = evaluatie.half_year
    today = timezone.localtime(now).date()
    until = min(half_year.last_day, today) if half_year.start <= today else half_year.last_day
    ggd = _ggd(half_year)
    charts = dict(ggd["charts"])
    need = [o for o in ggd["observations"] if o["indicator"] == figures_ggd.NEED_INDICATOR]
    per_wijk, everywhere = programma.activiteiten_per_wijk(now=now)
    charts["nood_aanbod"] = figures_ggd.need_supply_chart(
        need, wijken=programma.wijken_all(), per_wijk=per_wijk, everywhere=everywhere
    )
    meldpunt = figures_tellen.meldpunt_figures(periods=[half_year.previous(), half_year], now=now)
    charts["meldingen"] = meldpunt["chart"]
    aanbod = figures_tellen.aanbod_figures(now=now)
    charts["versheid"] = aanbod["chart"]
    charts["bereik"] = figures_tellen.tellingen_chart()
    quarter = _quarter_for(half_year, now)
    finances = figures_evaluatie.finances(half_year)
    charts["financien"] = finances["chart"]
    scores = figures_evaluatie.scores(evaluatie)
    charts["scores"] = scores["chart"]
    data = {
        "version": SNAPSHOT_VERSION,
        "computed_at": now.isoformat(),
        "period": str(half_year),
        "period_label": half_year.label,
        "start": half_year.start.isoformat(),
        "last_day": half_year.last_day.isoformat(),
        "quarter": quarter,
        "charts": charts,
        "meldpunt": {k: v for k, v in meldpunt.items() if k != "chart"},
        "aanbod_public": aanbod["public"],
        "coalitie": figures_tellen.coalitie_figures(start=half_year.start, end=until),
        "pijlers": figures_evaluatie.pijlers_progress(half_year, quarter=quarter),
        "milestones": figures_evaluatie.milestones(half_year, quarter=quarter),
        "finances": {k: v for k, v in finances.items() if k != "chart"},
        "scores": {k: v for k, v in scores.items() if k != "chart"},
        "verhalen": figures_tellen.verhalen(
            start=half_year.start, end=half_year.end, limit=STORIES_IN_REPORT
        ),
    }
    data["missing"] = _missing_data(data, charts)
    # Through JSON and back: the live figures are then exactly what a snapshot would keep
    # (labels as plain strings, tuples as lists).
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _missing_data(data: dict, charts: dict) -> list[str]:
    """What the evaluation cannot show yet, in words for the page and the PDF."""
    missing = []
    if not any(c["rows"] for key, c in charts.items() if key.startswith("wijken_")):
        missing.append(_("Er zijn nog geen GGD-cijfers per wijk ingelezen."))
    if not data["scores"]["members"]:
        missing.append(_("Nog geen enkel lid van de kerngroep heeft cijfers gegeven."))
    if not data["finances"]["spending"]:
        missing.append(
            _("Er zijn nog geen uitgaven ingevoerd voor %(year)s.")
            % {"year": data["finances"]["year"]}
        )
    if not charts["bereik"]["rows"]:
        missing.append(_("Er zijn nog geen doelen voor het bereik van de acties ingevuld."))
    if not data["milestones"]:
        missing.append(_("Er zijn geen acties die in dit half jaar starten of klaar zijn."))
    if not data["verhalen"]:
        missing.append(_("Er zijn geen verhalen met toestemming uit dit half jaar."))
    return missing


def period_dates(data: dict) -> tuple[date, date]:
    return date.fromisoformat(data["start"]), date.fromisoformat(data["last_day"])
