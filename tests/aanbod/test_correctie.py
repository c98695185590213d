import uuid
from unittest.mock import patch

import pytest
from django.test import Client
from django.urls import reverse

from aanbod.constants import Moderatie
from aanbod.models import Activiteit, Correctie
from aanbod.services_public import correctie_create
from tests.aanbod.factories import ActiviteitFactory

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


@pytest.fixture
def activiteit():
    return ActiviteitFactory(name="Koffieochtend", slug="koffieochtend")


def url(activiteit):
    return reverse("aanbod:correctie", args=[activiteit.slug])


def send(client, activiteit, ip="192.0.2.10", **data):
    return client.post(url(activiteit), data, REMOTE_ADDR=ip)


def test_report_is_recorded_and_marks_the_activity_for_rechecking(client, activiteit):
    modified_at = activiteit.modified_at
    response = send(client, activiteit, message="  De tijd is nu 10 uur.  ", email="an@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("aanbod:correctie_bedankt", args=[activiteit.slug])
    (correctie,) = Correctie.objects.all()
    assert correctie.activiteit == activiteit
    assert correctie.message == "De tijd is nu 10 uur."
    assert correctie.email == "an@example.org"
    activiteit.refresh_from_db()
    assert activiteit.needs_review is True
    # A report is not an edit: the activity's own change date stays, and so does its folder.
    assert activiteit.modified_at == modified_at


def test_email_is_optional(client, activiteit):
    send(client, activiteit, message="Deze activiteit is gestopt.")
    assert Correctie.objects.get().email == ""


def test_thank_you_page_names_the_activity_and_links_back(client, activiteit):
    response = client.get(reverse("aanbod:correctie_bedankt", args=[activiteit.slug]))
    html = response.content.decode()
    assert "Bedankt voor uw melding" in html
    assert f'href="{reverse("aanbod:detail", args=[activiteit.slug])}"' in html


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"message": "", "email": "an@example.org"}, "message", "Schrijf op wat er niet klopt."),
        ({"message": "   "}, "message", "Schrijf op wat er niet klopt."),
        ({"message": "x" * 2001}, "message", "niet meer dan 2000 tekens"),
        ({"message": "Klopt niet", "email": "geen-adres"}, "email", "naam@voorbeeld.nl"),
        ({"message": "met \x00 erin"}, "message", "Null-tekens"),
    ],
)
def test_invalid_report_is_shown_again_with_what_was_typed_and_a_dutch_message(
    client, activiteit, data, field, message
):
    response = send(client, activiteit, **data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "foutmeldingen" in html  # the error summary at the top
    assert message.lower() in " ".join(response.context["form"].errors[field]).lower()
    assert f'href="#id_{field}"' in html
    if data.get("email"):
        assert f'value="{data["email"]}"' in html
    assert Correctie.objects.count() == 0
    assert Activiteit.objects.get().needs_review is False


def test_text_of_an_invalid_report_is_kept(client, activiteit):
    response = send(client, activiteit, message="Het adres is <fout>", email="fout@")
    html = response.content.decode()
    assert "Het adres is &lt;fout&gt;</textarea>" in html
    assert 'value="fout@"' in html


def test_filled_honeypot_pretends_success_but_stores_nothing(client, activiteit):
    response = send(client, activiteit, message="Koop nu!", website="https://spam.example")
    assert response.status_code == 302
    assert response["Location"] == reverse("aanbod:correctie_bedankt", args=[activiteit.slug])
    assert Correctie.objects.count() == 0
    assert Activiteit.objects.get().needs_review is False


def test_honeypot_is_hidden_from_people(client, activiteit):
    html = client.get(url(activiteit)).content.decode()
    hidden_block = html.split('class="correctie-form__extra" aria-hidden="true"')[1].split(
        "</div>"
    )[0]
    assert 'name="website"' in hidden_block
    assert 'tabindex="-1"' in hidden_block


def test_sixth_report_within_an_hour_from_one_address_gets_a_friendly_429(client, activiteit):
    for number in range(5):
        assert send(client, activiteit, message=f"Melding {number}").status_code == 302
    response = send(client, activiteit, message="Nog eentje", email="an@example.org")
    assert response.status_code == 429
    html = response.content.decode()
    assert "U heeft al een paar keer iets doorgegeven" in html
    assert "Nog eentje</textarea>" in html  # what was typed is not lost
    assert Correctie.objects.count() == 5
    # Someone else, from another address, can still report.
    assert send(client, activiteit, ip="198.51.100.7", message="Ander").status_code == 302


def test_rate_limit_also_counts_honeypot_posts(client, activiteit):
    for _ in range(5):
        send(client, activiteit, message="Spam", website="x")
    assert send(client, activiteit, message="Echt").status_code == 429


def test_report_goes_through_when_the_rate_limit_cache_is_down(client, activiteit):
    with patch("hilversum_eenzaamheid.ratelimit._limiter", side_effect=ConnectionError("redis")):
        response = send(client, activiteit, message="Klopt niet")
    assert response.status_code == 302
    assert Correctie.objects.count() == 1


def test_form_without_csrf_token_is_refused():
    activiteit = ActiviteitFactory()
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(url(activiteit), {"message": "Klopt niet"})
    assert response.status_code == 403
    assert Correctie.objects.count() == 0


def test_detail_page_carries_the_form_with_csrf_token_and_posts_to_the_report_url(
    client, activiteit
):
    html = client.get(reverse("aanbod:detail", args=[activiteit.slug])).content.decode()
    assert "Klopt er iets niet?" in html
    assert f'action="{url(activiteit)}"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "novalidate" in html
    assert "Uw e-mailadres (niet verplicht)" in html


def test_report_form_page_has_labels_above_fields(client, activiteit):
    html = client.get(url(activiteit)).content.decode()
    assert html.index('<label class="form-label fw-semibold" for="id_message">') < html.index(
        '<textarea name="message"'
    )


@pytest.mark.parametrize("method", ["get", "post"])
def test_report_about_an_activity_that_is_not_public_is_not_found(client, method):
    hidden = ActiviteitFactory(moderatie=Moderatie.WACHT)
    response = getattr(client, method)(url(hidden), {"message": "x"})
    assert response.status_code == 404
    assert Correctie.objects.count() == 0


def test_correctie_create_validates_and_sets_the_flag(activiteit):
    correctie = correctie_create(activiteit=activiteit, message="Nieuwe tijd", email="")
    assert correctie.pk is not None
    assert activiteit.needs_review is True
    assert Activiteit.objects.get().needs_review is True


@pytest.mark.integration
def test_rate_limit_counts_in_redis_shared_by_all_web_servers(
    client, activiteit, redis_url, settings
):
    # Its own cache alias and key prefix: the Redis server is shared, so nothing is flushed.
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {
            "BACKEND": "hilversum_eenzaamheid.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": f"test-correctie-{uuid.uuid4()}",
        },
    }
    settings.RATELIMIT_USE_CACHE = "ratelimit"
    for number in range(5):
        assert send(client, activiteit, message=f"Melding {number}").status_code == 302
    assert send(client, activiteit, message="Nog eentje").status_code == 429
    assert Correctie.objects.count() == 5


def test_detail_page_tells_visitors_a_report_is_being_checked(client, activiteit):
    send(client, activiteit, message="De tijd klopt niet")
    html = client.get(reverse("aanbod:detail", args=[activiteit.slug])).content.decode()
    assert "Iemand heeft gemeld dat hier iets niet klopt. We kijken het na." in html
