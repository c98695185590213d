"""Issue #8: every public page in English has no Dutch left in what people see or hear.

Each public page is fetched at its /en/ address (GET, and the forms also POSTed empty or wrong,
for their error messages) and its visible text is searched for common Dutch words. What staff
wrote in Dutch only (an activity without an English version, a story, an agenda item) is marked
lang="nl" on the English page, for screen readers; that part is left out, and so it must be.
A Dutch word anywhere else means a string that is not marked for translation, or has no
English translation in its catalogue.
"""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from meldpunt.models import Melding
from pijlers.zelftest import VRAGEN
from tests.aanbod.factories import ActiviteitFactory, LocatieFactory, RoosterFactory
from tests.coalitie.factories import LidmaatschapFactory
from tests.factories import OrganisatieFactory
from tests.meldpunt.conftest import form_data
from tests.pijlers.factories import AgendaItemFactory, VerhaalFactory
from tests.portal.permission_matrix_rows import PUBLIC_ROUTES

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

# Common Dutch words that English text does not have (not "is", "in", "of", "over", "door").
DUTCH_WORDS = re.compile(
    r"\b(de|het|een|en|van|niet|voor|naar|bij|ook|zijn|wordt|kunt|heeft|hebben|deze|dit|wat|"
    r"hoe|wie|welke|geen|nog|uw|u|wij|hier|alle|maar|uit|om|tot|wijk|wijken|activiteit|"
    r"activiteiten|melding|meldingen|gemeente|inwoners|bekijk|terug|verplicht|kies|vul|klik)\b",
    re.IGNORECASE,
)
# Attributes people hear or see as well as text.
SPOKEN_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder", "content", "aria-description")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

# Routes of PUBLIC_ROUTES that are no page for people, or have their own tests.
NOT_PAGES = {
    "agenda.ics",
    "aanbod/<slug:slug>/agenda.ics",
    "aanbod/wijk/<slug:wijk>/folder.pdf",  # rendered from the same texts; see test_folder below
    "api/hsds/",
    "api/hsds/services/?$",
    "api/hsds/services/(?P<service_id>[^/]+)/?$",
    "healthz",
    ".well-known/security.txt",
    "csp-report/",
    "uitloggen/",
    # The second login step: only for staff who logged in (tests/access), Dutch staff pages.
    "inloggen/code/",
    "inloggen/app-instellen/",
    "inloggen/app-instellen/scannen/",
    "inloggen/reservecodes/",
}


