"""The kartrekker's forms: a valid one saves through its service; bad input gives Dutch errors
and the form comes back with what was typed."""

from datetime import date, time

import pytest
from django.urls import reverse

from pijlers.constants import Status
from pijlers.models import Actie, AgendaItem, Telling, Verhaal, Voortgang
from tests.factories import OrganisatieFactory
from tests.pijlers.factories import ActieFactory, AgendaItemFactory, TellingFactory

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


@pytest.fixture
def kartrekker(client, kartrekker_user, clock):
    client.force_login(kartrekker_user)
    return client


def actie_data(**overrides):
    data = {
        "title": "Buurtmaaltijden",
        "description": "Samen eten in de wijk.",
        "audience": "Ouderen",
        "planning_text": "",
        "start_quarter": "2026-Q1",
        "end_quarter": "2026-Q4",
        "status": Status.LOPEND,
        "trekker": "",
        "trekker_name": "Heikracht",
    }
    data.update(overrides)
    return data


def test_kartrekker_changes_an_action_and_its_partners(kartrekker):
    actie = ActieFactory()
    senver = OrganisatieFactory(name="Senver")
    url = reverse("pijlers_werkruimte:actie_wijzigen", args=[actie.pk])
    response = kartrekker.post(url, actie_data(partners=[senver.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("pijlers_werkruimte:actie", args=[actie.pk])
    actie.refresh_from_db()
    assert (actie.title, actie.start_quarter, actie.end_quarter) == (
        "Buurtmaaltijden",
        "2026-Q1",
        "2026-Q4",
    )
    assert actie.status == Status.LOPEND
    assert list(actie.partners.all()) == [senver]
    assert actie.trekker_label == "Heikracht"


def test_choosing_an_organisation_as_trekker_clears_the_typed_name(kartrekker):
    actie = ActieFactory(trekker_name="Gemeente Hilversum")
    gemeente = OrganisatieFactory(name="Gemeente Hilversum")
    url = reverse("pijlers_werkruimte:actie_wijzigen", args=[actie.pk])
    kartrekker.post(url, actie_data(trekker=gemeente.pk, trekker_name="Iets anders"))
    actie.refresh_from_db()
    assert actie.trekker == gemeente
    assert actie.trekker_name == ""


def test_empty_end_quarter_means_doorlopend(kartrekker):
    actie = ActieFactory()
    url = reverse("pijlers_werkruimte:actie_wijzigen", args=[actie.pk])
    kartrekker.post(url, actie_data(end_quarter=""))
    actie.refresh_from_db()
    assert actie.end_quarter == ""
    assert actie.planning_label == "vanaf Q1 2026, doorlopend"


def test_end_before_start_is_refused_in_dutch_and_keeps_what_was_typed(kartrekker):
    actie = ActieFactory(title="Oude naam")
    url = reverse("pijlers_werkruimte:actie_wijzigen", args=[actie.pk])
    response = kartrekker.post(
        url, actie_data(title="Nieuwe naam", start_quarter="2026-Q3", end_quarter="2026-Q1")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het eindkwartaal ligt vóór het startkwartaal." in html
    assert 'value="Nieuwe naam"' in html
    assert '<option value="2026-Q3" selected>' in html
    assert 'id="foutmeldingen"' in html
    assert "<title>Fout:" in html
    actie.refresh_from_db()
    assert actie.title == "Oude naam"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Vul de naam van de actie in."),
        ("start_quarter", "", "Kies het startkwartaal."),
        ("start_quarter", "2024-Q9", "Kies een van de mogelijkheden uit de lijst."),
        ("status", "klaar-ish", "Kies een van de mogelijkheden uit de lijst."),
        ("trekker", "999999", "Kies een van de mogelijkheden uit de lijst."),
        ("partners", "abc", "Kies een van de mogelijkheden uit de lijst."),
    ],
)
def test_bad_action_input_gives_a_dutch_error(kartrekker, field, value, message):
    actie = ActieFactory()
    url = reverse("pijlers_werkruimte:actie_wijzigen", args=[actie.pk])
    response = kartrekker.post(url, actie_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()


def test_new_action_is_added_at_the_end_of_its_pillar(kartrekker):
    url = reverse("pijlers_werkruimte:actie_nieuw", args=["informeren"])
    response = kartrekker.post(url, actie_data(title="Informatiemarkt"))
    actie = Actie.objects.get(title="Informatiemarkt")
    assert response["Location"] == reverse("pijlers_werkruimte:actie", args=[actie.pk])
    assert actie.pijler.code == "informeren"
    last = Actie.objects.filter(pijler__code="informeren").order_by("position").last()
    assert last == actie


def test_progress_is_logged_with_date_and_author(kartrekker, kartrekker_user):
    actie = ActieFactory()
    url = reverse("pijlers_werkruimte:voortgang_nieuw", args=[actie.pk])
    assert kartrekker.get(url).context["form"]["day"].value() == date(2026, 11, 27)
    response = kartrekker.post(url, {"day": "2026-11-20", "text": "  Eerste groep gestart.  "})
    assert response.status_code == 302
    voortgang = Voortgang.objects.get(actie=actie)
    assert (voortgang.date, voortgang.text, voortgang.author) == (
        date(2026, 11, 20),
        "Eerste groep gestart.",
        kartrekker_user,
    )


@pytest.mark.parametrize(
    ("day", "text", "message"),
    [
        ("2026-12-01", "Gedaan.", "De datum ligt in de toekomst."),
        ("31-02-2026", "Gedaan.", "Vul een datum in zoals 26-09-2026."),
        ("2026-11-01", "   ", "Schrijf op wat er is gebeurd."),
        ("", "Gedaan.", "Vul de datum in."),
    ],
)
def test_bad_progress_input_gives_a_dutch_error_and_keeps_the_text(kartrekker, day, text, message):
    actie = ActieFactory()
    url = reverse("pijlers_werkruimte:voortgang_nieuw", args=[actie.pk])
    response = kartrekker.post(url, {"day": day, "text": text})
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    if text.strip():
        assert text in html
    assert not Voortgang.objects.exists()


def test_reach_target_is_added_and_updated(kartrekker):
    actie = ActieFactory()
    url = reverse("pijlers_werkruimte:telling_nieuw", args=[actie.pk])
    data = {"metric": "Ambassadeurs", "target": "40", "achieved": "0", "unit": "mensen"}
    kartrekker.post(url, {**data, "period": "2026"})
    telling = Telling.objects.get(actie=actie)
    assert (telling.target, telling.achieved) == (40, 0)
    url = reverse("pijlers_werkruimte:telling_wijzigen", args=[telling.pk])
    kartrekker.post(url, {**data, "achieved": "23", "period": "2026"})
    telling.refresh_from_db()
    assert telling.achieved == 23
    assert telling.percentage == 58


@pytest.mark.parametrize(
    ("target", "achieved", "message"),
    [
        ("veel", "0", "Vul een heel getal in, zoals 25."),
        ("-5", "0", "Het aantal kan niet onder 0."),
        ("", "0", "Vul het doel in, als een heel getal."),
        ("10", "", "Vul in hoeveel er bereikt is. Nog niets? Vul 0 in."),
        ("99999999999999999999", "0", "Zorg ervoor dat deze waarde"),
    ],
)
def test_bad_numbers_give_dutch_errors_and_keep_what_was_typed(
    kartrekker, target, achieved, message
):
    telling = TellingFactory()
    url = reverse("pijlers_werkruimte:telling_wijzigen", args=[telling.pk])
    data = {"metric": "Bezoekers", "target": target, "achieved": achieved}
    response = kartrekker.post(url, {**data, "unit": "bezoekers", "period": "2026"})
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert f'value="{target}"' in html or target == ""
    telling.refresh_from_db()
    assert telling.metric == "Deelnemers aan de training"


def test_story_is_saved_without_consent_unless_ticked(kartrekker, kartrekker_user):
    actie = ActieFactory()
    url = reverse("pijlers_werkruimte:verhaal_nieuw")
    assert kartrekker.get(f"{url}?actie={actie.pk}").context["form"]["actie"].value() == actie.pk
    response = kartrekker.post(
        url, {"title": "Samen koken", "text": "Ik kook nu met de buren.", "actie": actie.pk}
    )
    assert response["Location"] == reverse("pijlers_werkruimte:actie", args=[actie.pk])
    verhaal = Verhaal.objects.get(title="Samen koken")
    assert verhaal.consent is False
    assert verhaal.author == kartrekker_user
    assert kartrekker.get(f"{url}?actie=abc").status_code == 200  # a bad link is ignored


def test_story_with_bad_input_keeps_the_text(kartrekker):
    url = reverse("pijlers_werkruimte:verhaal_nieuw")
    response = kartrekker.post(url, {"title": "", "text": "Mijn verhaal.", "wijk": "999"})
    html = response.content.decode()
    assert "Vul een titel in." in html
    assert "Kies een van de mogelijkheden uit de lijst." in html
    assert "Mijn verhaal." in html
    assert not Verhaal.objects.exists()


def test_story_can_be_deleted_after_confirmation(kartrekker):
    from tests.pijlers.factories import VerhaalFactory

    verhaal = VerhaalFactory()
    url = reverse("pijlers_werkruimte:verhaal_verwijderen", args=[verhaal.pk])
    assert "Weet u het zeker?" in kartrekker.get(url).content.decode()
    assert Verhaal.objects.filter(pk=verhaal.pk).exists()
    kartrekker.post(url)
    assert not Verhaal.objects.filter(pk=verhaal.pk).exists()


def agenda_data(**overrides):
    data = {
        "title": "Netwerkdiner",
        "kind": "bijeenkomst",
        "start_date": "2027-03-18",
        "end_date": "",
        "start_time": "18:00",
        "end_time": "21:00",
        "place": "Wijkcentrum Lopes Dias",
        "description": "",
        "url": "hilversum.nl/eenzaamheid",
        "public": "on",
    }
    data.update(overrides)
    return data


def test_agenda_item_is_saved(kartrekker):
    response = kartrekker.post(reverse("pijlers_werkruimte:agenda_nieuw"), agenda_data())
    assert response["Location"] == reverse("pijlers_werkruimte:agenda")
    item = AgendaItem.objects.get(title="Netwerkdiner")
    assert (item.start_date, item.start_time, item.end_time) == (
        date(2027, 3, 18),
        time(18),
        time(21),
    )
    assert item.url == "https://hilversum.nl/eenzaamheid"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_date": "2027-03-01"}, "De einddatum ligt vóór de begindatum."),
        ({"end_time": "17:00"}, "De eindtijd ligt vóór de begintijd."),
        ({"start_time": "", "end_time": "17:00"}, "Vul ook de begintijd in"),
        ({"start_date": "18 maart"}, "Vul een datum in zoals 26-09-2026."),
        ({"start_time": "25:99"}, "Vul een tijd in zoals 19:30."),
        ({"kind": "feest"}, "Kies een van de mogelijkheden uit de lijst."),
        ({"url": "niet zomaar tekst"}, "Vul een webadres in zoals https://www.hilversum.nl."),
        ({"title": ""}, "Vul een titel in."),
    ],
)
def test_bad_agenda_input_gives_dutch_errors_and_keeps_what_was_typed(
    kartrekker, overrides, message
):
    item = AgendaItemFactory(title="Oud")
    url = reverse("pijlers_werkruimte:agenda_wijzigen", args=[item.pk])
    response = kartrekker.post(url, agenda_data(**overrides))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Wijkcentrum Lopes Dias"' in html
    item.refresh_from_db()
    assert item.title == "Oud"


def test_agenda_item_is_deleted_only_after_confirmation(kartrekker):
    item = AgendaItemFactory(title="Afgelast")
    url = reverse("pijlers_werkruimte:agenda_verwijderen", args=[item.pk])
    assert "Afgelast verwijderen" in kartrekker.get(url).content.decode()
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    assert kartrekker.post(url)["Location"] == reverse("pijlers_werkruimte:agenda")
    assert not AgendaItem.objects.filter(pk=item.pk).exists()
