"""Every public form and every query parameter of the public pages, found in the urls*.py files.

A form target knows a POST that its form accepts; the hostile tests replace one field (or all
of them) with hostile input. Add a target here when a public form or parameter appears.
"""

import time
from dataclasses import dataclass, field

from meldpunt.forms import started_token
from pijlers.zelftest import VRAGEN

# The error summary (templates/includes/error_summary.html): a person whose input the form
# cannot take always gets it, in Dutch, at the top of the page.
ERROR_SUMMARY = 'id="foutmeldingen"'


@dataclass(frozen=True)
class FormTarget:
    name: str
    path: str  # may hold {slug}: the public activity of the test
    valid: dict = field(hash=False)  # a POST the form accepts
    # The answer to the good post: a redirect, except for the self-check, which shows its
    # result straight away (nothing of it may be kept in a URL).
    good_status: int = 302
    rate_limit: str | None = None  # how the test turns this form's rate limit to zero

    @property
    def fields(self) -> list[str]:
        return list(self.valid)

    def url(self, slug: str = "") -> str:
        return self.path.format(slug=slug)


def meldpunt_valid() -> dict:
    """A melding about a neighbour, as the tests of the meldpunt send it."""
    return {
        "about": "ander",
        "reporter_role": "bewoner",
        "urgent": "nee",
        "postcode": "1223 ab",
        "huisnummer": "12",
        "street": "Kerkstraat",
        "wijk": "",
        "signals": "weinig-contact",
        "text": "Mijn buurman komt sinds de zomer bijna niet meer buiten.",
        "person_knows": "nee",
        "person_name": "Jan",
        "person_phone": "035 123 4567",
        "person_email": "jan@example.org",
        "reporter_name": "An",
        "reporter_phone": "06 12345678",
        "reporter_email": "an@example.org",
        "consent": "on",
        "website": "",
        # Shown a minute ago: the form refuses posts made faster than a person can type.
        "started": started_token(time.time() - 60),
    }


def form_targets() -> list[FormTarget]:
    zelftest = {vraag.name: "ja" for vraag in VRAGEN}
    return [
        FormTarget("meldpunt", "/meldpunt/", meldpunt_valid(), rate_limit="MELDPUNT_RATE_LIMIT"),
        FormTarget(
            "correctie",
            "/aanbod/{slug}/klopt-er-iets-niet/",
            {"message": "De tijd klopt niet meer.", "email": "an@example.org", "website": ""},
            rate_limit="aanbod.views.correctie.RATE",
        ),
        FormTarget(
            "coalitie-aanmelden",
            "/coalitie/aanmelden/",
            {
                "organisation_name": "Bakkerij De Korenbloem",
                "contact_name": "An de Vries",
                "email": "an@example.org",
                "phone": "035 123 4567",
                "contribution": "Wij letten op klanten die alleen zijn.",
                "website": "",
            },
            rate_limit="COALITIE_AANMELDING_RATE_LIMIT",
        ),
        FormTarget(
            "zelftest",
            "/zelftest/uitslag/",
            {**zelftest, "leeftijd": "65-74", "wijk": "oost"},
            good_status=200,
        ),
        FormTarget(
            "inloggen",
            "/inloggen/",
            {"username": "inwoner", "password": "test-wachtwoord-123", "next": "/aanbod/"},
        ),
        FormTarget(
            "wachtwoord-vergeten",
            "/inloggen/wachtwoord-vergeten/",
            {"email": "an@example.org"},
        ),
    ]


# Forms whose answer may send the browser on: the address must stay on the portal.
REDIRECTING_FORMS = {"inloggen"}


@dataclass(frozen=True)
class QueryTarget:
    name: str
    path: str
    parameters: tuple[str, ...]
    headers: dict = field(default_factory=dict, hash=False)
    json: bool = False
    # The view checks its parameters one after another and stops at the first bad one: each
    # input then also goes into one parameter alone (turning with each input).
    one_by_one: bool = False


AANBOD_PARAMETERS = (
    "q",
    "pagina",
    "wanneer",
    "wijk",
    "dag",
    "dagdeel",
    "type",
    "doelgroep",
    "kosten",
    "vorm",
    "toegankelijk",
    "taal",
    "soort",
)
HSDS_PARAMETERS = (
    "page",
    "per_page",
    "search",
    "modified_after",
    "full",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
)

QUERY_TARGETS = [
    QueryTarget("aanbod-zoeken", "/aanbod/", AANBOD_PARAMETERS),
    # The same search as htmx asks for it: only the result fragments come back.
    QueryTarget("aanbod-zoeken-htmx", "/aanbod/", ("q", "wijk"), {"HTTP_HX_REQUEST": "true"}),
    QueryTarget("agenda", "/agenda/", ("eerder",)),
    QueryTarget("verhalen", "/verhalen/", ("pagina",)),
    QueryTarget("meldpunt", "/meldpunt/", ("over",)),
    QueryTarget("zelftest-uitslag", "/zelftest/uitslag/", ("leegte",)),
    QueryTarget("inloggen", "/inloggen/", ("next",)),
    QueryTarget("wachtwoord-vergeten", "/inloggen/wachtwoord-vergeten/", ("next", "email")),
    QueryTarget("hsds-services", "/api/hsds/services", HSDS_PARAMETERS, json=True, one_by_one=True),
    QueryTarget("hsds-index", "/api/hsds/", ("page",), json=True),
]

# Public addresses with a part that anyone can change: {} is replaced by the hostile value.
PATH_TARGETS = [
    ("aanbod-detail", "/aanbod/{}/"),
    ("aanbod-correctie", "/aanbod/{}/klopt-er-iets-niet/"),
    ("aanbod-ics", "/aanbod/{}/agenda.ics"),
    ("aanbod-folder", "/aanbod/wijk/{}/folder.pdf"),
    ("aanbod-klopt-nog", "/aanbod/klopt-nog/{}/"),
    ("meldpunt-bedankt", "/meldpunt/bedankt/{}/"),
    ("hsds-service", "/api/hsds/services/{}"),
    ("wachtwoord-link", "/inloggen/nieuw-wachtwoord/{}/{}/"),
    ("statisch", "/static/{}"),
    ("onbekend", "/{}/"),
]

# Pages without parameters of their own, for the hostile cookies.
COOKIE_PAGES = ["/", "/aanbod/", "/meldpunt/", "/meldpunt/bedankt/MP-2026-0001/", "/zelftest/"]
