"""The permission matrix of issue #7: every staff URL × every role, with the answer expected.

How to read a row: the method, the URL (a placeholder in braces is filled from the objects that
build_world() at the end of this file makes), then the answer expected per column:

    anon    not logged in
    aanb    aanbieder of organisation X: {ax}, {rx}, {vx} are X's activity, schedule and
            proposal; {ay}, {ry}, {vy} are those of organisation Y
    team_a  buurtteam Noordoost: {ma} is a melding of Noordoost, {mb} one of Zuid,
            {mt} one without a team (waiting in triage), {mc} one closed in triage
    team_b  buurtteam Zuid
    coord   meldpunt-coördinator
    kern    kerngroep member
    kart    kartrekker

200 the page; 302 to the login page; 403 no access; 404 hidden (another team's or organisation's
object, or nothing there); OK allowed, for a POST that sends no valid form: any answer but an
error or the login page (200 with the form's errors, or a 302 elsewhere).

A GET row that refuses a role (302, 403 or 404) is also POSTed for that role, and must refuse
it again (or answer 405): a page must not check only its GET.

A cell the code gets wrong keeps the right answer here and names the bug in `bugs=`; the test
then runs as a strict xfail until the code is fixed.

The admin (/beheer/…) is not in this table: test_permission_matrix.py visits every admin route
the resolver has, and expects a 404 for every role and for anonymous visitors (the admin is for
superusers only, behind the same two login steps). It also visits every row as a resident with
an account but no role (403 everywhere but the own password) and as staff who have not done the
second login step (sent to it, everywhere).
"""

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django_otp.plugins.otp_totp.models import TOTPDevice

from aanbod.models import Correctie, Rooster, RoosterUitzondering, Synoniem, Voorstel
from coalitie.constants import Rol
from hilversum_eenzaamheid import roles
from meldpunt.constants import Status
from meldpunt.models_privacy import Verzoek, VerzoekTreffer
from meldpunt.services_case import toegang_log
from monitoring import services_evaluatie
from monitoring.constants import Begrotingspost, RapportStatus
from monitoring.models_evaluatie import EvaluatieRapport
from monitoring.services import import_batch_start_cli
from tests.aanbod.factories import ActiviteitFactory, RoosterFactory
from tests.coalitie.factories import (
    AanmeldingFactory,
    AmbassadeurFactory,
    BijeenkomstFactory,
    ContactpersoonFactory,
    DeelnemerFactory,
    LidmaatschapFactory,
)
from tests.factories import MedewerkerFactory, OrganisatieFactory, UserFactory
from tests.meldpunt.test_case_support import force_status, member_of, new_melding
from tests.pijlers.factories import AgendaItemFactory, TellingFactory, VerhaalFactory

ROLES = ("anon", "aanb", "team_a", "team_b", "coord", "kern", "kart")
OK = "OK"


@dataclass(frozen=True)
class Row:
    method: str
    url: str
    expected: dict[str, int | str]
    bugs: dict[str, str] = field(default_factory=dict)


def _row(method: str, url: str, codes: tuple, bugs: dict[str, str] | None) -> Row:
    assert len(codes) == len(ROLES), f"{url}: {len(codes)} answers for {len(ROLES)} roles"
    return Row(method, url, dict(zip(ROLES, codes, strict=True)), bugs or {})


def GET(url: str, *codes, bugs: dict[str, str] | None = None) -> Row:
    return _row("GET", url, codes, bugs)


def POST(url: str, *codes, bugs: dict[str, str] | None = None) -> Row:
    return _row("POST", url, codes, bugs)


def under(prefix: str, rows: list[Row]) -> list[Row]:
    return [replace(row, url=prefix + row.url) for row in rows]


# fmt: off
SITE = [
    #                                             anon aanb  team_a team_b coord kern kart
    GET("/werkruimte/",                            302, 200,  200,   200,  200,  200, 200),
    GET("/werkruimte/wachtwoord/",                 302, 200,  200,   200,  200,  200, 200),
    GET("/werkruimte/wachtwoord/gewijzigd/",       302, 200,  200,   200,  200,  200, 200),
    GET("/werkruimte/pijlers/verwerkingsregister/", 302, 200, 200,   200,  200,  200, 200),
]

