"""Issue #8: the coalition's public pages in English; the kartrekker's e-mail stays Dutch.

Needs the compiled catalogue (coalitie/locale/en/LC_MESSAGES/django.mo; make test compiles it).
"""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def english(name: str) -> str:
    with translation.override("en"):
        return reverse(name)


@pytest.fixture(autouse=True)
def kartrekker_address(settings):
    settings.KARTREKKER_EMAIL = "kartrekker@hilversum.example"
    settings.SITE_URL = "https://eenzaamheid.example"


def test_english_join_form_speaks_english_and_its_errors_too(client):
    html = client.get(english("coalitie:index")).content.decode()
    assert "Together against loneliness: the coalition" in html
    assert "Samen tegen eenzaamheid: de coalitie" not in html
    html = client.post(english("coalitie:aanmelden"), {"website": ""}).content.decode()
    assert "Enter the name of your organisation." in html
    assert "Vul de naam van uw organisatie in." not in html


def test_a_join_request_from_the_english_form_reaches_the_kartrekker_in_dutch(
    client, django_capture_on_commit_callbacks
):
    data = {
        "organisation_name": "Bakery De Korenaar",
        "contact_name": "Bea Baker",
        "email": "bea@example.org",
        "phone": "",
        "contribution": "We keep an eye on customers who are alone.",
        "website": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(english("coalitie:aanmelden"), data, REMOTE_ADDR="192.0.2.20")
    assert response["Location"] == english("coalitie:bedankt")
    [message] = mail.outbox
    assert message.subject == "Aanmelding voor de coalitie tegen eenzaamheid: Bakery De Korenaar"
    assert "Een organisatie wil meedoen met de coalitie tegen eenzaamheid." in message.body
    assert "https://eenzaamheid.example/werkruimte/coalitie/aanmeldingen/" in message.body
