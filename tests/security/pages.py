"""The pages the browser tests of issue #7 open, on the demo data of `manage.py seed_demo`.

Listed by hand on purpose: a new page must be added here to be checked, and the lists show at
a glance what is covered. {activiteit}, {melding}, {actie} and {partner} are filled in from
the demo data.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client


@dataclass(frozen=True)
class Demo:
    activiteit: str
    melding: str
    actie: int
    partner: str

    def fill(self, path: str) -> str:
        return path.format(
            activiteit=self.activiteit, melding=self.melding, actie=self.actie, partner=self.partner
        )


PUBLIC_PAGES = [
    "/",
    "/over/",
    "/eenzaamheid/",
    "/verhalen/",
    "/agenda/",
    "/agenda/?eerder=1",
    "/privacy/",
    "/toegankelijkheid/",
    "/aanbod/",
    "/aanbod/?wijk=noordoost&dag=di&doelgroep=senioren",
    "/aanbod/?q=koffie",
    "/aanbod/{activiteit}/",
    "/aanbod/{activiteit}/klopt-er-iets-niet/",
    "/aanbod/{activiteit}/klopt-er-iets-niet/bedankt/",
    "/meldpunt/",
    "/meldpunt/?over=zelf",
    "/meldpunt/bedankt/HV-ABCD-EFGH/",
    "/zelftest/",
    "/zelftest/uitslag/",
    "/coalitie/",
    "/coalitie/aanmelden/",
    "/coalitie/aanmelden/bedankt/",
    "/inloggen/",
    "/inloggen/wachtwoord-vergeten/",
    "/bestaat-niet/",
]

# (account of seed_demo, page): at least one page of each app that staff use.
STAFF_PAGES = [
    ("kartrekker", "/werkruimte/"),
    ("aanbieder", "/werkruimte/aanbod/"),
    ("aanbieder", "/werkruimte/aanbod/nieuw/"),
    ("kartrekker", "/werkruimte/aanbod/beoordelen/"),
    ("kartrekker", "/werkruimte/aanbod/dekking/"),
    ("kartrekker", "/werkruimte/aanbod/correcties/"),
    ("kartrekker", "/werkruimte/aanbod/synoniemen/"),
    ("kartrekker", "/werkruimte/aanbod/locaties/"),
    ("coordinator", "/werkruimte/meldingen/"),
    ("coordinator", "/werkruimte/meldingen/triage/"),
    ("coordinator", "/werkruimte/meldingen/cijfers/"),
    ("coordinator", "/werkruimte/meldingen/nieuw/"),
    ("coordinator", "/werkruimte/meldingen/{melding}/"),
    ("kartrekker", "/werkruimte/coalitie/"),
    ("kartrekker", "/werkruimte/coalitie/partners/{partner}/"),
    ("kartrekker", "/werkruimte/coalitie/bijeenkomsten/"),
    ("kartrekker", "/werkruimte/coalitie/trainingen/"),
    ("kartrekker", "/werkruimte/coalitie/ambassadeurs/"),
    ("kartrekker", "/werkruimte/coalitie/aanmeldingen/"),
    ("kartrekker", "/werkruimte/pijlers/"),
    ("kartrekker", "/werkruimte/pijlers/pijler/weten/"),
    ("kartrekker", "/werkruimte/pijlers/tijdlijn/"),
    ("kartrekker", "/werkruimte/pijlers/acties/{actie}/"),
    ("kartrekker", "/werkruimte/pijlers/verhalen/"),
    ("kartrekker", "/werkruimte/pijlers/agenda/"),
    ("kartrekker", "/werkruimte/pijlers/paginas/"),
    ("kartrekker", "/monitoring/"),
    ("kartrekker", "/monitoring/cijfers/"),
    ("kartrekker", "/monitoring/inlezen/"),
    ("kerngroep", "/monitoring/evaluaties/"),
    ("kartrekker", "/monitoring/uitgaven/"),
    ("beheerder", "/beheer/"),
]


def seed_demo() -> Demo:
    """Load the demo data (and a superuser for the admin); return what the lists refer to."""
    from aanbod.models import Activiteit
    from meldpunt.models import Melding
    from pijlers.models import Actie

    call_command("seed_demo", verbosity=0)
    get_user_model().objects.create_superuser("beheerder", "beheerder@example.org", "x" * 20)
    return Demo(
        activiteit=Activiteit.objects.public().order_by("name").first().slug,
        melding=Melding.objects.order_by("pk").first().reference,
        actie=Actie.objects.order_by("pk").first().pk,
        partner="senver",  # a kerngroep partner in the demo data
    )


def log_in(context, base_url: str, username: str) -> None:
    """Give the browser context the session of a demo account, past both login steps (the
    login itself has its own tests; tests/conftest.py makes force_login do the second step)."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    host = base_url.split("//")[1].split(":")[0]
    context.clear_cookies()
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "domain": host,
                "path": "/",
            }
        ]
    )


def _submit(page) -> None:
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")


def use_the_public_forms(page, base_url: str, demo: Demo, after) -> None:
    """Use the public pages as people do: send forms empty, filter with htmx, do the
    self-check; call after(label) on each page that results."""
    from pijlers.zelftest import VRAGEN

    for path in (
        "/meldpunt/",
        "/coalitie/aanmelden/",
        "/aanbod/{activiteit}/klopt-er-iets-niet/",
        "/inloggen/",
    ):
        page.goto(base_url + demo.fill(path), wait_until="networkidle")
        _submit(page)
        after(f"{demo.fill(path)} sent empty")
    page.goto(base_url + "/aanbod/", wait_until="networkidle")
    with page.expect_response(lambda response: "/aanbod/?" in response.url):
        page.locator('input[name="wijk"]').first.check()  # htmx replaces the results
    page.wait_for_load_state("networkidle")
    after("/aanbod/ filtered by htmx")
    page.goto(base_url + "/zelftest/", wait_until="networkidle")
    for vraag in VRAGEN:
        page.locator(f'input[name="{vraag.name}"][value="ja"]').check()
    _submit(page)
    after("/zelftest/ result")


def staff_links(page, base_url: str) -> list[str]:
    """The pages the werkruimte links to for the logged-in account (no downloads)."""
    page.goto(base_url + "/werkruimte/", wait_until="load")
    hrefs = page.eval_on_selector_all(
        "main a[href^='/']", "links => links.map(a => a.getAttribute('href'))"
    )
    downloads = (".csv", ".pdf", ".ics", "/download/")
    return sorted({href for href in hrefs if not href.split("?")[0].endswith(downloads)})