MELDPUNT = under("/werkruimte/meldingen/", [
    #                                             anon aanb  team_a team_b coord kern kart
    GET("",                                        302, 403,  200,   200,  200,  403, 403),
    GET("nieuw/",                                  302, 403,  200,   200,  200,  403, 403),
    GET("triage/",                                 302, 403,  403,   403,  200,  403, 403),
    GET("cijfers/",                                302, 403,  403,   403,  200,  403, 200),
    # A team's melding: its team works it, the coördinator sees its stand, another team nothing.
    GET("{ma}/",                                   302, 403,  200,   404,  200,  403, 403),
    GET("{mb}/",                                   302, 403,  404,   200,  200,  403, 403),
    GET("{mt}/",                                   302, 403,  404,   404,  200,  403, 403),
    GET("{mc}/",                                   302, 403,  404,   404,  200,  403, 403),
    GET("HV-AAAA-AAAA/",                           302, 403,  404,   404,  404,  403, 403),
    POST("{ma}/status/",                           302, 403,  OK,    404,  403,  403, 403),
    POST("{ma}/contactpoging/",                    302, 403,  OK,    404,  403,  403, 403),
    POST("{ma}/notitie/",                          302, 403,  OK,    404,  403,  403, 403),
    POST("{ma}/verwijzing/",                       302, 403,  OK,    404,  403,  403, 403),
    POST("{mb}/notitie/",                          302, 403,  404,   OK,   403,  403, 403),
    # The coördinator opens a melding in triage, but the work on it is a team's.
    POST("{mt}/status/",                           302, 403,  404,   404,  403,  403, 403),
    POST("{mt}/notitie/",                          302, 403,  404,   404,  403,  403, 403),
    POST("{ma}/toewijzen/",                        302, 403,  403,   403,  OK,   403, 403),
    POST("{mt}/toewijzen/",                        302, 403,  403,   403,  OK,   403, 403),
    # Only a melding in triage lapses by the coördinator; a team's melding is the team's.
    POST("{ma}/vervallen/",                        302, 403,  403,   403,  403,  403, 403),
    POST("{mt}/vervallen/",                        302, 403,  403,   403,  OK,   403, 403),
])

PRIVACY = under("/werkruimte/", [
    #                                             anon aanb  team_a team_b coord kern kart
    GET("privacy/",                                302, 403,  403,   403,  200,  403, 403),
    POST("privacy/",                               302, 403,  403,   403,  OK,   403, 403),
    GET("privacy/{verzoek}/",                      302, 403,  403,   403,  200,  403, 403),
    GET("privacy/0/",                              302, 403,  403,   403,  404,  403, 403),
    GET("privacy/{verzoek}/gegevens/?m={mt}",      302, 403,  403,   403,  200,  403, 403),
    POST("privacy/{verzoek}/downloaden/",          302, 403,  403,   403,  OK,   403, 403),
    GET("privacy/{verzoek}/wissen/?m={mt}",        302, 403,  403,   403,  200,  403, 403),
    # Each team sees who opened its own meldingen (the rows are checked in the test file).
    GET("inzage-log/",                             302, 403,  200,   200,  200,  403, 403),
])

