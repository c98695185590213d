"""Names the data migration stores in Dutch, shown in the page's language (issue #8).

The indicators and the wider areas are rows (monitoring 0002), named in Dutch. On a Dutch page
the stored text shows, as before, so an edit in the admin shows too. On a page in another
language a known code gets its translated text; an unknown code keeps the stored one.
"""

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .constants import GGD_REGIO_CODES, NEDERLAND_CODE

INDICATOR_NAMES = {
    "eenzaam": _("Eenzaam"),
    "sterk-eenzaam": _("Sterk eenzaam"),
    "emotioneel-eenzaam": _("Emotioneel eenzaam"),
    "sociaal-eenzaam": _("Sociaal eenzaam"),
    "eenzaam-scholieren": _("Soms tot altijd eenzaam (scholieren)"),
    "eenzaam-jongvolwassenen": _("Enigszins tot sterk eenzaam (jongvolwassenen)"),
}

INDICATOR_DEFINITIONS = {
    "eenzaam": _(
        "Deel van de inwoners dat zich matig tot zeer ernstig eenzaam voelt: score 3 of hoger "
        "op de eenzaamheidsschaal van De Jong-Gierveld."
    ),
    "sterk-eenzaam": _(
        "Deel van de inwoners dat zich ernstig tot zeer ernstig eenzaam voelt: score 9 of hoger "
        "op de eenzaamheidsschaal van De Jong-Gierveld. Oudere tabellen noemen dit "
        "'ernstig/zeer ernstig eenzaam'."
    ),
    "emotioneel-eenzaam": _(
        "Deel van de inwoners dat een hechte, intieme band mist (subschaal emotionele "
        "eenzaamheid van De Jong-Gierveld)."
    ),
    "sociaal-eenzaam": _(
        "Deel van de inwoners dat een bredere kring van mensen om zich heen mist (subschaal "
        "sociale eenzaamheid van De Jong-Gierveld)."
    ),
    "eenzaam-scholieren": _(
        "Deel van de middelbare scholieren in klas 2 en 4 dat zich soms tot altijd eenzaam voelt."
    ),
    "eenzaam-jongvolwassenen": _(
        "Deel van de jongvolwassenen van 16 tot en met 25 jaar dat zich enigszins tot sterk "
        "eenzaam voelt."
    ),
}

REGIO_NAMES = {
    NEDERLAND_CODE: _("Nederland"),
    **{code: _("GGD-regio Gooi en Vechtstreek") for code in GGD_REGIO_CODES},
}


def _page_is_dutch() -> bool:
    return (get_language() or settings.LANGUAGE_CODE) == settings.LANGUAGE_CODE


def _shown(texts: dict, code: str, stored: str) -> str:
    if _page_is_dutch() or code not in texts:
        return stored
    return str(texts[code])


def indicator_name(code: str, stored: str) -> str:
    return _shown(INDICATOR_NAMES, code, stored)


def indicator_definition(code: str, stored: str) -> str:
    return _shown(INDICATOR_DEFINITIONS, code, stored) if stored else stored


def regio_name(code: str, stored: str) -> str:
    return _shown(REGIO_NAMES, code, stored)
