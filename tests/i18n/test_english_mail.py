"""Issue #8: a melding made on the English form gets its receipt in English, end to end."""

import pytest

from meldpunt.constants import UitberichtSoort
from meldpunt.models import Melding, Uitbericht
from tests.meldpunt.conftest import form_data

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def send(client, url):
    data = form_data(reporter_email="an@example.org")
    response = client.post(url, data, REMOTE_ADDR="192.0.2.9")
    assert response.status_code == 302
    return response, Melding.objects.latest("created_at")


def test_the_english_form_stores_english_and_the_receipt_is_english(client, postcodes):
    response, melding = send(client, "/en/meldpunt/")
    assert response["Location"] == f"/en/meldpunt/bedankt/{melding.reference}/"
    assert melding.language == "en"
    receipt = Uitbericht.objects.get(melding=melding, kind=UitberichtSoort.ONTVANGST)
    assert receipt.recipient == "an@example.org"
    assert receipt.subject.startswith("Your report has been received")
    assert "Bedankt" not in receipt.body and "uw melding" not in receipt.body
    # The neighbourhood team works in Dutch, with the Dutch address of the staff page.
    team = Uitbericht.objects.get(melding=melding, kind=UitberichtSoort.TEAM_NIEUW)
    assert team.subject.startswith("Nieuwe melding")
    assert f"/werkruimte/meldingen/{melding.reference}/" in team.body
    assert "/en/" not in team.body


def test_the_dutch_form_stays_dutch(client, postcodes):
    _response, melding = send(client, "/meldpunt/")
    assert melding.language == "nl"
    receipt = Uitbericht.objects.get(melding=melding, kind=UitberichtSoort.ONTVANGST)
    assert receipt.subject.startswith("Uw melding is ontvangen")


def test_the_thank_you_page_of_an_english_melding_shows_its_reference(client, postcodes):
    _response, melding = send(client, "/en/meldpunt/")
    html = client.get(f"/en/meldpunt/bedankt/{melding.reference}/").content.decode()
    assert melding.reference in html
    assert '<html lang="en">' in html
