"""The GGD figures as charts: wijken compared, the trend, and need against supply.

Builders take observations already read (one query, see `ggd_observations`) and return chart
dicts (see charts.py), so the dashboard and an evaluation share them and a snapshot can keep
them as JSON.
"""

from statistics import median

from django.utils.translation import gettext as _

from . import shown_names
from .charts import number_text
from .constants import Leeftijdsgroep, RegioNiveau
from .models import Observatie

REFERENCE_LEVELS = (RegioNiveau.GEMEENTE, RegioNiveau.GGD_REGIO, RegioNiveau.LAND)
NEED_INDICATOR = "sterk-eenzaam"
NEED_AGE = Leeftijdsgroep.VANAF_18


def _number(value):
    return None if value is None else float(value)


def ggd_observations(*, indicators: set[str], age_group: str) -> list[dict]:
    """The figures of these indicators for one age group, for every area but the buurten,
    as plain rows. One query; the rows are few (areas × years)."""
    rows = (
        Observatie.objects.filter(indicator__code__in=indicators, age_group=age_group)
        .exclude(regio__niveau=RegioNiveau.BUURT)
        .values_list(
            "indicator__code",
            "year",
            "regio__code",
            "regio__name",
            "regio__niveau",
            "value",
            "lower",
            "upper",
        )
        .order_by("year", "regio__rank", "regio__name")
    )
    keys = ("indicator", "year", "code", "name", "niveau", "value", "lower", "upper")
    result = []
    for row in rows:
        item = dict(zip(keys, row, strict=True))
        item["name"] = shown_names.regio_name(item["code"], item["name"])
        for key in ("value", "lower", "upper"):
            item[key] = _number(item[key])
        result.append(item)
    return result


def wijk_years(observations: list[dict], indicator: str) -> list[int]:
    """Years with figures per wijk for this indicator, newest first."""
    return sorted(
        {
            o["year"]
            for o in observations
            if o["indicator"] == indicator and o["niveau"] == RegioNiveau.WIJK
        },
        reverse=True,
    )


def _references(observations: list[dict], indicator: str, year: int) -> list[dict]:
    """Hilversum, the GGD region and the Netherlands in this year; when a level has no figure
    that year, the one of the nearest year (newest first), with its year in the name."""
    found = []
    for niveau in REFERENCE_LEVELS:
        candidates = [
            o
            for o in observations
            if o["indicator"] == indicator and o["niveau"] == niveau and o["value"] is not None
        ]
        if not candidates:
            continue
        best = min(candidates, key=lambda o: (abs(o["year"] - year), -o["year"]))
        label = best["name"] if best["year"] == year else f"{best['name']} ({best['year']})"
        found.append({**best, "label": label})
    return found


def wijken_chart(
    observations: list[dict], *, indicator, year: int | None, age_group: str, key="wijken"
) -> dict:
    """Block 1: the wijken in one year with their 95% intervals, and Hilversum, the region
    and the Netherlands as reference lines."""
    age_label = Leeftijdsgroep(age_group).label.lower()
    wijken = sorted(
        (
            o
            for o in observations
            if o["indicator"] == indicator.code
            and o["niveau"] == RegioNiveau.WIJK
            and o["year"] == year
        ),
        key=lambda o: o["name"],
    )
    references = _references(observations, indicator.code, year) if year else []
    title = _("%(name)s per wijk, %(year)s, %(age)s") % {
        "name": indicator.shown_name,
        "year": year or "–",
        "age": age_label,
    }
    shown = [o for o in wijken if o["value"] is not None]
    if shown:
        high = max(shown, key=lambda o: o["value"])
        low = min(shown, key=lambda o: o["value"])
        description = _(
            "%(high)s heeft het hoogste aandeel (%(high_value)s%%), %(low)s het laagste "
            "(%(low_value)s%%). De lijnen zijn Hilversum, de GGD-regio en Nederland."
        ) % {
            "high": high["name"],
            "high_value": number_text(high["value"]),
            "low": low["name"],
            "low_value": number_text(low["value"]),
        }
    else:
        description = _("Er zijn geen cijfers per wijk voor deze keuze.")
    series = [
        {
            "name": _("Wijk (met 95%-interval)"),
            "values": [
                {"value": o["value"], "low": o["lower"], "high": o["upper"]} for o in wijken
            ],
        },
        *(
            {"name": r["label"], "values": [r["value"]] * len(wijken), "style": "reference"}
            for r in references
        ),
    ]
    rows = [
        [o["name"], _("Wijk"), o["year"], o["value"], o["lower"], o["upper"]]
        for o in [*wijken, *references]
    ]
    for row, reference in zip(rows[len(wijken) :], references, strict=True):
        row[1] = RegioNiveau(reference["niveau"]).label
    return {
        "key": key,
        "kind": "dots",
        "title": title,
        "description": description,
        "columns": [
            _("Gebied"),
            _("Soort gebied"),
            _("Jaar"),
            _("Waarde (%)"),
            _("Ondergrens 95%-interval"),
            _("Bovengrens 95%-interval"),
        ],
        "rows": rows,
        "x_labels": [o["name"] for o in wijken],
        "series": series,
        "y_title": _("Procent"),
    }