AANBOD = under("/werkruimte/aanbod/", [
    #                                             anon aanb  team_a team_b coord kern kart
    GET("",                                        302, 200,  403,   403,  403,  403, 200),
    GET("nieuw/",                                  302, 200,  403,   403,  403,  403, 200),
    # Organisation X's activity and its schedules: its aanbieder and the kartrekker.
    GET("{ax}/",                                   302, 200,  403,   403,  403,  403, 200),
    POST("{ax}/klopt-nog/",                        302, OK,   403,   403,  403,  403, OK),
    GET("{ax}/geschiedenis/",                      302, 200,  403,   403,  403,  403, 200),
    GET("{ax}/roosters/",                          302, 200,  403,   403,  403,  403, 200),
    GET("{ax}/roosters/nieuw/",                    302, 200,  403,   403,  403,  403, 200),
    GET("{ax}/roosters/{rx}/",                     302, 200,  403,   403,  403,  403, 200),
    GET("{ax}/roosters/{rx}/verwijderen/",         302, 200,  403,   403,  403,  403, 200),
    GET("{ax}/roosters/{rx}/uitzondering/",        302, 200,  403,   403,  403,  403, 200),
    POST("{ax}/roosters/{rx}/uitzondering/0/verwijderen/", 302, OK, 403, 403, 403, 403, OK),
    # Organisation Y's: hidden from X's aanbieder.
    GET("{ay}/",                                   302, 404,  403,   403,  403,  403, 200),
    POST("{ay}/klopt-nog/",                        302, 404,  403,   403,  403,  403, OK),
    GET("{ay}/geschiedenis/",                      302, 404,  403,   403,  403,  403, 200),
    GET("{ay}/roosters/",                          302, 404,  403,   403,  403,  403, 200),
    GET("{ay}/roosters/nieuw/",                    302, 404,  403,   403,  403,  403, 200),
    GET("{ay}/roosters/{ry}/",                     302, 404,  403,   403,  403,  403, 200),
    GET("{ay}/roosters/{ry}/verwijderen/",         302, 404,  403,   403,  403,  403, 200),
    GET("{ay}/roosters/{ry}/uitzondering/",        302, 404,  403,   403,  403,  403, 200),
    POST("{ay}/roosters/{ry}/uitzondering/0/verwijderen/", 302, 404, 403, 403, 403, 403, OK),
    # Y's schedule reached through X's activity: not there, for anyone.
    GET("{ax}/roosters/{ry}/",                     302, 404,  403,   403,  403,  403, 404),
    GET("{ax}/roosters/{ry}/uitzondering/",        302, 404,  403,   403,  403,  403, 404),
    GET("beoordelen/",                             302, 403,  403,   403,  403,  403, 200),
    GET("voorstellen/{vx}/",                       302, 200,  403,   403,  403,  403, 200),
    GET("voorstellen/{vy}/",                       302, 404,  403,   403,  403,  403, 200),
    # An aanbieder cannot decide on a proposal, not even X's own (sent back with a message).
    POST("voorstellen/{vx}/",                      302, OK,   403,   403,  403,  403, OK),
    POST("voorstellen/{vy}/",                      302, 404,  403,   403,  403,  403, OK),
    GET("correcties/",                             302, 403,  403,   403,  403,  403, 200),
    POST("correcties/{correctie}/afgehandeld/",    302, 403,  403,   403,  403,  403, OK),
    GET("dekking/",                                302, 403,  403,   403,  403,  403, 200),
    # Places are shared by all organisations: everyone adds one, only the kartrekker changes one.
    GET("locaties/",                               302, 200,  403,   403,  403,  403, 200),
    GET("locaties/nieuw/",                         302, 200,  403,   403,  403,  403, 200),
    GET("locaties/{locatie}/",                     302, 403,  403,   403,  403,  403, 200),
    GET("synoniemen/",                             302, 403,  403,   403,  403,  403, 200),
    GET("synoniemen/{synoniem}/",                  302, 403,  403,   403,  403,  403, 200),
    POST("synoniemen/{synoniem}/verwijderen/",     302, 403,  403,   403,  403,  403, OK),
])

# The coalition: the kerngroep reads, the kartrekker also changes, nobody else gets in.
COALITIE = under("/werkruimte/coalitie/", [
    #                                             anon aanb  team_a team_b coord kern kart
    GET("",                                        302, 403,  403,   403,  403,  200, 200),
    GET("partners.csv",                            302, 403,  403,   403,  403,  200, 200),
    GET("partners/nieuw/",                         302, 403,  403,   403,  403,  403, 200),
    GET("partners/{partner}/",                     302, 403,  403,   403,  403,  200, 200),
    GET("partners/{partner}/wijzigen/",            302, 403,  403,   403,  403,  403, 200),
    GET("partners/{partner}/contactpersonen/nieuw/", 302, 403, 403,  403,  403,  403, 200),
    GET("contactpersonen/{contact}/wijzigen/",     302, 403,  403,   403,  403,  403, 200),
    GET("contactpersonen/{contact}/verwijderen/",  302, 403,  403,   403,  403,  403, 200),
    GET("bijeenkomsten/",                          302, 403,  403,   403,  403,  200, 200),
    GET("bijeenkomsten/nieuw/",                    302, 403,  403,   403,  403,  403, 200),
    GET("bijeenkomsten/{bijeenkomst}/",            302, 403,  403,   403,  403,  200, 200),
    GET("bijeenkomsten/{bijeenkomst}/wijzigen/",   302, 403,  403,   403,  403,  403, 200),
    GET("bijeenkomsten/{bijeenkomst}/aanwezigen/", 302, 403,  403,   403,  403,  403, 200),
    GET("trainingen/",                             302, 403,  403,   403,  403,  200, 200),
    GET("trainingen/nieuw/",                       302, 403,  403,   403,  403,  403, 200),
    GET("trainingen/{training}/",                  302, 403,  403,   403,  403,  200, 200),
    GET("trainingen/{training}/wijzigen/",         302, 403,  403,   403,  403,  403, 200),
    GET("trainingen/{training}/deelnemers/",       302, 403,  403,   403,  403,  403, 200),
    POST("trainingen/{training}/deelnemers/{deelnemer}/ambassadeur/",
                                                   302, 403,  403,   403,  403,  403, OK),
    GET("ambassadeurs/",                           302, 403,  403,   403,  403,  200, 200),
    GET("ambassadeurs/nieuw/",                     302, 403,  403,   403,  403,  403, 200),
    GET("ambassadeurs/{ambassadeur}/wijzigen/",    302, 403,  403,   403,  403,  403, 200),
    GET("ambassadeurs/{ambassadeur}/verwijderen/", 302, 403,  403,   403,  403,  403, 200),
    # Join requests hold contact details of people outside the coalition: the kartrekker's.
    GET("aanmeldingen/",                           302, 403,  403,   403,  403,  403, 200),
    POST("aanmeldingen/{aanmelding}/afgehandeld/", 302, 403,  403,   403,  403,  403, OK),
])

