"""Access to the werkruimte of the sociale kaart, and its list of activities."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from aanbod.constants import Moderatie
from aanbod.models import Correctie, Voorstel
from hilversum_eenzaamheid import roles
from tests.aanbod.factories import ActiviteitFactory, RoosterFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.sqlite


def own(user, **fields):
    return ActiviteitFactory(organisatie=user.medewerker.organisatie, **fields)


@pytest.mark.parametrize(
    "name,args",
    [
        ("werkruimte_list", []),
        ("werkruimte_create", []),
        ("werkruimte_edit", [1]),
        ("werkruimte_roosters", [1]),
        ("werkruimte_voorstellen", []),
        ("werkruimte_correcties", []),
        ("werkruimte_dekking", []),
        ("werkruimte_locaties", []),
    ],
)
def test_anonymous_visitors_are_sent_to_the_login_page(client, db, name, args):
    url = reverse(f"aanbod:{name}", args=args)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["coordinator", "buurtteam", "kerngroep", "resident"])
def test_roles_other_than_aanbieder_and_kartrekker_are_refused(client, db, request, role):
    client.force_login(request.getfixturevalue(f"{role}_user"))
    assert client.get(reverse("aanbod:werkruimte_list")).status_code == 403
    assert client.get(reverse("aanbod:werkruimte_create")).status_code == 403


def test_an_aanbieder_without_an_organisation_is_refused(client, db):
    client.force_login(UserFactory(roles=[roles.AANBIEDER]))
    assert client.get(reverse("aanbod:werkruimte_list")).status_code == 403


@pytest.mark.parametrize(
    "name", ["werkruimte_voorstellen", "werkruimte_correcties", "werkruimte_dekking"]
)
def test_kartrekker_pages_are_refused_to_an_aanbieder(client, aanbieder_user, name):
    client.force_login(aanbieder_user)
    assert client.get(reverse(f"aanbod:{name}")).status_code == 403


@pytest.mark.parametrize(
    "name",
    ["werkruimte_edit", "werkruimte_roosters", "werkruimte_history", "werkruimte_rooster_create"],
)
def test_an_aanbieder_gets_404_for_another_organisations_activity(client, aanbieder_user, name):
    other = ActiviteitFactory()
    client.force_login(aanbieder_user)
    assert client.get(reverse(f"aanbod:{name}", args=[other.pk])).status_code == 404


def test_an_aanbieder_cannot_change_or_confirm_another_organisations_activity(
    client, aanbieder_user
):
    other = ActiviteitFactory(name="Van een ander", assured_at=None)
    client.force_login(aanbieder_user)
    edit = client.post(reverse("aanbod:werkruimte_edit", args=[other.pk]), {"name": "Gekaapt"})
    confirm = client.post(reverse("aanbod:werkruimte_confirm", args=[other.pk]))
    assert (edit.status_code, confirm.status_code) == (404, 404)
    other.refresh_from_db()
    assert other.name == "Van een ander" and other.assured_at is None
    assert not Voorstel.objects.exists()


def test_an_aanbieder_gets_404_for_another_organisations_proposal_and_schedule(
    client, aanbieder_user
):
    other = ActiviteitFactory()
    voorstel = Voorstel.objects.create(activiteit=other, data={"name": "x"})
    rooster = RoosterFactory(activiteit=other)
    client.force_login(aanbieder_user)
    assert client.get(reverse("aanbod:werkruimte_voorstel", args=[voorstel.pk])).status_code == 404
    url = reverse("aanbod:werkruimte_rooster_edit", args=[other.pk, rooster.pk])
    assert client.get(url).status_code == 404


def test_a_schedule_key_of_another_activity_is_not_found(client, aanbieder_user):
    mine = own(aanbieder_user)
    theirs = RoosterFactory()
    client.force_login(aanbieder_user)
    url = reverse("aanbod:werkruimte_rooster_edit", args=[mine.pk, theirs.pk])
    assert client.get(url).status_code == 404


def test_aanbieder_list_shows_own_activities_with_state_and_rejection_reasons(
    client, aanbieder_user
):
    own(aanbieder_user, name="Koffie-ochtend")
    own(aanbieder_user, name="Nieuwe wandelgroep", moderatie=Moderatie.WACHT)
    own(
        aanbieder_user,
        name="Afgewezen breiclub",
        moderatie=Moderatie.AFGEWEZEN,
        moderatie_reden="Er ontbreekt een adres.",
    )
    changed = own(aanbieder_user, name="Eetcafé")
    Voorstel.objects.create(
        activiteit=changed,
        data={"name": "Eetcafé!"},
        status=Moderatie.AFGEWEZEN,
        reason="Naam met uitroepteken liever niet.",
    )
    ActiviteitFactory(name="Van een andere organisatie")
    client.force_login(aanbieder_user)
    response = client.get(reverse("aanbod:werkruimte_list"))
    html = response.content.decode()
    names = [a.name for a in response.context["page"]]
    assert names == ["Afgewezen breiclub", "Eetcafé", "Koffie-ochtend", "Nieuwe wandelgroep"]
    assert "Er ontbreekt een adres." in html
    assert "Naam met uitroepteken liever niet." in html
    assert "Wacht op goedkeuring" in html
    assert "Van een andere organisatie" not in html


def test_kartrekker_sees_all_activities_and_filters_waiting_ones(client, kartrekker_user):
    ActiviteitFactory(name="Goedgekeurd")
    ActiviteitFactory(name="Nieuw", moderatie=Moderatie.WACHT)
    with_proposal = ActiviteitFactory(name="Met voorstel")
    Voorstel.objects.create(activiteit=with_proposal, data={"name": "Nieuwe naam"})
    client.force_login(kartrekker_user)
    everything = client.get(reverse("aanbod:werkruimte_list"))
    waiting = client.get(reverse("aanbod:werkruimte_list"), {"filter": "wacht"})
    assert len(everything.context["page"]) == 3
    assert [a.name for a in waiting.context["page"]] == ["Met voorstel", "Nieuw"]


def test_kartrekker_filters_activities_to_check_again(client, kartrekker_user):
    now = timezone.now()
    ActiviteitFactory(name="Vers", assured_at=now - timedelta(days=10))
    ActiviteitFactory(name="Oud", assured_at=now - timedelta(days=211))
    ActiviteitFactory(name="Gemeld", needs_review=True)
    ActiviteitFactory(name="Nog niet goedgekeurd", moderatie=Moderatie.WACHT, needs_review=True)
    client.force_login(kartrekker_user)
    response = client.get(reverse("aanbod:werkruimte_list"), {"filter": "controleren"})
    assert [a.name for a in response.context["page"]] == ["Gemeld", "Oud"]
    assert "Opnieuw controleren" in response.content.decode()


def test_kartrekker_filters_activities_with_open_corrections(client, kartrekker_user):
    open_one = ActiviteitFactory(name="Met correctie")
    handled = ActiviteitFactory(name="Afgehandeld")
    Correctie.objects.create(activiteit=open_one, message="Tijd klopt niet")
    Correctie.objects.create(activiteit=handled, message="Oud", handled_at=timezone.now())
    client.force_login(kartrekker_user)
    response = client.get(reverse("aanbod:werkruimte_list"), {"filter": "correcties"})
    assert [a.name for a in response.context["page"]] == ["Met correctie"]
    assert "1 correctie" in response.content.decode()


def test_unknown_filter_and_huge_search_show_everything_with_a_note(client, kartrekker_user):
    ActiviteitFactory()
    client.force_login(kartrekker_user)
    response = client.get(
        reverse("aanbod:werkruimte_list"), {"filter": "bestaat-niet", "q": "x" * 5000}
    )
    assert response.status_code == 200
    assert len(response.context["page"]) == 1
    assert "Dit filter kennen we niet" in response.content.decode()


def test_a_page_number_past_the_end_shows_the_last_page(client, kartrekker_user):
    ActiviteitFactory()
    client.force_login(kartrekker_user)
    response = client.get(reverse("aanbod:werkruimte_list"), {"pagina": "999"})
    assert response.context["page"].number == 1


def _make_rows(org=None, n=1):
    for _ in range(n):
        activiteit = ActiviteitFactory(**({"organisatie": org} if org else {}))
        Voorstel.objects.create(activiteit=activiteit, data={"name": "Nieuw"})
        Correctie.objects.create(activiteit=activiteit, message="Klopt niet")


@pytest.mark.parametrize("n", [1, 25])
def test_kartrekker_list_query_count_does_not_grow_with_rows(
    client, kartrekker_user, django_assert_max_num_queries, n
):
    _make_rows(n=n)
    client.force_login(kartrekker_user)
    # session, user, groups, open proposals count, page count, page rows
    with django_assert_max_num_queries(6):
        response = client.get(reverse("aanbod:werkruimte_list"))
    assert len(response.context["page"]) == n


@pytest.mark.parametrize("n", [1, 25])
def test_aanbieder_list_query_count_does_not_grow_with_rows(
    client, aanbieder_user, django_assert_max_num_queries, n
):
    _make_rows(org=aanbieder_user.medewerker.organisatie, n=n)
    client.force_login(aanbieder_user)
    # session, user, groups, organisation, page count, page rows
    with django_assert_max_num_queries(6):
        response = client.get(reverse("aanbod:werkruimte_list"))
    assert len(response.context["page"]) == n


def test_klopt_nog_button_in_the_list_confirms_without_changing_anything_else(
    client, aanbieder_user
):
    old = timezone.now() - timedelta(days=200)
    activiteit = own(aanbieder_user, assured_at=old, name="Koffie")
    client.force_login(aanbieder_user)
    assert client.get(reverse("aanbod:werkruimte_confirm", args=[activiteit.pk])).status_code == 405
    response = client.post(reverse("aanbod:werkruimte_confirm", args=[activiteit.pk]))
    assert response["Location"] == reverse("aanbod:werkruimte_list")
    activiteit.refresh_from_db()
    assert activiteit.assured_at > old
    assert activiteit.assured_by == aanbieder_user
    assert activiteit.name == "Koffie"
    assert activiteit.wijzigingen.filter(field="gecontroleerd").count() == 1


@pytest.mark.parametrize("n", [1, 20])
def test_history_query_count_does_not_grow_with_rows(
    client, kartrekker_user, django_assert_max_num_queries, n
):
    activiteit = ActiviteitFactory()
    for i in range(n):
        activiteit.wijzigingen.create(user=kartrekker_user, field="name", new_value=str(i))
    client.force_login(kartrekker_user)
    # session, user, groups, activity, page count, page rows (with users)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("aanbod:werkruimte_history", args=[activiteit.pk]))
    assert len(response.context["rows"]) == n
    assert "Naam" in response.content.decode()
