"""The demo data: it fits the migrated actions, runs twice without change, and leaves the
work of real people alone."""

import pytest
from django.urls import reverse

from pijlers import demo
from pijlers.constants import Status
from pijlers.models import Actie, AgendaItem, Verhaal, Voortgang
from tests.factories import OrganisatieFactory

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def test_every_demo_row_names_an_action_of_the_migration():
    titles = set(Actie.objects.values_list("title", flat=True))
    named = {d.actie for d in demo.DEMO_VOORTGANG}
    named |= {row[0] for row in demo.DEMO_TELLINGEN}
    named |= {row[2] for row in demo.DEMO_VERHALEN}
    assert named <= titles, named - titles


def test_seed_twice_changes_nothing_the_second_time(clock):
    assert demo.seed() > 0
    counts = (Voortgang.objects.count(), Verhaal.objects.count(), AgendaItem.objects.count())
    assert demo.seed() == 0
    assert counts == (
        Voortgang.objects.count(),
        Verhaal.objects.count(),
        AgendaItem.objects.count(),
    )


def test_seed_leaves_actions_that_someone_worked_on_alone(clock):
    actie = Actie.objects.get(title="Realiseren van meldpunt")
    Voortgang.objects.create(actie=actie, date=clock.date(), text="Echte voortgang.")
    demo.seed()
    actie.refresh_from_db()
    assert actie.status == Status.GEPLAND
    assert list(actie.voortgang.values_list("text", flat=True)) == ["Echte voortgang."]


def test_seed_links_the_trekker_by_name(clock):
    gemeente = OrganisatieFactory(name="Gemeente Hilversum")
    demo.seed()
    assert not Actie.objects.filter(trekker__isnull=True).exists()
    assert Actie.objects.filter(trekker=gemeente).count() == Actie.objects.count()


def test_demo_shows_delayed_actions_and_only_consented_stories(client, clock):
    demo.seed()
    toolkit = Actie.objects.with_shown_status("2026-Q4").get(
        title="Communicatietoolkit voor partners"
    )
    assert toolkit.shown_status == Status.VERTRAAGD
    html = client.get(reverse("verhalen")).content.decode()
    assert "Videobellen met mijn kleinkinderen (voorbeeld)" in html
    assert "Intern: gesprek met een buurtbewoner" not in html
