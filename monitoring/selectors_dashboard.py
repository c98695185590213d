"""Reads of the dashboard /monitoring/: five blocks in a fixed number of queries.

Queries, whatever the amount of data: indicators, years (for the form), the chosen figures,
the need figures, wijken, public activities per wijk (2), meldpunt figures (3), freshness of
the sociale kaart, coalition figures (4), reach targets, stories. Sixteen in all.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from . import figures_ggd, figures_tellen
from . import selectors_programma as programma
from .models import Indicator
from .periods import HalfYear
from .selectors import observation_years

# The meldpunt block looks back this many half years, the current one included.
MELDPUNT_HALF_YEARS = 4
STORIES_SHOWN = 5


@dataclass
class Dashboard:
    indicator: Indicator | None
    year: int | None
    age_group: str
    charts: dict[str, dict]
    meldpunt: dict
    aanbod: dict
    coalitie: dict
    verhalen: list[dict]
    need_flagged: list[str]


def dashboard_form_choices() -> tuple[list[int], list[tuple[str, str]], dict[str, Indicator]]:
    """Years and indicators the filter form offers (two queries)."""
    indicators = {i.code: i for i in Indicator.objects.order_by("order", "code")}
    return observation_years(), [(code, i.shown_name) for code, i in indicators.items()], indicators


def _meldpunt_periods(now: datetime) -> list[HalfYear]:
    periods = [HalfYear.current(now)]
    while len(periods) < MELDPUNT_HALF_YEARS:
        periods.insert(0, periods[0].previous())
    return periods


def dashboard(
    *, indicators: dict[str, Indicator], indicator: str, year, age_group: str, now=None
) -> Dashboard:
    """Everything the dashboard shows for the chosen indicator, year and age group."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    chosen = indicators.get(indicator)
    observations = (
        figures_ggd.ggd_observations(indicators={indicator}, age_group=age_group) if chosen else []
    )
    if chosen and year is None:
        years = figures_ggd.wijk_years(observations, indicator) or sorted(
            {o["year"] for o in observations}, reverse=True
        )
        year = years[0] if years else None
    need = figures_ggd.ggd_observations(
        indicators={figures_ggd.NEED_INDICATOR}, age_group=figures_ggd.NEED_AGE
    )
    wijken = programma.wijken_all()
    per_wijk, everywhere = programma.activiteiten_per_wijk(now=now)
    charts = {}
    if chosen:
        charts["wijken"] = figures_ggd.wijken_chart(
            observations, indicator=chosen, year=year, age_group=age_group
        )
        charts["trend"] = figures_ggd.trend_chart(
            observations, indicator=chosen, age_group=age_group
        )
    charts["nood_aanbod"] = figures_ggd.need_supply_chart(
        need, wijken=wijken, per_wijk=per_wijk, everywhere=everywhere
    )
    meldpunt = figures_tellen.meldpunt_figures(periods=_meldpunt_periods(now), now=now)
    charts["meldingen"] = meldpunt["chart"]
    aanbod = figures_tellen.aanbod_figures(now=now)
    charts["versheid"] = aanbod["chart"]
    charts["bereik"] = figures_tellen.tellingen_chart()
    return Dashboard(
        indicator=chosen,
        year=year,
        age_group=age_group,
        charts=charts,
        meldpunt=meldpunt,
        aanbod=aanbod,
        coalitie=figures_tellen.coalitie_figures(start=date(today.year, 1, 1), end=today),
        verhalen=figures_tellen.verhalen(limit=STORIES_SHOWN),
        need_flagged=charts["nood_aanbod"]["flagged"],
    )
