""" "Tellen" and "vertellen": meldpunt, sociale kaart, coalition, reach targets and stories.

Each builder returns plain, JSON-safe data (chart dicts, see charts.py, or lists of dicts), so
the dashboard and an evaluation share them and a decided evaluation can keep them.
"""

from datetime import date, datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from coalitie.constants import MIN_BIJEENKOMSTEN_PER_JAAR, Rol
from coalitie.selectors import coalitie_cijfers
from meldpunt.figures import melding_figures

from . import selectors_programma as programma
from .periods import HalfYear

SUPPRESS_BELOW = 5


def _shown(count):
    # What a suppressed meldpunt count shows: the figure rests on fewer than five meldingen.
    return _("minder dan 5") if count is None else count


def meldpunt_figures(*, periods: list[HalfYear], now: datetime) -> dict:
    """Meldingen per wijk per half year (a chart), and for the last half year the median
    time to first contact and the share within the deadline. Counts under 5 are hidden, and
    so are the median and the share when they rest on fewer than 5 meldingen."""
    rows = melding_figures(
        period="halfyear",
        start=periods[0].start,
        end=periods[-1].end,
        suppress_below=SUPPRESS_BELOW,
        now=now,
    )
    labels = [str(p) for p in periods]
    areas: dict = {}
    for row in rows:
        name = row.wijk.name if row.wijk else _("Wijk onbekend")
        areas.setdefault(name, {})[row.period_label] = row
    last = labels[-1]
    chart = {
        "key": "meldingen",
        "kind": "bars",
        "title": _("Meldingen per wijk per half jaar"),
        "description": _(
            "Het aantal meldingen bij het meldpunt eenzaamheid per wijk. Een aantal onder de "
            "5 laten we niet zien, zodat niemand te herkennen is."
        ),
        "columns": [_("Wijk"), *labels],
        "rows": [
            [name, *(_shown(cells[label].meldingen) for label in labels)]
            for name, cells in areas.items()
        ],
        "x_labels": list(areas),
        "series": [
            {"name": label, "values": [cells[label].meldingen for cells in areas.values()]}
            for label in labels
        ],
        "print_values": len(labels) <= 2,
    }
    contact = [
        [
            name,
            _shown(cells[last].meldingen),
            cells[last].median_hours_to_first_contact,
            (
                None
                if cells[last].within_deadline_share is None
                else round(100 * cells[last].within_deadline_share, 1)
            ),
        ]
        for name, cells in areas.items()
    ]
    return {
        "chart": chart,
        "period": last,
        "contact_columns": [
            _("Wijk"),
            _("Meldingen"),
            _("Mediaan uren tot eerste contact"),
            _("Binnen de termijn van %(days)s werkdagen (%%)")
            % {"days": settings.MELDPUNT_FIRST_CONTACT_WORKDAYS},
        ],
        "contact_rows": contact,
    }


def aanbod_figures(*, now: datetime) -> dict:
    """Public activities on the sociale kaart and how fresh they are (a chart)."""
    counts = programma.aanbod_freshness(now=now)
    buckets = [
        (_("Gecontroleerd in het laatste half jaar"), counts["vers"]),
        (_("6 tot 7 maanden geleden (herinnering gestuurd)"), counts["herinnerd"]),
        (_("7 tot 12 maanden geleden (opnieuw controleren)"), counts["controleren"]),
        (_("Langer dan een jaar geleden (niet meer te vinden)"), counts["verlopen"]),
        (_("Nooit gecontroleerd"), counts["nooit"]),
    ]
    public = counts["vers"] + counts["herinnerd"] + counts["controleren"]
    return {
        "public": public,
        "chart": {
            "key": "versheid",
            "kind": "hbars",
            "title": _("Hoe actueel is de sociale kaart?"),
            "description": _(
                "%(public)s activiteiten zijn te vinden. Een activiteit die een jaar niemand "
                "heeft gecontroleerd, verdwijnt uit de zoekresultaten."
            )
            % {"public": public},
            "columns": [_("Laatst gecontroleerd"), _("Activiteiten")],
            "rows": [[label, n] for label, n in buckets],
            "x_labels": [label for label, _n in buckets],
            "series": [{"name": _("Activiteiten"), "values": [n for _l, n in buckets]}],
        },
    }


def coalitie_figures(*, start: date, end: date) -> dict:
    """Size of the coalition per ring on `end`; trainings and meetings from start to end."""
    cijfers = coalitie_cijfers(start=start, end=end)
    rows = [[Rol(role).label, n] for role, n in cijfers.partners_per_rol.items()]
    rows += [
        [_("Partners met een signalerende functie"), cijfers.signalerende_partners],
        [_("Ambassadeurs"), cijfers.ambassadeurs],
        [_("Ambassadeurs getraind in signaleren"), cijfers.ambassadeurs_getraind],
        [_("Trainingen gegeven"), cijfers.trainingen],
        [_("Deelnemers aan trainingen"), cijfers.training_deelnemers],
        [_("Bijeenkomsten gehouden"), cijfers.bijeenkomsten],
    ]
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "columns": [_("Wat"), _("Aantal")],
        "rows": rows,
        "bijeenkomsten": cijfers.bijeenkomsten,
        "norm": MIN_BIJEENKOMSTEN_PER_JAAR,
    }


def _telling_label(telling) -> str:
    return f"{telling.metric} ({telling.period})" if telling.period else telling.metric


def tellingen_chart() -> dict:
    """Reach targets against what was reached, per action, as a share of the target."""
    tellingen = programma.tellingen_all()
    shares = [telling.percentage for telling in tellingen]
    below = sum(1 for share in shares if share is not None and share < 100)
    return {
        "key": "bereik",
        "kind": "hbars",
        "title": _("Bereik: doel en resultaat per actie"),
        "description": (
            _("%(below)s van de %(total)s doelen zijn (nog) niet gehaald.")
            % {"below": below, "total": len(tellingen)}
            if tellingen
            else _("Er zijn nog geen doelen voor het bereik ingevuld.")
        ),
        "columns": [
            _("Pijler"),
            _("Actie"),
            _("Wat tellen we"),
            _("Periode"),
            pgettext("bereik", "Doel"),
            _("Bereikt"),
            _("Eenheid"),
            _("Bereikt van het doel (%)"),
        ],
        "rows": [
            [
                t.actie.pijler.name,
                t.actie.title,
                t.metric,
                t.period,
                t.target,
                t.achieved,
                t.unit,
                t.percentage,
            ]
            for t in tellingen
        ],
        "x_labels": [_telling_label(t) for t in tellingen],
        "series": [{"name": _("Bereikt van het doel (%)"), "values": shares}],
        "x_title": _("Procent van het doel"),
    }


def verhalen(*, start: date | None = None, end: date | None = None, limit: int = 5) -> list:
    """Stories with consent to publish (newest first), as plain data."""
    rows = programma.verhalen_published(
        start=programma.local_midnight(start) if start else None,
        end=programma.local_midnight(end) if end else None,
        limit=limit,
    )
    return [
        {
            "title": v.title,
            "text": v.text,
            "wijk": v.wijk.name if v.wijk else "",
            "actie": v.actie.title if v.actie else "",
            "date": timezone.localtime(v.created_at).date().isoformat(),
        }
        for v in rows
    ]
