"""Home, /eenzaamheid/, /verhalen/ and /agenda/: what residents see."""

from datetime import date

import pytest
from django.urls import reverse

from pijlers.models import AgendaItem
from tests.pijlers.factories import AgendaItemFactory, VerhaalFactory

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

AGENDA = reverse("agenda")


def test_home_gives_the_core_message_and_three_doors(client, clock):
    html = client.get("/").content.decode()
    assert "Eenzaamheid kan iedereen overkomen." in html
    assert "Want in eenzaamheid is niemand alleen." in html
    assert f'action="{reverse("aanbod:index")}"' in html  # find an activity
    assert f'href="{reverse("meldpunt:index")}">Meld uw zorg</a>' in html  # report a concern
    assert f'href="{reverse("eenzaamheid")}">Wat is eenzaamheid?</a>' in html  # read about it


def test_home_shows_the_next_agenda_items_only(client, clock):
    AgendaItemFactory(title="Al geweest", start_date=date(2026, 11, 1))
    AgendaItemFactory(title="Niet openbaar", start_date=date(2026, 12, 1), public=False)
    AgendaItemFactory(title="Koffie met de wethouder", start_date=date(2026, 12, 2))
    html = client.get("/").content.decode()
    assert "Koffie met de wethouder" in html
    assert "woensdag 2 december 2026" in html
    assert "Al geweest" not in html
    assert "Niet openbaar" not in html


def test_information_page_shows_only_stories_with_consent(client):
    VerhaalFactory(title="Gedeeld verhaal", consent=True)
    VerhaalFactory(title="Besloten verhaal", consent=False)
    for url in [reverse("eenzaamheid"), reverse("verhalen")]:
        html = client.get(url).content.decode()
        assert "Gedeeld verhaal" in html, url
        assert "Besloten verhaal" not in html, url


def test_stories_text_is_escaped(client):
    VerhaalFactory(title="<b>Vet</b>", text="<script>alert(1)</script>")
    html = client.get(reverse("verhalen")).content.decode()
    assert "&lt;b&gt;Vet&lt;/b&gt;" in html
    assert "<script>alert(1)" not in html


def test_agenda_hides_what_is_over_until_asked(client, clock):
    AgendaItemFactory(title="Voorbij", start_date=date(2026, 10, 1))
    AgendaItemFactory(title="Loopt nog", start_date=date(2026, 11, 20), end_date=date(2026, 12, 5))
    AgendaItemFactory(title="Concept", start_date=date(2027, 1, 10), public=False)
    html = client.get(AGENDA).content.decode()
    assert "Loopt nog" in html
    assert "Week tegen Eenzaamheid 2027" in html
    assert "Voorbij" not in html
    assert "Week tegen Eenzaamheid 2026" not in html  # 26 September – 3 October 2026
    assert "Concept" not in html
    html = client.get(f"{AGENDA}?eerder=1").content.decode()
    assert "Al geweest" in html
    assert "Voorbij" in html and "Week tegen Eenzaamheid 2026" in html
    assert "Concept" not in html


def test_agenda_describes_a_period_and_a_meeting_in_words(client, clock):
    html = client.get(AGENDA).content.decode()
    assert "zondag 26 september – zondag 3 oktober 2027" in html
    AgendaItemFactory(
        title="Open bijeenkomst",
        start_date=date(2027, 3, 18),
        start_time="19:30",
        end_time="21:00",
        place="Bibliotheek",
    )
    html = client.get(AGENDA).content.decode()
    assert "donderdag 18 maart 2027, 19:30 – 21:00 uur" in html
    assert "Waar: Bibliotheek" in html
    assert "http://testserver/agenda.ics" in html


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        # home: wijken (cached per process after the first call), agenda, public meetings
        ("/", 3),
        # page, stories
        (reverse("eenzaamheid"), 2),
        # stories count, stories
        (reverse("verhalen"), 2),
        # upcoming items, public meetings of the coalition
        (AGENDA, 2),
        # feed items, public meetings of the coalition
        (reverse("agenda_ics"), 2),
    ],
)
def test_public_pages_take_a_fixed_number_of_queries(
    client, clock, django_assert_max_num_queries, url, budget
):
    for rows in (2, 12):
        for i in range(rows):
            AgendaItemFactory(start_date=date(2027, 1, 1 + i))
            VerhaalFactory()
        with django_assert_max_num_queries(budget):
            assert client.get(url).status_code == 200
    assert AgendaItem.objects.count() > 14
