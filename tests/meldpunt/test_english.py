"""Issue #8: the meldpunt in English, without changing the Dutch one.

Needs the compiled catalogue (meldpunt/locale/en/LC_MESSAGES/django.mo; make test compiles it).
"""

import pytest
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.urls import reverse
from django.utils import timezone, translation

from meldpunt.constants import Bekend, MelderRol, Status, UitberichtSoort
from meldpunt.forms import PublicMeldingForm
from meldpunt.models import Uitbericht
from meldpunt.notifications import uitbericht_for_reporter
from meldpunt.services import Contact, melding_create
from tests.meldpunt.conftest import form_data

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

NOW = timezone.make_aware(timezone.datetime(2025, 3, 12, 10, 0))
DUTCH_QUESTION = "Over wie gaat uw melding?"
ENGLISH_QUESTION = "Who is your report about?"


def english_url() -> str:
    with translation.override("en"):
        return reverse("meldpunt:index")


def cached_fragment(language: str) -> str | None:
    key = make_template_fragment_key(
        "meldpunt_blank_form", [language, PublicMeldingForm().choices_key]
    )
    return caches["local"].get(key)


def test_english_and_dutch_blank_forms_are_cached_apart(client):
    dutch = client.get("/meldpunt/").content.decode()
    english = client.get(english_url()).content.decode()
    dutch_again = client.get("/meldpunt/").content.decode()
    english_again = client.get(english_url()).content.decode()

    assert english_url() != "/meldpunt/"
    for page in (dutch, dutch_again):
        assert DUTCH_QUESTION in page and ENGLISH_QUESTION not in page
    for page in (english, english_again):
        assert ENGLISH_QUESTION in page and DUTCH_QUESTION not in page
    # Both blank forms are in the fragment cache, each under its own language.
    assert DUTCH_QUESTION in cached_fragment("nl")
    assert ENGLISH_QUESTION in cached_fragment("en")


def test_english_form_shows_english_choices_and_errors(client):
    html = client.post(english_url(), form_data(about="", consent="")).content.decode()
    assert "Choose whether the report is about yourself or about someone else." in html
    assert "Without your permission we cannot deal with the report." in html
    assert "Resident or neighbour" in html  # a TextChoices label
    assert "Kies of de melding over uzelf" not in html


def create(**overrides):
    values = {
        "about_self": False,
        "urgent": False,
        "consent": True,
        "reporter_role": MelderRol.BEWONER,
        "person_knows": Bekend.NEE,
        "signals": ["weinig-contact"],
        "text": "My neighbour hardly goes out any more.",
        "postcode": "1223 ab",
        "huisnummer": "12",
        "reporter": Contact("Ann", "", "ann@example.org"),
        "now": NOW,
    }
    values.update(overrides)
    return melding_create(**values)


def test_english_reporter_gets_english_mails_and_the_team_a_dutch_one(postcodes):
    melding = create(language="en")
    receipt = Uitbericht.objects.get(kind=UitberichtSoort.ONTVANGST)
    assert receipt.subject == f"Your report has been received (reference {melding.reference})"
    assert "Thank you for your report to the loneliness reporting point" in receipt.body
    assert "within 2 working days" in receipt.body
    assert "werkdag" not in receipt.body
    team = Uitbericht.objects.get(kind=UitberichtSoort.TEAM_NIEUW)
    assert team.subject == f"Nieuwe melding {melding.reference}"
    assert "Er is een nieuwe melding voor uw buurtteam" in team.body

    update = uitbericht_for_reporter(melding=melding, status=Status.OPGEPAKT, now=NOW)
    assert update.subject == f"Your report {melding.reference} has been picked up"
    assert "has been picked up by the neighbourhood team" in update.body


def test_dutch_reporter_still_gets_the_dutch_receipt(postcodes):
    melding = create(language="nl")
    receipt = Uitbericht.objects.get(kind=UitberichtSoort.ONTVANGST)
    assert receipt.subject == f"Uw melding is ontvangen (kenmerk {melding.reference})"
    assert "Binnen 2 werkdagen neemt iemand van het buurtteam contact op." in receipt.body


def test_the_thank_you_page_switches_language_to_the_form_not_to_its_own_address(client):
    html = client.get("/meldpunt/bedankt/HV-AAAA-BBBB/").content.decode()
    assert f'href="{english_url()}" lang="en" hreflang="en"' in html
    assert "HV-AAAA-BBBB" not in html
