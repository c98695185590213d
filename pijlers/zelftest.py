"""The self-check: the 6-item De Jong Gierveld loneliness scale, scored without any I/O.

Scoring follows the authors' manual (De Jong Gierveld & Van Tilburg, "Manual of the Loneliness
Scale", VU Amsterdam, the SPSS syntax for the six-item version), which the GGD'en and RIVM use in
the Gezondheidsmonitor:

- an emotional item counts 1 for "ja" or "min of meer", a social item for "nee" or "min of meer";
- total 0–6: 0–1 niet eenzaam, 2–4 matig eenzaam, 5–6 sterk eenzaam;
- each subscale 0–3: 0 not lonely, 1–3 lonely.

Missing answers, as in that syntax (`if (mlones>1) lones=-1`, `if (mlones>0) lonesocs=-1`):
- more than one of the six unanswered: no total;
- exactly one unanswered: the total is still given, counted over the five answers (the missing
  item adds nothing; nothing is imputed), so it may be one point low;
- a subscale has no score as soon as one of its three items is unanswered.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_MISSING = 1


class Antwoord(models.TextChoices):
    NEE = "nee", _("Nee")
    MIN_OF_MEER = "min-of-meer", _("Min of meer")
    JA = "ja", _("Ja")


class Soort(models.TextChoices):
    """The two subscales; the values are the aanbod's "soort" term codes they suggest."""

    EMOTIONEEL = "emotioneel", _("Emotionele eenzaamheid")
    SOCIAAL = "sociaal", _("Sociale eenzaamheid")


class Niveau(models.TextChoices):
    NIET = "niet", _("niet eenzaam")
    MATIG = "matig", _("matig eenzaam")
    STERK = "sterk", _("sterk eenzaam")


@dataclass(frozen=True)
class Vraag:
    name: str  # the form field
    text: str
    soort: Soort

    @property
    def lonely_answers(self) -> frozenset[str]:
        # Emotional items are worded negatively, social items positively.
        if self.soort == Soort.EMOTIONEEL:
            return frozenset({Antwoord.JA, Antwoord.MIN_OF_MEER})
        return frozenset({Antwoord.NEE, Antwoord.MIN_OF_MEER})


# In the published order, which alternates the two kinds so that people who tend to agree with
# everything do not push the score one way.
VRAGEN = (
    Vraag("leegte", _("Ik ervaar een leegte om me heen"), Soort.EMOTIONEEL),
    Vraag(
        "terugvallen",
        _("Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen"),
        Soort.SOCIAAL,
    ),
    Vraag("mensen_missen", _("Ik mis mensen om me heen"), Soort.EMOTIONEEL),
    Vraag("vertrouwen", _("Ik heb veel mensen op wie ik volledig kan vertrouwen"), Soort.SOCIAAL),
    Vraag("in_de_steek", _("Vaak voel ik me in de steek gelaten"), Soort.EMOTIONEEL),
    Vraag(
        "verbonden",
        _("Er zijn voldoende mensen met wie ik me nauw verbonden voel"),
        Soort.SOCIAAL,
    ),
)


@dataclass(frozen=True)
class Uitslag:
    """The scores of one self-check; None where too many answers are missing."""

    totaal: int | None
    emotioneel: int | None
    sociaal: int | None
    ontbrekend: tuple[str, ...]  # names of the unanswered questions, in question order

    @property
    def niveau(self) -> Niveau | None:
        return None if self.totaal is None else niveau(self.totaal)

    @property
    def emotioneel_eenzaam(self) -> bool | None:
        return None if self.emotioneel is None else self.emotioneel >= 1

    @property
    def sociaal_eenzaam(self) -> bool | None:
        return None if self.sociaal is None else self.sociaal >= 1

    @property
    def soorten(self) -> list[Soort]:
        """The kinds of loneliness the answers point to (a subscale of 1–3)."""
        found = []
        if self.sociaal_eenzaam:
            found.append(Soort.SOCIAAL)
        if self.emotioneel_eenzaam:
            found.append(Soort.EMOTIONEEL)
        return found


def niveau(totaal: int) -> Niveau:
    """The category of a total score: 0–1 niet, 2–4 matig, 5–6 sterk eenzaam."""
    if not 0 <= totaal <= len(VRAGEN):
        raise ValueError(f"a total score lies between 0 and {len(VRAGEN)}, not {totaal}")
    if totaal <= 1:
        return Niveau.NIET
    if totaal <= 4:
        return Niveau.MATIG
    return Niveau.STERK


def _subscale(points: dict[str, int], soort: Soort) -> int | None:
    names = [vraag.name for vraag in VRAGEN if vraag.soort == soort]
    if any(name not in points for name in names):
        return None
    return sum(points[name] for name in names)


def score(antwoorden: Mapping[str, str | None]) -> Uitslag:
    """Score the answers by question name; a missing, None or empty answer is unanswered.

    Raises ValueError for an answer that is not nee, min-of-meer or ja (the form rejects those
    first). Keys that are not questions are ignored.
    """
    points: dict[str, int] = {}
    for vraag in VRAGEN:
        answer = antwoorden.get(vraag.name) or None
        if answer is None:
            continue
        if answer not in Antwoord.values:
            raise ValueError(f"unknown answer {answer!r} to {vraag.name}")
        points[vraag.name] = int(answer in vraag.lonely_answers)
    missing = tuple(vraag.name for vraag in VRAGEN if vraag.name not in points)
    return Uitslag(
        totaal=None if len(missing) > MAX_MISSING else sum(points.values()),
        emotioneel=_subscale(points, Soort.EMOTIONEEL),
        sociaal=_subscale(points, Soort.SOCIAAL),
        ontbrekend=missing,
    )


# Suggestions from the sociale kaart. The age groups map onto the aanbod's "doelgroep" terms;
# activities for everyone fit every age.


class Leeftijd(models.TextChoices):
    TOT_25 = "tot-25", _("25 jaar of jonger")
    TOT_65 = "26-64", _("26 tot 65 jaar")
    TOT_75 = "65-74", _("65 tot 75 jaar")
    VANAF_75 = "75-plus", _("75 jaar of ouder")


DOELGROEPEN = {
    Leeftijd.TOT_25: ("jongeren",),
    Leeftijd.TOT_65: ("volwassenen",),
    Leeftijd.TOT_75: ("senioren",),
    Leeftijd.VANAF_75: ("senioren", "senioren-75"),
}
VOOR_IEDEREEN = "iedereen"


def zoekvragen(uitslag: Uitslag, *, leeftijd: str = "", wijk: str = "") -> list[tuple[str, str]]:
    """The GET parameters of the aanbod search that fits: kind of loneliness, age group, wijk.

    No kind when the answers point to none: then any activity may do.
    """
    params = [("soort", str(soort)) for soort in uitslag.soorten]
    if leeftijd:
        codes = (*DOELGROEPEN[Leeftijd(leeftijd)], VOOR_IEDEREEN)
        params += [("doelgroep", code) for code in codes]
    if wijk:
        params.append(("wijk", wijk))
    return params


def zoekadres(params: list[tuple[str, str]]) -> str:
    """The query string of those parameters, with its "?" (empty when there are none)."""
    return "?" + urlencode(params) if params else ""