def trend_chart(observations: list[dict], *, indicator, age_group: str, key="trend") -> dict:
    """Block 2: Hilversum, the region and the Netherlands over the years."""
    mine = [o for o in observations if o["indicator"] == indicator.code and o["niveau"] != "wijk"]
    years = sorted({o["year"] for o in mine})
    areas = []
    for niveau in REFERENCE_LEVELS:
        names = [o["name"] for o in mine if o["niveau"] == niveau]
        if names:
            areas.append((niveau, names[0]))
    value = {(o["niveau"], o["year"]): o["value"] for o in mine}
    series = [
        {"name": name, "values": [value.get((niveau, year)) for year in years]}
        for niveau, name in areas
    ]
    if len(years) > 1:
        description = _("Het aandeel van %(first)s tot en met %(last)s.") % {
            "first": years[0],
            "last": years[-1],
        }
    elif years:
        description = _(
            "Er zijn alleen cijfers van %(year)s. Een trend is te zien zodra er cijfers van "
            "meer jaren zijn ingelezen."
        ) % {"year": years[0]}
    else:
        description = _("Er zijn nog geen cijfers voor Hilversum, de regio of Nederland.")
    return {
        "key": key,
        "kind": "lines",
        "title": _("%(name)s door de jaren heen, %(age)s")
        % {"name": indicator.shown_name, "age": Leeftijdsgroep(age_group).label.lower()},
        "description": description,
        "columns": [_("Jaar"), *(name for _niveau, name in areas)],
        "rows": [[year, *(value.get((niveau, year)) for niveau, _n in areas)] for year in years],
        "x_labels": [str(year) for year in years],
        "series": series,
        "y_title": _("Procent"),
    }


def _stands_out(needs: dict[int, float], counts: dict[int, int]) -> set[int]:
    """Wijken whose need is above the middle (median) of the wijken and whose supply is not
    above it: many wijken share the activities for all of Hilversum, so counts often tie."""
    if len(needs) < 2:
        return set()
    middle_need = median(needs.values())
    middle_count = median(counts[pk] for pk in needs)
    return {pk for pk, need in needs.items() if need > middle_need and counts[pk] <= middle_count}


def need_supply_chart(
    observations: list[dict], *, wijken, per_wijk: dict[int, int], everywhere: int
) -> dict:
    """Block 3: the share of strongly lonely residents per wijk (latest year with wijk
    figures) against the public activities serving that wijk (its own and those for all of
    Hilversum). Wijken with high need and little supply stand out in text and colour."""
    years = wijk_years(observations, NEED_INDICATOR)
    year = years[0] if years else None
    by_code = {
        o["code"]: o["value"]
        for o in observations
        if o["indicator"] == NEED_INDICATOR and o["year"] == year and o["niveau"] == "wijk"
    }
    needs = {w.pk: by_code[w.code] for w in wijken if by_code.get(w.code) is not None}
    counts = {w.pk: per_wijk.get(w.pk, 0) + everywhere for w in wijken}
    flagged = _stands_out(needs, counts)
    names = [w.name for w in wijken if w.pk in flagged]
    if names:
        description = _("Hoge nood en weinig aanbod: %(names)s.") % {"names": ", ".join(names)}
    elif needs:
        description = _("Geen wijk heeft zowel een hoge nood als weinig aanbod.")
    else:
        description = _("Er zijn geen cijfers per wijk over sterke eenzaamheid.")
    points = {w.pk: [needs[w.pk], counts[w.pk], w.name] for w in wijken if w.pk in needs}
    highlighted = [point for pk, point in points.items() if pk in flagged]
    others = [point for pk, point in points.items() if pk not in flagged]
    return {
        "key": "nood_aanbod",
        "kind": "scatter",
        "title": _("Nood en aanbod per wijk"),
        "description": description
        + " "
        + _(
            "Een wijk valt op als er meer inwoners sterk eenzaam zijn dan in de middelste wijk, "
            "en er niet meer activiteiten zijn dan in de middelste wijk."
        ),
        "columns": [
            _("Wijk"),
            _("Sterk eenzaam (%%), %(year)s") % {"year": year or "–"},
            _("Activiteiten in de wijk"),
            _("Activiteiten voor heel Hilversum"),
            _("Activiteiten samen"),
            _("Hoge nood, weinig aanbod"),
        ],
        "rows": [
            [
                w.name,
                needs.get(w.pk),
                per_wijk.get(w.pk, 0),
                everywhere,
                counts[w.pk],
                w.pk in flagged,
            ]
            for w in wijken
        ],
        "series": [
            {"name": _("Hoge nood, weinig aanbod"), "values": highlighted, "style": "highlight"},
            {"name": _("Andere wijken"), "values": others},
        ],
        "x_title": _("Sterk eenzaam (%)"),
        "y_title": _("Activiteiten op de sociale kaart"),
        "flagged": names,
        "year": year,
    }
