"""Figures that belong to the evaluation itself: finances, kerngroep scores, the pillars'
progress and the milestones of the half year. Plain, JSON-safe data (see charts.py)."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from pijlers.constants import Status as ActieStatus
from pijlers.kwartalen import planning_label
from pijlers.models import Actie

from . import selectors_programma as programma
from .charts import number_text
from .constants import BEGROTINGSPOST_KORT, SCORE_FIELDS, SCORE_NORM, Begrotingspost
from .models import Begroting, Beoordeling, Evaluatie, Uitgave
from .periods import HalfYear


def _euro(amount) -> float:
    return float(Decimal(amount or 0).quantize(Decimal("0.01")))


def finances(half_year: HalfYear) -> dict:
    """The budget lines of the year against spending from 1 January up to the end of the half
    year, in total and per action. Two queries."""
    year = half_year.year
    budget = dict(Begroting.objects.filter(year=year).values_list("post", "amount"))
    spending = list(
        Uitgave.objects.filter(date__gte=date(year, 1, 1), date__lt=half_year.end)
        .select_related("actie__pijler")
        .order_by("actie__pijler__number", "actie__position", "actie_id", "date", "pk")
    )
    spent, in_period = defaultdict(Decimal), defaultdict(Decimal)
    per_actie: dict[tuple, dict] = {}
    for uitgave in spending:
        spent[uitgave.post] += uitgave.amount
        key = (uitgave.actie_id, uitgave.post)
        row = per_actie.setdefault(
            key,
            {
                "pijler": uitgave.actie.pijler.name,
                "actie": uitgave.actie.title,
                "post": Begrotingspost(uitgave.post).label,
                "year": Decimal(0),
                "period": Decimal(0),
            },
        )
        row["year"] += uitgave.amount
        if uitgave.date >= half_year.start:
            in_period[uitgave.post] += uitgave.amount
            row["period"] += uitgave.amount
    posts = [p for p in Begrotingspost if p.value in budget or spent.get(p.value)]
    rows = []
    for post in posts:
        planned, used = budget.get(post.value, Decimal(0)), spent.get(post.value, Decimal(0))
        rows.append(
            [
                post.label,
                _euro(planned),
                _euro(used),
                _euro(in_period.get(post.value)),
                _euro(planned - used),
                round(float(100 * used / planned), 1) if planned else None,
            ]
        )
    total_budget = sum(budget.values(), Decimal(0))
    total_spent = sum(spent.values(), Decimal(0))
    rows.append(
        [
            _("Totaal"),
            _euro(total_budget),
            _euro(total_spent),
            _euro(sum(in_period.values(), Decimal(0))),
            _euro(total_budget - total_spent),
            round(float(100 * total_spent / total_budget), 1) if total_budget else None,
        ]
    )
    last_day = f"{half_year.last_day:%d-%m-%Y}"
    chart = {
        "key": "financien",
        "kind": "bars",
        "title": _("Begroting %(year)s en uitgaven tot en met %(day)s")
        % {"year": year, "day": last_day},
        "description": _("Begroot: € %(budget)s. Uitgegeven: € %(spent)s.")
        % {"budget": number_text(_euro(total_budget)), "spent": number_text(_euro(total_spent))},
        "columns": [
            _("Begrotingspost"),
            _("Begroot (€)"),
            _("Uitgegeven in %(year)s (€)") % {"year": year},
            _("Waarvan in dit half jaar (€)"),
            _("Nog beschikbaar (€)"),
            _("Uitgegeven van de begroting (%)"),
        ],
        "rows": rows,
        "x_labels": [str(BEGROTINGSPOST_KORT[p]) for p in posts],
        "series": [
            {"name": _("Begroot"), "values": [_euro(budget.get(p.value)) for p in posts]},
            {"name": _("Uitgegeven"), "values": [_euro(spent.get(p.value)) for p in posts]},
        ],
        "y_title": _("Euro"),
    }
    return {
        "chart": chart,
        "year": year,
        "spending": [
            [r["pijler"], r["actie"], r["post"], _euro(r["year"]), _euro(r["period"])]
            for r in per_actie.values()
        ],
        "spending_columns": [
            _("Pijler"),
            _("Actie"),
            _("Begrotingspost"),
            _("In %(year)s (€)") % {"year": year},
            _("In dit half jaar (€)"),
        ],
    }


def scores(evaluatie: Evaluatie) -> dict:
    """The kerngroep's score sets and their averages against the norm of 7. One query."""
    sets = list(Beoordeling.objects.filter(evaluatie=evaluatie).order_by("organisatie_name", "pk"))
    averages = {}
    for field, _label in SCORE_FIELDS:
        values = [getattr(s, field) for s in sets]
        averages[field] = round(sum(values) / len(values), 1) if values else None
    rows = [
        [
            str(label),
            averages[field],
            SCORE_NORM,
            None if averages[field] is None else averages[field] >= SCORE_NORM,
        ]
        for field, label in SCORE_FIELDS
    ]
    if sets:
        description = _("Gemiddelde van %(n)s leden van de kerngroep. De norm is %(norm)s.") % {
            "n": len(sets),
            "norm": SCORE_NORM,
        }
    else:
        description = _("Nog geen enkel lid van de kerngroep heeft cijfers gegeven.")
    return {
        "chart": {
            "key": "scores",
            "kind": "hbars",
            "title": _("Cijfers van de kerngroep"),
            "description": description,
            "columns": [_("Onderdeel"), _("Gemiddeld cijfer"), _("Norm"), _("Norm gehaald")],
            "rows": rows,
            "x_labels": [str(label) for _f, label in SCORE_FIELDS],
            "series": [
                {"name": _("Gemiddeld cijfer"), "values": [averages[f] for f, _l in SCORE_FIELDS]}
            ],
            "x_title": _("Cijfer (1 tot en met 10)"),
        },
        "norm": SCORE_NORM,
        "averages": averages,
        "members": [
            {
                "organisatie": s.organisatie_name or _("Lid van de kerngroep"),
                "resultaten": s.resultaten,
                "proces": s.proces,
                "samenwerking": s.samenwerking,
                "comment": s.comment,
            }
            for s in sets
        ],
    }


