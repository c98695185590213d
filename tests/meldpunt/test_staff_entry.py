import pytest
from django.contrib.messages import get_messages

from meldpunt.constants import Bron
from meldpunt.models import Melding
from tests.factories import UserFactory
from tests.meldpunt.conftest import form_data

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

URL = "/werkruimte/meldingen/nieuw/"


def staff_data(**overrides):
    data = form_data(**{"source": "telefoon", **overrides})
    data.pop("website"), data.pop("started")
    return data


@pytest.mark.parametrize("user_fixture", ["coordinator_user", "buurtteam_user"])
def test_coordinator_and_buurtteam_enter_a_phoned_in_melding(
    request, client, postcodes, user_fixture
):
    user = request.getfixturevalue(user_fixture)
    client.force_login(user)
    response = client.post(URL, staff_data())
    assert response.status_code == 302
    assert response["Location"] == URL
    melding = Melding.objects.get()
    assert (melding.source, melding.entered_by) == (Bron.TELEFOON, user)
    (message,) = get_messages(response.wsgi_request)
    assert (
        f"Melding {melding.reference} is opgeslagen en doorgestuurd naar Buurtteam Noordoost."
        == str(message)
    )


def test_source_must_be_phone_or_desk(client, coordinator_user):
    client.force_login(coordinator_user)
    response = client.post(URL, staff_data(source="web"))
    assert "source" in response.context["form"].errors
    assert Melding.objects.count() == 0


@pytest.mark.parametrize(
    "user_fixture", ["kartrekker_user", "kerngroep_user", "aanbieder_user", "resident_user"]
)
def test_other_roles_may_not_enter_meldingen(request, client, db, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(URL).status_code == 403
    assert client.post(URL, staff_data()).status_code == 403
    assert Melding.objects.count() == 0


def test_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_staff_form_has_no_spam_defences_and_asks_how_it_came_in(client, coordinator_user):
    client.force_login(coordinator_user)
    html = client.get(URL).content.decode()
    assert "Hoe kwam de melding binnen?" in html
    assert 'name="website"' not in html and 'name="started"' not in html


def test_superuser_may_enter_meldingen(client, postcodes):
    client.force_login(UserFactory(is_superuser=True))
    assert client.post(URL, staff_data(source="balie")).status_code == 302
    assert Melding.objects.get().source == Bron.BALIE
