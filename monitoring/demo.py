"""Demo data of monitoring: the loneliness figures of the programme (Uitvoeringsagenda
Eenzaamheid 2024–2030, tables 1–4) and the demo evaluations (demo_evaluatie.py).

`seed_figures()` is idempotent: it adds the figures that are missing and never overwrites a
figure that exists, so a real import done later is not undone by seeding again. The numbers are
copied from the tables exactly (the text around table 1 says 49,9%; the table itself says
49,4%, and the table is what we keep). Hilversum has no figure for 16–25 year olds in table 3 ("-").
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from .constants import GGD_REGIO_CODE, HILVERSUM_CODE, NEDERLAND_CODE, RegioNiveau
from .constants import Leeftijdsgroep as L
from .models import Observatie
from .reference import indicators_ensure, regio_get_or_create

_PROGRAMME = "Uitvoeringsagenda Eenzaamheid 2024–2030, tabel %s. Bron: %s"
SOURCE_2022 = _PROGRAMME % (
    "1 en 2",
    "RIVM Statline 2022. Cijfers afkomstig uit Corona Gezondheidsmonitor Volwassenen en "
    "Ouderen 2022.",
)
SOURCE_JEUGD = _PROGRAMME % (
    "3",
    "RIVM Statline. Cijfers afkomstig uit Corona Gezondheidsmonitor Jeugd 2021, GGD’en en RIVM.",
)
SOURCE_JONGVOLWASSENEN = _PROGRAMME % (
    "3",
    "RIVM Statline. Cijfers afkomstig uit Corona Gezondheidsmonitor Jongvolwassenen 2022, "
    "GGD’en en RIVM.",
)
SOURCE_WIJKEN_2020 = _PROGRAMME % (
    "4",
    "buurtatlas.vzinfo.nl. Cijfers afkomstig van SMAP-data RIVM i.s.m. GGD’en; gebaseerd op de "
    "Corona Gezondheidsmonitor Volwassenen en Ouderen 2020. Onderzoek uitgevoerd door de "
    "GGD’en, CBS en RIVM.",
)

HV, GGD, NL = HILVERSUM_CODE, GGD_REGIO_CODE, NEDERLAND_CODE


@dataclass(frozen=True)
class DemoFigure:
    regio: str
    indicator: str
    year: int
    age_group: str
    value: str
    source: str


def _table_1() -> list[DemoFigure]:
    rows = {
        "eenzaam": ("49.4", "45.5", "48.6"),
        "sterk-eenzaam": ("13.4", "11.5", "14.2"),
        "emotioneel-eenzaam": ("30", "26.9", "29.6"),
        "sociaal-eenzaam": ("34.9", "32.1", "34.9"),
    }
    return [
        DemoFigure(regio, indicator, 2022, L.VANAF_18, value, SOURCE_2022)
        for indicator, values in rows.items()
        for regio, value in zip((HV, GGD, NL), values, strict=True)
    ]


def _table_2() -> list[DemoFigure]:
    rows = {
        "eenzaam": ("48.2", "44.5", "53.7", "48.2"),
        "sterk-eenzaam": ("13.8", "11.8", "12.3", "10.8"),
        "emotioneel-eenzaam": ("30.1", "27.5", "29.7", "25.2"),
        "sociaal-eenzaam": ("33.3", "30.9", "40.2", "35.3"),
    }
    columns = ((HV, L.VAN_18_TOT_65), (GGD, L.VAN_18_TOT_65), (HV, L.VANAF_65), (GGD, L.VANAF_65))
    return [
        DemoFigure(regio, indicator, 2022, age_group, value, SOURCE_2022)
        for indicator, values in rows.items()
        for (regio, age_group), value in zip(columns, values, strict=True)
    ]


def _table_3() -> list[DemoFigure]:
    pupils = zip((HV, GGD, NL), ("32.2", "31.7", "29.6"), strict=True)
    young = zip((GGD, NL), ("63.6", "63.1"), strict=True)
    return [
        *(
            DemoFigure(r, "eenzaam-scholieren", 2021, L.SCHOLIEREN, v, SOURCE_JEUGD)
            for r, v in pupils
        ),
        *(
            DemoFigure(
                r, "eenzaam-jongvolwassenen", 2022, L.VAN_16_TOT_26, v, SOURCE_JONGVOLWASSENEN
            )
            for r, v in young
        ),
    ]


# Table 4: wijk → (eenzaam, ernstig eenzaam), 18 and over, 2020.
WIJKEN_2020 = {
    "Centrum": ("52.4", "13"),
    "Hilversumse Meent": ("44.8", "9.2"),
    "Landelijk Gebied": ("40.7", "7.5"),
    "Noordoost": ("51", "13"),
    "Noordwest": ("41.8", "7.8"),
    "Oost": ("49.1", "12"),
    "Zuid": ("46.3", "10.2"),
    "Zuidoost": ("46.5", "10.5"),
    "Zuidwest": ("48.3", "10.8"),
}


def _table_4(wijk_codes: dict[str, str]) -> list[DemoFigure]:
    return [
        DemoFigure(wijk_codes[name], indicator, 2020, L.VANAF_18, value, SOURCE_WIJKEN_2020)
        for name, values in WIJKEN_2020.items()
        for indicator, value in zip(("eenzaam", "sterk-eenzaam"), values, strict=True)
    ]


def demo_figures() -> list[DemoFigure]:
    """Every figure of tables 1–4, as (area code, indicator, year, age group, value, source)."""
    from wijken.models import Wijk

    wijk_codes = dict(Wijk.objects.values_list("name", "code"))
    return [*_table_1(), *_table_2(), *_table_3(), *_table_4(wijk_codes)]


_NIVEAU = {NL: RegioNiveau.LAND, GGD: RegioNiveau.GGD_REGIO, HV: RegioNiveau.GEMEENTE}


@transaction.atomic
def seed() -> int:
    """Load the figures, then the demo evaluations; return how many rows were added."""
    from . import demo_evaluatie

    return seed_figures() + demo_evaluatie.seed()


@transaction.atomic
def seed_figures() -> int:
    """Add the programme's figures that are missing; return how many were added."""
    indicators = indicators_ensure()
    regions = {}
    added = 0
    for figure in demo_figures():
        if figure.regio not in regions:
            niveau = _NIVEAU.get(figure.regio, RegioNiveau.WIJK)
            regions[figure.regio] = regio_get_or_create(code=figure.regio, niveau=niveau)
        _observation, created = Observatie.objects.get_or_create(
            regio=regions[figure.regio],
            indicator=indicators[figure.indicator],
            year=figure.year,
            age_group=figure.age_group,
            defaults={"value": Decimal(figure.value), "source": figure.source},
        )
        added += created
    return added