# The programme: the kerngroep reads, the kartrekker also changes, nobody else gets in.
PIJLERS = under("/werkruimte/pijlers/", [
    #                                             anon aanb  team_a team_b coord kern kart
    GET("",                                        302, 403,  403,   403,  403,  200, 200),
    GET("tijdlijn/",                               302, 403,  403,   403,  403,  200, 200),
    GET("pijler/vinden/",                          302, 403,  403,   403,  403,  200, 200),
    GET("pijler/vinden/acties/nieuw/",             302, 403,  403,   403,  403,  403, 200),
    GET("acties/{actie}/",                         302, 403,  403,   403,  403,  200, 200),
    GET("acties/{actie}/wijzigen/",                302, 403,  403,   403,  403,  403, 200),
    GET("acties/{actie}/voortgang/",               302, 403,  403,   403,  403,  403, 200),
    GET("acties/{actie}/tellingen/nieuw/",         302, 403,  403,   403,  403,  403, 200),
    GET("tellingen/{telling}/wijzigen/",           302, 403,  403,   403,  403,  403, 200),
    GET("verhalen/",                               302, 403,  403,   403,  403,  200, 200),
    GET("verhalen/nieuw/",                         302, 403,  403,   403,  403,  403, 200),
    GET("verhalen/{verhaal}/wijzigen/",            302, 403,  403,   403,  403,  403, 200),
    GET("verhalen/{verhaal}/verwijderen/",         302, 403,  403,   403,  403,  403, 200),
    GET("paginas/",                                302, 403,  403,   403,  403,  403, 200),
    GET("paginas/eenzaamheid/wijzigen/",           302, 403,  403,   403,  403,  403, 200),
    GET("paginas/eenzaamheid/geschiedenis/",       302, 403,  403,   403,  403,  403, 200),
    GET("agenda/",                                 302, 403,  403,   403,  403,  403, 200),
    GET("agenda/nieuw/",                           302, 403,  403,   403,  403,  403, 200),
    GET("agenda/{agendapunt}/wijzigen/",           302, 403,  403,   403,  403,  403, 200),
    GET("agenda/{agendapunt}/verwijderen/",        302, 403,  403,   403,  403,  403, 200),
])