def _status_label(code: str) -> str:
    return str(ActieStatus(code).label)


def pijlers_progress(half_year: HalfYear, *, quarter: str) -> list[dict]:
    """Per pillar its actions with their status and the progress written in the half year."""
    groups: dict[int, dict] = {}
    for actie in programma.acties_with_progress(
        quarter=quarter, start=half_year.start, end=half_year.end
    ):
        group = groups.setdefault(
            actie.pijler_id,
            {"number": actie.pijler.number, "name": actie.pijler.name, "acties": []},
        )
        group["acties"].append(
            {
                "title": actie.title,
                "part": actie.parent_id is not None,
                "status": actie.shown_status,
                "status_label": _status_label(actie.shown_status),
                "planning": actie.planning_label,
                "trekker": actie.trekker_label,
                "updates": [
                    {"date": v.date.isoformat(), "text": v.text} for v in actie.period_voortgang
                ],
                "tellingen": [
                    {
                        "metric": t.metric,
                        "target": t.target,
                        "achieved": t.achieved,
                        "unit": t.unit,
                        "period": t.period,
                    }
                    for t in actie.tellingen.all()
                ],
            }
        )
    return list(groups.values())


def milestones(half_year: HalfYear, *, quarter: str) -> list[dict]:
    """Actions planned to start or to be ready in the half year, and whether they did.
    One query."""
    quarters = half_year.quarters
    acties = (
        Actie.objects.with_shown_status(quarter)
        .select_related("pijler")
        .filter(Q(start_quarter__in=quarters) | Q(end_quarter__in=quarters))
        .order_by("pijler__number", "position", "pk")
    )
    rows = []
    for actie in acties:
        starts, ends = actie.start_quarter in quarters, actie.end_quarter in quarters
        if ends:
            on_track = actie.shown_status == ActieStatus.GEREED
        else:
            on_track = actie.shown_status not in (ActieStatus.GEPLAND, ActieStatus.VERTRAAGD)
        rows.append(
            {
                "pijler": actie.pijler.name,
                "title": actie.title,
                "planning": planning_label(actie.start_quarter, actie.end_quarter),
                "milestone": (
                    _("Start en klaar") if starts and ends else _("Klaar") if ends else _("Start")
                ),
                "status_label": _status_label(actie.shown_status),
                "on_track": on_track,
            }
        )
    return rows
