"""The privacy statement and the processing register: one list, the retention job's settings."""

import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils.html import escape

from meldpunt import views as meldpunt_views
from meldpunt.retention import retention_apply
from pijlers import privacy_register
from tests.factories import UserFactory
from tests.meldpunt.conftest import postcodes
from tests.meldpunt.test_retention import CLOSED, closed_melding

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]
__all__ = ["postcodes"]  # fixture

STATEMENT = "/privacy/"
REGISTER = reverse("pijlers_werkruimte:verwerkingsregister")


def text(response) -> str:
    """The page's text, tags out and spaces folded, to compare with the register's strings."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_both_pages_show_every_category_with_the_same_words(client, kartrekker_user):
    statement = text(client.get(STATEMENT))
    client.force_login(kartrekker_user)
    register = text(client.get(REGISTER))
    for categorie in privacy_register.categorieen():
        for words in (
            categorie.naam,
            categorie.doel,
            categorie.bewaartermijn,
            categorie.ontvangers,
        ):
            assert escape(words) in statement, words
            assert escape(words) in register, words
        for item in categorie.gegevens:
            assert escape(item) in statement and escape(item) in register
        # The legal basis and the open points are for staff.
        assert escape(categorie.grondslag) in register
        if categorie.open_punt:
            assert escape(categorie.open_punt) in register
            assert escape(categorie.open_punt) not in statement


def test_retention_periods_follow_the_settings_the_job_reads(client, settings, kartrekker_user):
    settings.MELDPUNT_RETENTION_CONTACT_DAYS = 45
    settings.MELDPUNT_RETENTION_DAYS = 400
    client.force_login(kartrekker_user)
    for page in (STATEMENT, REGISTER):
        html = text(client.get(page))
        assert "contactgegevens van de melder 45 dagen nadat de melding is afgesloten" in html
        assert "na 400 dagen, gerekend vanaf het afsluiten" in html
    settings.MELDPUNT_RETENTION_CONTACT_DAYS = 1
    assert "van de melder 1 dag nadat" in text(client.get(STATEMENT))


def test_what_the_statement_promises_is_what_the_job_does(settings, postcodes):
    """The days the register names are the days the job waits, for both steps."""
    settings.MELDPUNT_RETENTION_CONTACT_DAYS = 10
    settings.MELDPUNT_RETENTION_DAYS = 20
    register = {c.key: c.bewaartermijn for c in privacy_register.categorieen()}
    assert "10 dagen" in register["meldpunt-melder"]
    assert "20 dagen" in register["meldpunt-betrokkene"] and "20 dagen" in register["meldpunt-werk"]
    melding = closed_melding()
    retention_apply(now=CLOSED + timedelta(days=9, hours=23))
    melding.refresh_from_db()
    assert melding.melder.email
    retention_apply(now=CLOSED + timedelta(days=10))
    melding.refresh_from_db()
    assert melding.melder.email == "" and melding.betrokkene.name == "De Vries"
    retention_apply(now=CLOSED + timedelta(days=20))
    melding.refresh_from_db()
    assert melding.betrokkene.name == "" and melding.text == ""


def test_session_wording_follows_the_session_settings(settings):
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.STAFF_IDLE_SECONDS = 30 * 60
    settings.SESSION_COOKIE_AGE = 12 * 3600
    accounts = {c.key: c for c in privacy_register.categorieen()}["accounts"]
    assert "als u de browser sluit" in accounts.bewaartermijn
    assert "na 30 minuten zonder activiteit" in accounts.bewaartermijn
    assert "uiterlijk na 12 uur" in accounts.bewaartermijn
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = False
    settings.SESSION_COOKIE_AGE = 14 * 86400
    del settings.STAFF_IDLE_SECONDS
    accounts = {c.key: c for c in privacy_register.categorieen()}["accounts"]
    assert "browser" not in accounts.bewaartermijn and "activiteit" not in accounts.bewaartermijn
    assert "uiterlijk na 14 dagen" in accounts.bewaartermijn


def test_thank_you_cookie_lifetime_is_the_meldpunts_own():
    assert privacy_register.BEDANKT_COOKIE_HOURS * 3600 == meldpunt_views.BEDANKT_MAX_AGE


# Every model that can hold someone's name, contact details or free text about them, and the
# category of the register that names it. A new model with such a field makes
# test_every_model_with_personal_data_is_in_the_register fail until it is added here and there.
PERSONAL_MODELS = {
    "meldpunt.Betrokkene": "meldpunt-betrokkene",
    "meldpunt.Melding": "meldpunt-betrokkene",
    "meldpunt.Melder": "meldpunt-melder",
    "meldpunt.Notitie": "meldpunt-werk",
    "meldpunt.ContactPoging": "meldpunt-werk",
    "meldpunt.Verwijzing": "meldpunt-werk",
    "meldpunt.StatusWijziging": "meldpunt-werk",
    "meldpunt.Uitbericht": "meldpunt-werk",
    "meldpunt.Toegang": "inzage-log",
    "meldpunt.Verzoek": "avg-verzoeken",
    "meldpunt.VerzoekActie": "avg-verzoeken",
    "coalitie.Contactpersoon": "coalitie-contactpersonen",
    "coalitie.Organisatie": "coalitie-contactpersonen",
    "coalitie.Medewerker": "accounts",
    "coalitie.Aanmelding": "coalitie-aanmeldingen",
    "coalitie.Aanwezigheid": "coalitie-deelname",
    "coalitie.Deelnemer": "coalitie-deelname",
    "coalitie.Ambassadeur": "coalitie-deelname",
    "aanbod.Activiteit": "aanbod-contact",
    "aanbod.Wijziging": "aanbod-contact",
    "aanbod.Correctie": "aanbod-correcties",
    "pijlers.Verhaal": "verhalen",
    "pijlers.Actie": "coalitie-deelname",
    "monitoring.Beoordeling": "evaluatie-beoordelingen",
    "auth.User": "accounts",
}
PERSONAL_FIELD = re.compile(r"(^|_)(name|naam|email|phone|telefoon|street|text|note|body)($|_)")
# Fields that match the pattern but name a thing, not a person.
NOT_PERSONAL = {
    "coalitie.Bijeenkomst",  # title, place, agenda: the meeting's, not a person's
    "coalitie.Training",
    "aanbod.Locatie",
    "aanbod.Term",
    "aanbod.Synoniem",
    "aanbod.Rooster",
    "pijlers.Pijler",
    "pijlers.Subdoel",
    "pijlers.Pagina",
    "pijlers.PaginaVersie",
    "pijlers.AgendaItem",
    "pijlers.Voortgang",
    "pijlers.Telling",
    "meldpunt.Buurtteam",  # the team's shared address
    "monitoring.Indicator",
    "monitoring.Regio",
    "monitoring.ImportBatch",  # the name of an uploaded file of GGD figures
    "wijken.Wijk",
    "wijken.Buurt",
    "wijken.Postcode",
    "auth.Group",
    "auth.Permission",
    "contenttypes.ContentType",
}
PROJECT_APPS = {"meldpunt", "coalitie", "aanbod", "pijlers", "wijken", "monitoring", "auth"}


def test_every_model_with_personal_data_is_in_the_register():
    keys = {c.key for c in privacy_register.categorieen()}
    assert set(PERSONAL_MODELS.values()) <= keys
    missing = []
    for model in apps.get_models():
        label = f"{model._meta.app_label}.{model.__name__}"
        if model._meta.app_label not in PROJECT_APPS or label in NOT_PERSONAL:
            continue
        texts = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField) and PERSONAL_FIELD.search(f.name)
        ]
        if texts and label not in PERSONAL_MODELS:
            missing.append(f"{label} ({', '.join(texts)})")
    assert missing == [], "add these to the register and to PERSONAL_MODELS"


def test_register_is_readable_by_every_staff_role(client, staff_user):
    client.force_login(staff_user)
    response = client.get(REGISTER)
    assert response.status_code == 200
    assert "Grondslag" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_register_for_superuser_but_not_for_an_account_without_role(client, resident_user):
    client.force_login(resident_user)
    assert client.get(REGISTER).status_code == 403
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(REGISTER).status_code == 200


def test_register_sends_anonymous_visitors_to_the_login(client):
    response = client.get(REGISTER)
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_statement_is_public_and_cheap(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        response = client.get(STATEMENT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Uw rechten" in html and "Autoriteit Persoonsgegevens" in html
    assert client.post(STATEMENT).status_code == 405


def test_statement_has_one_section_per_category_under_its_heading(client):
    html = client.get(STATEMENT).content.decode()
    keys = re.findall(r'data-categorie="([a-z-]+)"', html)
    assert keys == [c.key for c in privacy_register.categorieen()]
    headings = [g.titel for g in privacy_register.groepen()]
    assert headings[:2] == ["Als u de website bekijkt", "Als u een melding doet"]
    for heading in headings:
        assert f">{escape(heading)}</h2>" in html
