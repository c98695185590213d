import pytest

from meldpunt.constants import WijkBron
from meldpunt.models import Buurtteam, BuurtteamWijk
from meldpunt.routing import buurtteam_for_wijk, wijk_determine
from wijken.models import Wijk

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


@pytest.mark.parametrize(
    ("wijk_slug", "team_slug"),
    [
        ("centrum", "centrum"),
        ("noordwest", "noordwest"),
        ("zuidwest", "zuidwest"),
        ("zuid", "zuid"),
        ("zuidoost", "zuidoost"),
        ("oost", "oost"),
        ("noordoost", "noordoost"),
        ("hilversumse-meent", "hilversumse-meent"),
        ("landelijk-gebied", "noordoost"),
    ],
)
def test_every_wijk_of_hilversum_goes_to_the_team_of_its_care_network(wijk_slug, team_slug):
    assert buurtteam_for_wijk(Wijk.objects.get(slug=wijk_slug)).slug == team_slug


def test_the_seeded_teams_are_the_eight_networks_of_the_2017_letter_with_example_addresses():
    teams = list(Buurtteam.objects.order_by("name").values_list("name", "email"))
    assert len(teams) == 8
    assert ("Buurtteam Oost (HOOST)", "buurtteam-oost@example.org") in teams
    assert ("Buurtteam Zuidoost (Riebeeck)", "buurtteam-zuidoost@example.org") in teams
    assert all(email.endswith("@example.org") for _, email in teams)
    # Every wijk is covered, and by exactly one team (a database rule).
    assert BuurtteamWijk.objects.count() == Wijk.objects.count() == 9


def test_melding_without_a_wijk_goes_to_triage():
    assert buurtteam_for_wijk(None) is None


def test_a_wijk_no_team_covers_goes_to_triage():
    wijk = Wijk.objects.get(slug="centrum")
    BuurtteamWijk.objects.filter(wijk=wijk).delete()
    assert buurtteam_for_wijk(wijk) is None


def test_wijk_is_found_from_postcode_and_house_number(postcodes):
    plaats = wijk_determine(postcode="1223 ab", huisnummer="12a")
    assert plaats.wijk.slug == "noordoost"
    assert plaats.source == WijkBron.ADRES


def test_the_address_wins_over_a_chosen_wijk(postcodes):
    chosen = Wijk.objects.get(slug="zuid")
    plaats = wijk_determine(postcode="1223AB", huisnummer="1", wijk=chosen)
    assert (plaats.wijk.slug, plaats.source) == ("noordoost", WijkBron.ADRES)


def test_a_chosen_wijk_is_used_when_the_address_is_not_in_the_table(postcodes):
    chosen = Wijk.objects.get(slug="zuid")
    plaats = wijk_determine(postcode="1217ZZ", huisnummer="3", wijk=chosen)
    assert (plaats.wijk, plaats.source) == (chosen, WijkBron.GEKOZEN)


@pytest.mark.parametrize(
    ("postcode", "source"),
    [
        ("", WijkBron.ONBEKEND),
        ("geen postcode", WijkBron.ONBEKEND),
        ("1217ZZ", WijkBron.NIET_GEVONDEN),  # a Hilversum postcode the table does not know
        ("1012AB", WijkBron.BUITEN_HILVERSUM),  # Amsterdam
        ("1251 AA", WijkBron.BUITEN_HILVERSUM),  # Laren
    ],
)
def test_no_wijk_without_a_known_address_or_choice(postcodes, postcode, source):
    plaats = wijk_determine(postcode=postcode, huisnummer="1")
    assert plaats.wijk is None
    assert plaats.source == source


def test_routing_asks_the_database_once_per_process_until_a_team_changes(
    django_assert_num_queries,
):
    centrum, zuid = Wijk.objects.get(slug="centrum"), Wijk.objects.get(slug="zuid")
    with django_assert_num_queries(1):
        assert buurtteam_for_wijk(centrum).slug == "centrum"
    with django_assert_num_queries(0):
        assert buurtteam_for_wijk(zuid).slug == "zuid"
    # A wijk moved to another team (the admin saves the link): the next melding follows it.
    link = BuurtteamWijk.objects.get(wijk=zuid)
    link.buurtteam = Buurtteam.objects.get(slug="centrum")
    link.save()
    assert buurtteam_for_wijk(zuid).slug == "centrum"
    # A team that no longer covers a wijk through the many-to-many manager.
    Buurtteam.objects.get(slug="centrum").wijken.remove(centrum)
    assert buurtteam_for_wijk(centrum) is None
    # A new e-mail address of a team is the one its next melding's message goes to.
    team = Buurtteam.objects.get(slug="centrum")
    team.email = "nieuw-adres@example.org"
    team.save()
    assert buurtteam_for_wijk(zuid).email == "nieuw-adres@example.org"