# Figures and evaluations: the kerngroep reads and scores, the kartrekker manages.
MONITORING = under("/monitoring/", [
    #                                             anon aanb  team_a team_b coord kern kart
    GET("",                                        302, 403,  403,   403,  403,  200, 200),
    GET("grafiek/meldingen.csv",                   302, 403,  403,   403,  403,  200, 200),
    GET("cijfers/",                                302, 403,  403,   403,  403,  200, 200),
    GET("inlezen/",                                302, 403,  403,   403,  403,  200, 200),
    POST("inlezen/",                               302, 403,  403,   403,  403,  403, OK),
    GET("inlezen/{batch}/",                        302, 403,  403,   403,  403,  200, 200),
    GET("evaluaties/",                             302, 403,  403,   403,  403,  200, 200),
    POST("evaluaties/",                            302, 403,  403,   403,  403,  403, OK),
    GET("evaluaties/{period}/",                    302, 403,  403,   403,  403,  200, 200),
    GET("evaluaties/{period}/teksten/",            302, 403,  403,   403,  403,  403, 200),
    POST("evaluaties/{period}/status/",            302, 403,  403,   403,  403,  403, OK),
    # Each kerngroep member scores for themselves; the kartrekker writes, but does not score.
    GET("evaluaties/{period}/beoordeling/",        302, 403,  403,   403,  403,  200, 403),
    GET("evaluaties/{period}/grafiek/meldingen.csv", 302, 403, 403,  403,  403,  200, 200),
    POST("evaluaties/{period}/pdf/",               302, 403,  403,   403,  403,  OK,  OK),
    GET("evaluaties/{period}/pdf/1/",              302, 403,  403,   403,  403,  200, 200),
    GET("evaluaties/{period}/pdf/1/download/",     302, 403,  403,   403,  403,  200, 200),
    GET("uitgaven/",                               302, 403,  403,   403,  403,  403, 200),
    POST("uitgaven/{uitgave}/verwijderen/",        302, 403,  403,   403,  403,  403, OK),
])
# fmt: on

MATRIX = [*SITE, *MELDPUNT, *PRIVACY, *AANBOD, *COALITIE, *PIJLERS, *MONITORING]

# Where staff pages live. A route under one of these must have a row above (or be excluded
# below with a reason); the admin's routes are all visited by the admin test.
STAFF_PREFIXES = ("werkruimte/", "monitoring/")
ADMIN_PREFIX = "beheer/"

# Staff routes without a row (route → why). None so far: a POST-only route gets a POST row.
EXCLUDED: dict[str, str] = {}

# Every other route of the portal: public pages and the login steps. A new route that is in
# neither list fails the test, so a staff page cannot slip in under another prefix unnoticed.
PUBLIC_ROUTES = {
    # pijlers: information, stories, agenda, privacy statement, self-check
    "",
    "over/",
    "eenzaamheid/",
    "verhalen/",
    "agenda/",
    "agenda.ics",
    "privacy/",
    "toegankelijkheid/",
    "zelftest/",
    "zelftest/uitslag/",
    # aanbod: the sociale kaart, its API, and the signed "klopt nog" link from the reminder
    "aanbod/",
    "aanbod/klopt-nog/<str:token>/",
    "aanbod/wijk/<slug:wijk>/folder.pdf",
    "aanbod/<slug:slug>/",
    "aanbod/<slug:slug>/agenda.ics",
    "aanbod/<slug:slug>/klopt-er-iets-niet/",
    "aanbod/<slug:slug>/klopt-er-iets-niet/bedankt/",
    "api/hsds/",
    "api/hsds/services/?$",
    "api/hsds/services/(?P<service_id>[^/]+)/?$",
    # meldpunt and coalitie: the public forms
    "meldpunt/",
    "meldpunt/bedankt/<str:reference>/",
    "coalitie/",
    "coalitie/aanmelden/",
    "coalitie/aanmelden/bedankt/",
    # the site
    "healthz",
    ".well-known/security.txt",
    "csp-report/",
    # the way in: tested in tests/access/ (they are reachable before the second step)
    "inloggen/",
    "inloggen/code/",
    "inloggen/app-instellen/",
    "inloggen/app-instellen/scannen/",
    "inloggen/reservecodes/",
    "inloggen/wachtwoord-vergeten/",
    "inloggen/wachtwoord-vergeten/verstuurd/",
    "inloggen/nieuw-wachtwoord/<uidb64>/<token>/",
    "inloggen/nieuw-wachtwoord/klaar/",
    "uitloggen/",
}


# --- the objects the placeholders name ------------------------------------------------------


def _users(org_x) -> dict:
    def staff(role):
        return UserFactory(username=f"matrix-{role}", password=None, roles=[role])

    def member(team, first_name, last_name):
        return member_of(
            team,
            username=f"matrix-{team}",
            first_name=first_name,
            last_name=last_name,
            password=None,
        )

    users = {
        "anon": None,
        "aanb": staff(roles.AANBIEDER),
        "team_a": member("noordoost", "Anja", "Arends"),
        "team_b": member("zuid", "Bert", "Bakker"),
        "coord": staff(roles.MELDPUNT_COORDINATOR),
        "kern": staff(roles.KERNGROEP),
        "kart": staff(roles.KARTREKKER),
        "super": UserFactory(
            username="matrix-super", password=None, is_superuser=True, is_staff=True
        ),
        # A resident with an account (a role may have been taken away): logged in, not staff.
        "resident": UserFactory(username="matrix-inwoner", password=None),
    }
    MedewerkerFactory(user=users["aanb"], organisatie=org_x)
    MedewerkerFactory(user=users["kern"], organisatie__name="Versa Welzijn")
    for user in users.values():
        if user is not None:  # the second login step finds this device instead of making one
            TOTPDevice.objects.create(user=user, name="Test", confirmed=True)
    return users


