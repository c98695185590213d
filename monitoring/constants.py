"""Choices and fixed codes of the GGD figures. Codes are stored; labels are what people read."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegioNiveau(models.TextChoices):
    LAND = "land", _("Nederland")
    GGD_REGIO = "ggd-regio", _("GGD-regio")
    GEMEENTE = "gemeente", _("Gemeente")
    WIJK = "wijk", _("Wijk")
    BUURT = "buurt", _("Buurt")


# Tables list the wider areas first, so a wijk is read against the city, region and country.
NIVEAU_RANK = {
    RegioNiveau.LAND: 0,
    RegioNiveau.GGD_REGIO: 1,
    RegioNiveau.GEMEENTE: 2,
    RegioNiveau.WIJK: 3,
    RegioNiveau.BUURT: 4,
}


class Leeftijdsgroep(models.TextChoices):
    VANAF_18 = "18+", _("18 jaar en ouder")
    VAN_18_TOT_65 = "18-64", _("18 tot 65 jaar")
    VANAF_65 = "65+", _("65 jaar en ouder")
    # Only in the programme's table 3 (Gezondheidsmonitor Jeugd and Jongvolwassenen).
    SCHOLIEREN = "klas-2-4", _("Middelbare scholieren (klas 2 en 4)")
    VAN_16_TOT_26 = "16-25", _("16 tot en met 25 jaar")


class ImportStatus(models.TextChoices):
    WACHTEND = "wachtend", _("Wacht op verwerking")
    BEZIG = "bezig", _("Wordt verwerkt")
    KLAAR = "klaar", _("Klaar")
    KLAAR_MET_FOUTEN = "klaar-met-fouten", _("Klaar, met foute regels")
    MISLUKT = "mislukt", _("Mislukt")


ACTIVE_STATUSES = (ImportStatus.WACHTEND, ImportStatus.BEZIG)
FINISHED_STATUSES = (ImportStatus.KLAAR, ImportStatus.KLAAR_MET_FOUTEN, ImportStatus.MISLUKT)


class Bestandsformaat(models.TextChoices):
    CSV = "csv", _("CSV (StatLine)")
    JSON = "json", _("JSON (OData)")


HILVERSUM_CODE = "GM0402"
NEDERLAND_CODE = "NL01"
# CBS code of the GGD region Gooi en Vechtstreek in its regional classification (the 2020s
# indeling). Older tables may carry another GG code; add it here when one turns up.
GGD_REGIO_CODES = ("GG3606",)
GGD_REGIO_CODE = GGD_REGIO_CODES[0]

# StatLine dimension codes of table 50150NED (and 50120NED).
LEEFTIJD_CODES = {
    "20300": Leeftijdsgroep.VANAF_18,
    "53115": Leeftijdsgroep.VAN_18_TOT_65,
    "80200": Leeftijdsgroep.VANAF_65,
}
MARGE_VALUE = "value"
MARGE_LOWER = "lower"
MARGE_UPPER = "upper"
MARGE_CODES = {"MW00000": MARGE_VALUE, "MOG0095": MARGE_LOWER, "MBG0095": MARGE_UPPER}

DEFAULT_SOURCE = "RIVM/CBS StatLine, Gezondheid per wijk en buurt (tabel 50150NED)"


@dataclass(frozen=True)
class IndicatorDef:
    code: str
    name: str
    definition: str
    source: str
    # Column name prefixes in StatLine tables; the numeric suffix differs between versions.
    prefixes: tuple[str, ...] = ()
    unit: str = "%"
    lower_is_better: bool = True


_GEZONDHEIDSMONITOR = "Gezondheidsmonitor Volwassenen en Ouderen (GGD'en, CBS en RIVM)"

# The data migration copies this list, so later edits here do not rewrite history.
INDICATORS = (
    IndicatorDef(
        "eenzaam",
        "Eenzaam",
        "Deel van de inwoners dat zich matig tot zeer ernstig eenzaam voelt: score 3 of hoger "
        "op de eenzaamheidsschaal van De Jong-Gierveld.",
        _GEZONDHEIDSMONITOR,
        ("Eenzaam_",),
    ),
    IndicatorDef(
        "sterk-eenzaam",
        "Sterk eenzaam",
        "Deel van de inwoners dat zich ernstig tot zeer ernstig eenzaam voelt: score 9 of hoger "
        "op de eenzaamheidsschaal van De Jong-Gierveld. Oudere tabellen noemen dit "
        "'ernstig/zeer ernstig eenzaam'.",
        _GEZONDHEIDSMONITOR,
        ("SterkEenzaam_", "ErnstigZeerErnstigEenzaam_"),
    ),
    IndicatorDef(
        "emotioneel-eenzaam",
        "Emotioneel eenzaam",
        "Deel van de inwoners dat een hechte, intieme band mist (subschaal emotionele "
        "eenzaamheid van De Jong-Gierveld).",
        _GEZONDHEIDSMONITOR,
        ("EmotioneelEenzaam_",),
    ),
    IndicatorDef(
        "sociaal-eenzaam",
        "Sociaal eenzaam",
        "Deel van de inwoners dat een bredere kring van mensen om zich heen mist (subschaal "
        "sociale eenzaamheid van De Jong-Gierveld).",
        _GEZONDHEIDSMONITOR,
        ("SociaalEenzaam_",),
    ),
    IndicatorDef(
        "eenzaam-scholieren",
        "Soms tot altijd eenzaam (scholieren)",
        "Deel van de middelbare scholieren in klas 2 en 4 dat zich soms tot altijd eenzaam voelt.",
        "Gezondheidsmonitor Jeugd (GGD'en en RIVM)",
    ),
    IndicatorDef(
        "eenzaam-jongvolwassenen",
        "Enigszins tot sterk eenzaam (jongvolwassenen)",
        "Deel van de jongvolwassenen van 16 tot en met 25 jaar dat zich enigszins tot sterk "
        "eenzaam voelt.",
        "Gezondheidsmonitor Jongvolwassenen (GGD'en en RIVM)",
    ),
)
# The four loneliness columns of the StatLine tables, by indicator code.
IMPORT_INDICATORS = tuple(ind for ind in INDICATORS if ind.prefixes)


# --- the half-yearly evaluation (chapter 8 of the programme) -----------------------------------


class EvaluatieStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    IN_BESPREKING = "in-bespreking", _("In bespreking")
    VASTGESTELD = "vastgesteld", _("Vastgesteld")


# The only moves the kartrekker can make. Vastgesteld is final: a decided report never changes.
EVALUATIE_TRANSITIONS = {
    EvaluatieStatus.CONCEPT: (EvaluatieStatus.IN_BESPREKING,),
    EvaluatieStatus.IN_BESPREKING: (EvaluatieStatus.CONCEPT, EvaluatieStatus.VASTGESTELD),
    EvaluatieStatus.VASTGESTELD: (),
}
# The button text for each move.
TRANSITION_LABELS = {
    EvaluatieStatus.IN_BESPREKING: _("Naar de kerngroep: in bespreking"),
    EvaluatieStatus.CONCEPT: _("Terug naar concept"),
    EvaluatieStatus.VASTGESTELD: _("Vaststellen"),
}


@dataclass(frozen=True)
class Criterium:
    field: str
    name: str
    description: str


# The evaluation criteria of chapter 8, in its words.
CRITERIA = (
    Criterium(
        "relevantie",
        _("Relevantie"),
        _(
            "De acties dragen bij aan de problemen en uitdagingen zoals deze uit de praktijk "
            "worden opgehaald."
        ),
    ),
    Criterium(
        "uitvoering",
        _("Uitvoering"),
        _("De acties worden uitgevoerd conform het plan van aanpak, zowel qua inhoud als tijdpad."),
    ),
    Criterium(
        "effectiviteit",
        _("Effectiviteit"),
        _("De beoogde (tussen)resultaten worden conform plan van aanpak behaald."),
    ),
    Criterium(
        "efficientie",
        _("Efficiëntie"),
        _(
            "De resultaten worden bereikt op een kostenefficiënte wijze. De resultaten staan in "
            "verhouding tot de ingezette middelen."
        ),
    ),
    Criterium(
        "tevredenheid",
        _("Tevredenheid/draagvlak"),
        _(
            "De kernpartners van de lokale coalitie waarderen de voortgang van de realisatie "
            "van het plan van aanpak t.a.v. resultaten, proces en samenwerking met minimaal een "
            "gemiddelde score van 7. Inwoners waarderen de acties uit het plan van aanpak "
            "(kwalitatief)."
        ),
    ),
    Criterium(
        "lessen",
        _("Lessen voor de toekomst"),
        _(
            "De evaluatie maakt een vertaling van de constateringen naar benodigde bijsturing "
            "en verbetering voor het volgende jaar."
        ),
    ),
)
CRITERIA_FIELDS = tuple(c.field for c in CRITERIA)

# Kerngroep members score results, process and cooperation; the programme's norm is an
# average of at least 7.
SCORE_MIN = 1
SCORE_MAX = 10
SCORE_NORM = 7
SCORE_FIELDS = (
    ("resultaten", _("Resultaten")),
    ("proces", _("Proces")),
    ("samenwerking", _("Samenwerking")),
)


class Begrotingspost(models.TextChoices):
    """The budget lines of chapter 9 (Financiën)."""

    EENZAAMHEID = "coalitieakkoord-eenzaamheid", _("Coalitieakkoord: tegengaan eenzaamheid")
    DIGITAAL = (
        "coalitieakkoord-digitaal",
        _("Coalitieakkoord: investeren in digitaal meedoen ouderen"),
    )
    SPUK = "brede-spuk", _("Brede SPUK: één tegen eenzaamheid")


# Short names for the labels of a chart.
BEGROTINGSPOST_KORT = {
    Begrotingspost.EENZAAMHEID: _("Tegengaan eenzaamheid"),
    Begrotingspost.DIGITAAL: _("Digitaal meedoen ouderen"),
    Begrotingspost.SPUK: _("Brede SPUK"),
}

# Chapter 9, euros per year; the data migration copies this, so later edits here don't
# rewrite history. Totals: 2024 €225.000, 2025 €215.000, 2026–2030 €175.000.
BEGROTING = {
    Begrotingspost.EENZAAMHEID: {year: 150_000 for year in range(2024, 2031)},
    Begrotingspost.DIGITAAL: {year: 25_000 for year in range(2024, 2031)},
    Begrotingspost.SPUK: {2024: 50_000, 2025: 40_000},
}


class RapportStatus(models.TextChoices):
    WACHTEND = "wachtend", _("Wacht op verwerking")
    BEZIG = "bezig", _("Wordt gemaakt")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")


RAPPORT_ACTIVE = (RapportStatus.WACHTEND, RapportStatus.BEZIG)
