from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language, get_language_info
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


# Per language: reverse() gives /en/… addresses while English is active.
@lru_cache(maxsize=len(settings.LANGUAGES))
def _existing_parts(language: str) -> tuple[tuple[str, str], ...]:
    parts = []
    for url_name, label in MAIN_PARTS:
        try:
            parts.append((reverse(url_name), label))
        except NoReverseMatch:
            continue
    return tuple(parts)


def language_switch(request) -> list[dict[str, str]]:
    """A link to this page in each other language, with its query string (the same search).

    A page without a version in the other language (nothing there: a 404) links to the home
    page of that language instead.
    """
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        url = translate_url(request.get_full_path(), code)
        if url == request.get_full_path():
            url = translate_url(reverse("home"), code)
        # The language's own name ("English", "Nederlands"), whatever language the page is in.
        links.append({"code": code, "url": url, "name": get_language_info(code)["name_local"]})
    return links


def portal(request):
    """Values the base layout needs on every page."""
    user = getattr(request, "user", None)
    show_werkruimte = bool(user and is_staff_user(user))
    nav = [
        {"url": url, "label": label, "current": request.path.startswith(url)}
        for url, label in _existing_parts(get_language())
    ]
    if show_werkruimte:
        url = reverse("werkruimte")
        nav.append({"url": url, "label": _("Werkruimte"), "current": request.path.startswith(url)})
    return {
        "main_nav": nav,
        "luisterlijn_phone": "088 0767 000",
        "show_werkruimte": show_werkruimte,
        "language_switch": language_switch(request),
        "debug": settings.DEBUG,
    }