def _aanbod(org_x, org_y) -> dict:
    values = {}
    for key, org in (("x", org_x), ("y", org_y)):
        rooster = RoosterFactory(activiteit=ActiviteitFactory(organisatie=org))
        RoosterUitzondering.objects.create(
            rooster=rooster, start_date=date(2026, 7, 7), end_date=date(2026, 8, 18)
        )
        voorstel = Voorstel.objects.create(activiteit=rooster.activiteit, data={"name": "Nieuw"})
        values |= {f"a{key}": rooster.activiteit.pk, f"r{key}": rooster.pk, f"v{key}": voorstel.pk}
    correctie = Correctie.objects.create(activiteit_id=values["ay"], message="Tijd klopt niet.")
    return values | {
        "correctie": correctie.pk,
        "locatie": Rooster.objects.get(pk=values["rx"]).locatie_id,
        "synoniem": Synoniem.objects.create(term="eten", synonyms="maaltijd").pk,
    }


def _coalitie(org_y) -> dict:
    training = DeelnemerFactory(organisatie=org_y).training
    return {
        "partner": LidmaatschapFactory(organisatie=org_y, role=Rol.KERNGROEP).organisatie.slug,
        "contact": ContactpersoonFactory(organisatie=org_y, email="henk@example.org").pk,
        "bijeenkomst": BijeenkomstFactory().pk,
        "training": training.pk,
        "deelnemer": training.deelnemers.get().pk,
        "ambassadeur": AmbassadeurFactory(organisatie=org_y).pk,
        "aanmelding": AanmeldingFactory().pk,
    }


def _programme_and_monitoring(users) -> dict:
    telling = TellingFactory()
    evaluatie = services_evaluatie.evaluatie_create(period="2025-H1")
    rapport = EvaluatieRapport.objects.create(
        evaluatie=evaluatie, version=1, status=RapportStatus.KLAAR
    )
    rapport.file.save("rapport.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    uitgave = services_evaluatie.uitgave_create(
        actie=telling.actie,
        post=Begrotingspost.EENZAAMHEID,
        date=date(2025, 3, 1),
        amount=Decimal("120.00"),
        description="Drukwerk",
        user=users["kart"],
    )
    return {
        "actie": telling.actie.pk,
        "telling": telling.pk,
        "verhaal": VerhaalFactory(actie=telling.actie).pk,
        "agendapunt": AgendaItemFactory().pk,
        "batch": import_batch_start_cli(file_name="ggd.csv").pk,
        "period": evaluatie.period,
        "uitgave": uitgave.pk,
    }


def _meldpunt(users) -> dict:
    meldingen = {
        "ma": new_melding(wijk="noordoost"),
        "mb": new_melding(wijk="zuid"),
        "mt": new_melding(wijk=None),
        # Lapsed in triage: closed, so its personal data is no longer the coördinator's to see.
        "mc": force_status(new_melding(wijk=None), Status.GEANNULEERD),
    }
    verzoek = Verzoek.objects.create(user=users["coord"], searched_on=["naam"])
    VerzoekTreffer.objects.create(
        verzoek=verzoek, melding=meldingen["mt"], vindplaatsen=["betrokkene.naam"]
    )
    # Each team has looked at its own melding once: the access log has a row for each.
    toegang_log(user=users["team_a"], melding=meldingen["ma"])
    toegang_log(user=users["team_b"], melding=meldingen["mb"])
    return {key: m.reference for key, m in meldingen.items()} | {"verzoek": verzoek.pk}


def build_world() -> tuple[dict, dict]:
    """The users of every role (and a superuser) and one object of every kind: the users by
    column, and the values the table's placeholders are filled with."""
    org_x = OrganisatieFactory(name="Senver")
    org_y = OrganisatieFactory(name="Present Hilversum")
    users = _users(org_x)
    values = {
        **_meldpunt(users),
        **_aanbod(org_x, org_y),
        **_coalitie(org_y),
        **_programme_and_monitoring(users),
    }
    return users, values