class VisibleText(HTMLParser):
    """The text and spoken attributes of a page, without scripts, styles and lang="nl" parts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden: inside script/style/lang=nl)
        self.parts: list[str] = []

    @property
    def hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        dutch = (attrs.get("lang") or "").startswith("nl")
        hidden = self.hidden or dutch or tag in ("script", "style", "template")
        if not hidden:
            for name in SPOKEN_ATTRIBUTES:
                if attrs.get(name) and not (
                    tag == "meta"
                    and name == "content"
                    and attrs.get("name") not in ("description",)
                ):
                    self.parts.append(attrs[name])
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.parts.append(attrs["value"])
        if tag not in VOID:
            self.stack.append((tag, hidden))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.parts.append(data)


# Names that stay Dutch in English text.
NAMES = re.compile(
    r"Jenny de Jong Gierveld|de Jong Gierveld|Theo van Tilburg|van Tilburg|De Luisterlijn"
)
ADDRESSES = re.compile(r"\S*://\S*|(?<!\w)/\S*")


def dutch_left(html: str, staff_texts: tuple[str, ...] = ()) -> list[str]:
    """The pieces of visible text with a Dutch word in them.

    `staff_texts`: Dutch-only texts staff wrote that stand where no lang attribute can mark
    them (the page's <title>, its description).
    """
    parser = VisibleText()
    parser.feed(html)
    found = []
    for part in parser.parts:
        text = " ".join(part.split())
        checked = ADDRESSES.sub(" ", NAMES.sub(" ", text))
        for staff_text in staff_texts:
            checked = checked.replace(staff_text, " ")
        if DUTCH_WORDS.search(checked):
            found.append(text[:160])
    return found


# Addresses with one version for both languages.
SHARED = ("/en/", "/static/", "/api/", "/healthz", "/.well-known/", "/media/")


def dutch_links(html: str) -> list[str]:
    """Links and form actions of an English page that lead to a Dutch page (not the switch)."""
    html = re.sub(r'<a class="language-switch"[^>]*>', "", html)
    local = re.findall(r'(?:href|action)="(/[^"]*)"', html)
    return [link for link in local if not link.startswith(SHARED)]


@pytest.fixture
def world(db):
    """Content as staff enter it: some with an English version, some in Dutch only."""
    senver = OrganisatieFactory(name="Senver", description="Welzijn voor ouderen in de wijk.")
    LidmaatschapFactory(organisatie=senver)
    english = ActiviteitFactory(
        name="Koffie-ochtend",
        slug="koffie-ochtend",
        short_description="Samen koffie drinken en kletsen.",
        description="Elke dinsdag staat de koffie klaar in het buurthuis.",
        name_en="Coffee morning",
        short_description_en="Drinking coffee and chatting together.",
        description_en="Every Tuesday the coffee is ready in the community centre.",
        organisatie=senver,
        heel_hilversum=True,
    )
    RoosterFactory(activiteit=english, locatie=LocatieFactory(name="Lelie", street_address=""))
    dutch_only = ActiviteitFactory(
        name="Wandelen in de wijk",
        slug="wandelen",
        short_description="Een uur wandelen met een vaste groep.",
        description="We lopen door de wijk en drinken daarna thee.",
        organisatie=senver,
        heel_hilversum=True,
    )
    RoosterFactory(activiteit=dutch_only, locatie=LocatieFactory(name="Lelie 2"))
    VerhaalFactory(title="Weer onder de mensen", text="Ik ga nu elke week naar de koffie.")
    AgendaItemFactory(title="Bijeenkomst van de coalitie", description="Voor alle partners.")
    return {"english": english, "dutch_only": dutch_only}


# Dutch-only texts of the world above that stand in the page's head (no lang attribute there).
HEAD_TEXTS = ("Wandelen in de wijk", "Een uur wandelen met een vaste groep.")


def english_melding(client) -> str:
    response = client.post(
        "/en/meldpunt/", form_data(reporter_email="an@example.org"), REMOTE_ADDR="192.0.2.7"
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Melding.objects.get().reference


# Every public page, at its English address; {ref} is a melding made on the English form.
GET_PAGES = {
    "": "/en/",
    "over/": "/en/over/",
    "eenzaamheid/": "/en/eenzaamheid/",
    "verhalen/": "/en/verhalen/",
    "agenda/": "/en/agenda/?eerder=1",
    "privacy/": "/en/privacy/",
    "toegankelijkheid/": "/en/toegankelijkheid/",
    "zelftest/": "/en/zelftest/",
    "aanbod/": "/en/aanbod/?q=koffie&wijk=centrum",
    "aanbod/klopt-nog/<str:token>/": "/en/aanbod/klopt-nog/niet-geldig/",
    "aanbod/<slug:slug>/": "/en/aanbod/koffie-ochtend/",
    "aanbod/<slug:slug>/klopt-er-iets-niet/": "/en/aanbod/koffie-ochtend/klopt-er-iets-niet/",
    "aanbod/<slug:slug>/klopt-er-iets-niet/bedankt/": (
        "/en/aanbod/koffie-ochtend/klopt-er-iets-niet/bedankt/"
    ),
    "meldpunt/": "/en/meldpunt/",
    "meldpunt/bedankt/<str:reference>/": "/en/meldpunt/bedankt/{ref}/",
    "coalitie/": "/en/coalitie/",
    "coalitie/aanmelden/": "/en/coalitie/aanmelden/",
    "coalitie/aanmelden/bedankt/": "/en/coalitie/aanmelden/bedankt/",
    "inloggen/": "/en/inloggen/",
    "inloggen/wachtwoord-vergeten/": "/en/inloggen/wachtwoord-vergeten/",
    "inloggen/wachtwoord-vergeten/verstuurd/": "/en/inloggen/wachtwoord-vergeten/verstuurd/",
    "inloggen/nieuw-wachtwoord/<uidb64>/<token>/": "/en/inloggen/nieuw-wachtwoord/MQ/oud/",
    "inloggen/nieuw-wachtwoord/klaar/": "/en/inloggen/nieuw-wachtwoord/klaar/",
}
EXTRA_GETS = [
    "/en/aanbod/",  # no search: the filters and counts
    "/en/aanbod/wandelen/",  # an activity without an English version
    "/en/meldpunt/?over=zelf",
    "/en/bestaat-niet/",  # the 404 page
]
# Forms sent empty or wrong: their error messages are public text too.
POSTS = [
    ("/en/meldpunt/", {}),
    ("/en/meldpunt/", {"about": "zelf", "consent": "on"}),
    ("/en/coalitie/aanmelden/", {}),
    ("/en/aanbod/koffie-ochtend/klopt-er-iets-niet/", {}),
    ("/en/zelftest/uitslag/", {}),
    (
        "/en/zelftest/uitslag/",
        {**{v.name: "ja" for v in VRAGEN}, "leeftijd": "65-74", "wijk": "oost"},
    ),
    ("/en/inloggen/", {"username": "niemand", "password": "fout-wachtwoord"}),
    ("/en/inloggen/wachtwoord-vergeten/", {"email": "geen-adres"}),
]


def test_the_list_covers_every_public_page():
    posted = {"zelftest/uitslag/"}  # a result page: only a POST shows it (POSTS)
    missing = PUBLIC_ROUTES - NOT_PAGES - posted - set(GET_PAGES)
    assert not missing, f"Public pages not checked in English; add them to GET_PAGES: {missing}"


def test_every_public_page_in_english_has_no_dutch_outside_staff_texts(world):
    client = Client()
    ref = english_melding(client)
    problems = {}
    urls = [url.format(ref=ref) for url in GET_PAGES.values()] + EXTRA_GETS
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404, 410), f"{url}: {response.status_code}"
        html = response.content.decode()
        assert '<html lang="en">' in html, url
        if found := dutch_left(html, HEAD_TEXTS):
            problems[url] = found
        if links := dutch_links(html):
            problems[url] = problems.get(url, []) + [f"link to a Dutch page: {links}"]
    for url, data in POSTS:
        response = client.post(url, data, REMOTE_ADDR="192.0.2.8")
        assert response.status_code in (200, 400, 429), f"POST {url}: {response.status_code}"
        if found := dutch_left(response.content.decode(), HEAD_TEXTS):
            problems[f"POST {url}"] = found
    report = "\n".join(f"{url}:\n    " + "\n    ".join(found) for url, found in problems.items())
    assert not problems, "Dutch text on English pages (untranslated strings):\n" + report


def test_staff_texts_show_in_english_when_given_and_are_marked_dutch_when_not(world, client):
    html = client.get("/en/aanbod/koffie-ochtend/").content.decode()
    assert "<h1>Coffee morning</h1>" in html
    assert "Every Tuesday the coffee is ready" in html
    assert "Koffie-ochtend" not in html and "Elke dinsdag" not in html
    html = client.get("/en/aanbod/wandelen/").content.decode()
    assert '<h1 lang="nl">Wandelen in de wijk</h1>' in html
    assert '<div lang="nl"><p>We lopen door de wijk en drinken daarna thee.</p></div>' in html
    # The Dutch page is as it was: no lang attributes, the Dutch texts.
    html = client.get("/aanbod/koffie-ochtend/").content.decode()
    assert "<h1>Koffie-ochtend</h1>" in html and 'lang="nl">' not in html.split("<body")[1]


def test_the_checker_finds_dutch_and_skips_what_is_marked_dutch():
    html = (
        '<html lang="en"><head><title>Zoek een activiteit</title></head><body>'
        '<p>Find an activity</p><p lang="nl">Wandelen in de wijk</p>'
        '<input type="text" placeholder="Vul uw postcode in"><script>var de = 1;</script>'
        "<button>Send</button></body></html>"
    )
    assert dutch_left(html) == ["Zoek een activiteit", "Vul uw postcode in"]
