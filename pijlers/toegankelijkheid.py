"""What the accessibility statement says was tested, as data the tests run on.

tests/e2e/test_axe_pages.py opens exactly the pages in PAGES in Chromium, logged in as the
login named, and requires axe-core to find nothing; tests/portal/test_axe_page_list.py fails
when a page of the URLconf is missing here. The statement counts this list, so the number it
gives cannot drift from what is tested. A name in braces is filled in by the test with an
object it makes (see tests/portal/permission_matrix_rows.py, build_world).
"""

# The vendored tests/e2e/vendor/axe.min.js; tests/pijlers/test_toegankelijkheid.py reads the
# version from that file's first line and fails when the two differ.
AXE_CORE_VERSION = "4.14.1"

# Login → the pages visited with it. The logins are the columns of the permission matrix
# (tests/portal/permission_matrix_rows.py): anon not logged in, aanb an aanbieder of the
# organisation of {ax}, team_a buurtteam Noordoost, coord the meldpunt-coördinator, kern a
# kerngroep member, kart the kartrekker; all of them past both login steps. new_staff and
# password_only have given their password only: the pages of the second step.
# fmt: off
PAGES: dict[str, tuple[str, ...]] = {
    # Not logged in: the public site, in Dutch and a few pages in English.
    "anon": (
        "/", "/over/", "/eenzaamheid/", "/verhalen/", "/agenda/", "/privacy/",
        "/toegankelijkheid/",
        "/aanbod/", "/aanbod/{slug}/",
        "/aanbod/{slug}/klopt-er-iets-niet/", "/aanbod/{slug}/klopt-er-iets-niet/bedankt/",
        "/aanbod/klopt-nog/{klopt_nog}/",
        "/meldpunt/", "/meldpunt/bedankt/{ma}/",
        "/coalitie/", "/coalitie/aanmelden/", "/coalitie/aanmelden/bedankt/",
        "/zelftest/", "/zelftest/uitslag/",
        "/inloggen/", "/inloggen/wachtwoord-vergeten/", "/inloggen/wachtwoord-vergeten/verstuurd/",
        "/inloggen/nieuw-wachtwoord/{uid}/{reset_token}/", "/inloggen/nieuw-wachtwoord/klaar/",
        "/en/", "/en/aanbod/", "/en/meldpunt/", "/en/zelftest/",
    ),
    # Staff after the password, before the app is set up.
    "new_staff": ("/inloggen/app-instellen/", "/inloggen/app-instellen/scannen/"),
    # Staff after the password, with the app set up.
    "password_only": ("/inloggen/code/",),
    "aanb": (
        "/werkruimte/",
        "/werkruimte/aanbod/", "/werkruimte/aanbod/nieuw/", "/werkruimte/aanbod/{ax}/",
        "/werkruimte/aanbod/{ax}/geschiedenis/", "/werkruimte/aanbod/{ax}/roosters/",
        "/werkruimte/aanbod/{ax}/roosters/nieuw/", "/werkruimte/aanbod/{ax}/roosters/{rx}/",
        "/werkruimte/aanbod/{ax}/roosters/{rx}/verwijderen/",
        "/werkruimte/aanbod/{ax}/roosters/{rx}/uitzondering/",
        "/werkruimte/aanbod/voorstellen/{vx}/",
        "/werkruimte/aanbod/locaties/", "/werkruimte/aanbod/locaties/nieuw/",
    ),
    "team_a": (
        "/werkruimte/",
        "/werkruimte/meldingen/", "/werkruimte/meldingen/nieuw/", "/werkruimte/meldingen/{ma}/",
        "/werkruimte/inzage-log/",
    ),
    "coord": (
        "/werkruimte/",
        "/werkruimte/meldingen/triage/", "/werkruimte/meldingen/{mt}/",
        "/werkruimte/meldingen/cijfers/",
        "/werkruimte/privacy/", "/werkruimte/privacy/{verzoek}/",
        "/werkruimte/privacy/{verzoek}/gegevens/?m={mt}",
        "/werkruimte/privacy/{verzoek}/wissen/?m={mt}",
    ),
    "kern": ("/werkruimte/", "/monitoring/evaluaties/{period}/beoordeling/"),
    "kart": (
        "/werkruimte/", "/werkruimte/wachtwoord/", "/werkruimte/wachtwoord/gewijzigd/",
        "/werkruimte/pijlers/verwerkingsregister/", "/inloggen/reservecodes/",
        # sociale kaart
        "/werkruimte/aanbod/beoordelen/", "/werkruimte/aanbod/correcties/",
        "/werkruimte/aanbod/dekking/", "/werkruimte/aanbod/locaties/{locatie}/",
        "/werkruimte/aanbod/synoniemen/", "/werkruimte/aanbod/synoniemen/{synoniem}/",
        # coalitie
        "/werkruimte/coalitie/", "/werkruimte/coalitie/partners/nieuw/",
        "/werkruimte/coalitie/partners/{partner}/",
        "/werkruimte/coalitie/partners/{partner}/wijzigen/",
        "/werkruimte/coalitie/partners/{partner}/contactpersonen/nieuw/",
        "/werkruimte/coalitie/contactpersonen/{contact}/wijzigen/",
        "/werkruimte/coalitie/contactpersonen/{contact}/verwijderen/",
        "/werkruimte/coalitie/bijeenkomsten/", "/werkruimte/coalitie/bijeenkomsten/nieuw/",
        "/werkruimte/coalitie/bijeenkomsten/{bijeenkomst}/",
        "/werkruimte/coalitie/bijeenkomsten/{bijeenkomst}/wijzigen/",
        "/werkruimte/coalitie/bijeenkomsten/{bijeenkomst}/aanwezigen/",
        "/werkruimte/coalitie/trainingen/", "/werkruimte/coalitie/trainingen/nieuw/",
        "/werkruimte/coalitie/trainingen/{training}/",
        "/werkruimte/coalitie/trainingen/{training}/wijzigen/",
        "/werkruimte/coalitie/trainingen/{training}/deelnemers/",
        "/werkruimte/coalitie/ambassadeurs/", "/werkruimte/coalitie/ambassadeurs/nieuw/",
        "/werkruimte/coalitie/ambassadeurs/{ambassadeur}/wijzigen/",
        "/werkruimte/coalitie/ambassadeurs/{ambassadeur}/verwijderen/",
        "/werkruimte/coalitie/aanmeldingen/",
        # pijlers en acties
        "/werkruimte/pijlers/", "/werkruimte/pijlers/tijdlijn/",
        "/werkruimte/pijlers/pijler/vinden/", "/werkruimte/pijlers/pijler/vinden/acties/nieuw/",
        "/werkruimte/pijlers/acties/{actie}/", "/werkruimte/pijlers/acties/{actie}/wijzigen/",
        "/werkruimte/pijlers/acties/{actie}/voortgang/",
        "/werkruimte/pijlers/acties/{actie}/tellingen/nieuw/",
        "/werkruimte/pijlers/tellingen/{telling}/wijzigen/",
        "/werkruimte/pijlers/verhalen/", "/werkruimte/pijlers/verhalen/nieuw/",
        "/werkruimte/pijlers/verhalen/{verhaal}/wijzigen/",
        "/werkruimte/pijlers/verhalen/{verhaal}/verwijderen/",
        "/werkruimte/pijlers/paginas/", "/werkruimte/pijlers/paginas/eenzaamheid/wijzigen/",
        "/werkruimte/pijlers/paginas/eenzaamheid/geschiedenis/",
        "/werkruimte/pijlers/agenda/", "/werkruimte/pijlers/agenda/nieuw/",
        "/werkruimte/pijlers/agenda/{agendapunt}/wijzigen/",
        "/werkruimte/pijlers/agenda/{agendapunt}/verwijderen/",
        # monitoring
        "/monitoring/", "/monitoring/cijfers/", "/monitoring/inlezen/",
        "/monitoring/inlezen/{batch}/", "/monitoring/evaluaties/",
        "/monitoring/evaluaties/{period}/", "/monitoring/evaluaties/{period}/teksten/",
        "/monitoring/evaluaties/{period}/pdf/1/", "/monitoring/uitgaven/",
    ),
}
# fmt: on

# Pages shown instead of the one asked for: (login, address, the status they answer with).
ERROR_PAGES: tuple[tuple[str, str, int], ...] = (
    ("anon", "/bestaat-niet/", 404),
    ("aanb", "/werkruimte/meldingen/", 403),  # a page of another role
)

PUBLIC_LOGINS = ("anon",)


def pages_checked() -> dict[str, int]:
    """How many different pages the test checks: for everyone (English ones among them), for
    staff, and in all."""
    public = {path for login in PUBLIC_LOGINS for path in PAGES[login]}
    staff = {path for login, paths in PAGES.items() if login not in PUBLIC_LOGINS for path in paths}
    # An error page counts once, as the page it is, whatever address showed it.
    public |= {f"{status}" for login, _path, status in ERROR_PAGES if login in PUBLIC_LOGINS}
    staff |= {f"{status}" for login, _path, status in ERROR_PAGES if login not in PUBLIC_LOGINS}
    return {
        "public": len(public),
        "english": len([path for path in public if path.startswith("/en/")]),
        "staff": len(staff),
        "total": len(public | staff),
    }
