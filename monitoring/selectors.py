"""Reads of the monitoring app: who may see what, import runs, and figures for tables."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from hilversum_eenzaamheid import roles

from . import shown_names
from .constants import Leeftijdsgroep, RegioNiveau
from .models import ImportBatch, Indicator, Observatie

RECENT_BATCHES = 20
_AGE_ORDER = {code: position for position, code in enumerate(Leeftijdsgroep.values)}


def may_view_figures(user) -> bool:
    """The kartrekker and the kerngroep read the figures and the import status."""
    return user.is_superuser or roles.has_role(user, roles.KARTREKKER, roles.KERNGROEP)


def may_import(user) -> bool:
    """Only the kartrekker uploads files."""
    return user.is_superuser or roles.has_role(user, roles.KARTREKKER)


def import_batches_recent(*, limit: int = RECENT_BATCHES) -> QuerySet[ImportBatch]:
    """The latest import runs, newest first, with who started them (one query)."""
    return ImportBatch.objects.select_related("created_by").order_by("-created_at", "-pk")[:limit]


def import_batch_detail(pk: int) -> ImportBatch | None:
    return ImportBatch.objects.select_related("created_by").filter(pk=pk).first()


def observation_years() -> list[int]:
    """The years that have figures, newest first."""
    return list(Observatie.objects.order_by("-year").values_list("year", flat=True).distinct())


def indicator_choices() -> list[tuple[str, str]]:
    return [
        (code, shown_names.indicator_name(code, name))
        for code, name in Indicator.objects.order_by("order", "code").values_list("code", "name")
    ]


@dataclass
class FigureTable:
    """The figures of one indicator, year and age group, wider areas first."""

    indicator: Indicator
    year: int
    age_group: str
    rows: list[Observatie] = field(default_factory=list)

    @property
    def age_label(self) -> str:
        return Leeftijdsgroep(self.age_group).label


def figure_tables(
    *,
    year: int | None = None,
    indicator: str = "",
    age_group: str = "",
    with_buurten: bool = False,
) -> list[FigureTable]:
    """Observations grouped per indicator, year (newest first) and age group. One query."""
    queryset = Observatie.objects.select_related("regio", "indicator").order_by(
        "indicator__order", "indicator__code", "-year", "regio__rank", "regio__code"
    )
    if year:
        queryset = queryset.filter(year=year)
    if indicator:
        queryset = queryset.filter(indicator__code=indicator)
    if age_group:
        queryset = queryset.filter(age_group=age_group)
    if not with_buurten:
        queryset = queryset.exclude(regio__niveau=RegioNiveau.BUURT)
    tables: dict[tuple[int, int, str], FigureTable] = {}
    for observation in queryset:
        key = (observation.indicator_id, observation.year, observation.age_group)
        if key not in tables:
            tables[key] = FigureTable(
                observation.indicator, observation.year, observation.age_group
            )
        tables[key].rows.append(observation)
    # The query keeps indicators and years in order; age groups follow their list, not the alphabet.
    return sorted(
        tables.values(),
        key=lambda t: (t.indicator.order, t.indicator.code, -t.year, _AGE_ORDER[t.age_group]),
    )


def may_manage_evaluations(user) -> bool:
    """Only the kartrekker writes the evaluation, moves its status and enters spending."""
    return user.is_superuser or roles.has_role(user, roles.KARTREKKER)


def may_score(user) -> bool:
    """Kerngroep members score the evaluation, each for themselves."""
    return roles.has_role(user, roles.KERNGROEP)
