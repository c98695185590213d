from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .roles import is_staff_user

# The parts of the portal in the header, in this order. A part shows once its app serves its
# start page, so the header never links to a page that does not exist.
MAIN_PARTS = [
    ("aanbod:index", _("Aanbod")),
    ("meldpunt:index", _("Meldpunt")),
    ("eenzaamheid", _("Over eenzaamheid")),
    ("zelftest:index", _("Zelftest")),
    ("agenda", _("Agenda")),
    ("coalitie:index", _("Coalitie")),
]


@lru_cache(maxsize=1)
def _existing_parts() -> tuple[tuple[str, str], ...]:
    parts = []
    for url_name, label in MAIN_PARTS:
        try:
            parts.append((reverse(url_name), label))
        except NoReverseMatch:
            continue
    return tuple(parts)


def portal(request):
    """Values the base layout needs on every page."""
    user = getattr(request, "user", None)
    show_werkruimte = bool(user and is_staff_user(user))
    nav = [
        {"url": url, "label": label, "current": request.path.startswith(url)}
        for url, label in _existing_parts()
    ]
    if show_werkruimte:
        url = reverse("werkruimte")
        nav.append({"url": url, "label": _("Werkruimte"), "current": request.path.startswith(url)})
    return {
        "main_nav": nav,
        "luisterlijn_phone": "088 0767 000",
        "show_werkruimte": show_werkruimte,
        "debug": settings.DEBUG,
    }
