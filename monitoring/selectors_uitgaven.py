"""Reads of the spending page: the rows entered, and budget against spending per year."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import ExtractYear

from .constants import Begrotingspost
from .models import Begroting, Uitgave

SHOWN = 200


def uitgaven_list():
    """The latest spending rows with their action and pillar (one query)."""
    return Uitgave.objects.select_related("actie__pijler", "created_by").order_by("-date", "-pk")[
        :SHOWN
    ]


@dataclass
class JaarRegel:
    year: int
    rows: list[tuple[str, Decimal, Decimal]] = field(default_factory=list)

    @property
    def budget(self) -> Decimal:
        return sum((r[1] for r in self.rows), Decimal(0))

    @property
    def spent(self) -> Decimal:
        return sum((r[2] for r in self.rows), Decimal(0))


def begroting_per_jaar() -> list[JaarRegel]:
    """Per year and budget line: budget and spending (two queries)."""
    budget = {(b.year, b.post): b.amount for b in Begroting.objects.all()}
    spent = defaultdict(Decimal)
    for year, post, total in (
        Uitgave.objects.annotate(year=ExtractYear("date"))
        .values("year", "post")
        .annotate(total=Sum("amount"))
        .values_list("year", "post", "total")
        .order_by()
    ):
        spent[(year, post)] = total
    years = sorted({year for year, _post in [*budget, *spent]})
    result = []
    for year in years:
        regel = JaarRegel(year)
        for post in Begrotingspost:
            key = (year, post.value)
            if key in budget or key in spent:
                regel.rows.append((post.label, budget.get(key, Decimal(0)), spent[key]))
        result.append(regel)
    return result
