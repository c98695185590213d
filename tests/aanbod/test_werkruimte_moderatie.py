"""The kartrekker's moderation: approve, or reject with a reason the aanbieder sees."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from aanbod import services
from aanbod.constants import Moderatie, Vocabulaire
from aanbod.models import Activiteit, Correctie, Term, Voorstel
from aanbod.selectors import rooster_items
from tests.aanbod.factories import ActiviteitFactory, LocatieFactory, RoosterFactory
from wijken.models import Wijk

pytestmark = pytest.mark.sqlite


@pytest.fixture
def new_proposal(aanbieder_user):
    activiteit = ActiviteitFactory(
        organisatie=aanbieder_user.medewerker.organisatie,
        name="Samen koken",
        moderatie=Moderatie.WACHT,
    )
    return Voorstel.objects.create(
        activiteit=activiteit, is_new=True, submitted_by=aanbieder_user, data={}
    )


@pytest.fixture
def edit_proposal(aanbieder_user):
    activiteit = ActiviteitFactory(
        organisatie=aanbieder_user.medewerker.organisatie, name="Oude naam", heel_hilversum=True
    )
    senioren = Term.objects.get(vocabulaire=Vocabulaire.DOELGROEP, code="senioren")
    return Voorstel.objects.create(
        activiteit=activiteit,
        submitted_by=aanbieder_user,
        data={
            "name": "Nieuwe naam",
            "heel_hilversum": False,
            "wijken": [Wijk.objects.get(name="Zuid").pk],
            "terms": [senioren.pk],
            "cost_amount": None,
        },
    )


def decide(client, voorstel, **data):
    return client.post(reverse("aanbod:werkruimte_voorstel", args=[voorstel.pk]), data)


def test_queue_lists_waiting_proposals_oldest_first(
    client, kartrekker_user, new_proposal, edit_proposal
):
    Voorstel.objects.create(activiteit=ActiviteitFactory(), status=Moderatie.GOEDGEKEURD)
    client.force_login(kartrekker_user)
    response = client.get(reverse("aanbod:werkruimte_voorstellen"))
    assert list(response.context["page"]) == [new_proposal, edit_proposal]


@pytest.mark.parametrize("n", [1, 20])
def test_queue_query_count_does_not_grow_with_proposals(
    client, kartrekker_user, django_assert_max_num_queries, n
):
    for _ in range(n):
        Voorstel.objects.create(activiteit=ActiviteitFactory(), submitted_by=kartrekker_user)
    client.force_login(kartrekker_user)
    # session, user, groups, page count, page rows (with activity, organisation, submitter)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("aanbod:werkruimte_voorstellen"))
    assert len(response.context["page"]) == n


def test_approving_a_new_activity_puts_it_on_the_public_map(client, kartrekker_user, new_proposal):
    client.force_login(kartrekker_user)
    response = decide(client, new_proposal, besluit="goedkeuren")
    assert response["Location"] == reverse("aanbod:werkruimte_voorstellen")
    new_proposal.refresh_from_db()
    assert new_proposal.status == Moderatie.GOEDGEKEURD
    assert new_proposal.reviewed_by == kartrekker_user
    assert Activiteit.objects.public().filter(pk=new_proposal.activiteit_id).exists()
    row = new_proposal.activiteit.wijzigingen.get(field="moderatie")
    assert (row.old_value, row.new_value, row.user) == (
        "Wacht op goedkeuring",
        "Goedgekeurd",
        kartrekker_user,
    )


def test_approving_a_change_applies_it_in_the_name_of_the_aanbieder(
    client, kartrekker_user, aanbieder_user, edit_proposal, django_capture_on_commit_callbacks
):
    client.force_login(kartrekker_user)
    page = client.get(reverse("aanbod:werkruimte_voorstel", args=[edit_proposal.pk]))
    labels = [change["label"] for change in page.context["changes"]]
    assert labels == ["Naam", "Voor heel Hilversum", "Kenmerken", "Wijken"]
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, edit_proposal, besluit="goedkeuren")
    activiteit = Activiteit.objects.get(pk=edit_proposal.activiteit_id)
    assert activiteit.name == "Nieuwe naam" and not activiteit.heel_hilversum
    assert [w.name for w in activiteit.wijken.all()] == ["Zuid"]
    assert "nieuwe naam" in activiteit.search_text
    assert activiteit.assured_by == aanbieder_user
    rows = {w.field: w for w in activiteit.wijzigingen.all()}
    assert rows["name"].user == aanbieder_user
    assert (rows["wijken"].old_value, rows["wijken"].new_value) == ("", "Zuid")
    assert rows["terms"].new_value == "Senioren (65+)"
    assert rows["voorstel"].user == kartrekker_user


def test_rejecting_needs_a_reason(client, kartrekker_user, new_proposal):
    client.force_login(kartrekker_user)
    response = decide(client, new_proposal, besluit="afwijzen", reason="   ")
    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == [
        "Schrijf op waarom u het voorstel afwijst."
    ]
    assert 'id="foutmeldingen"' in response.content.decode()
    new_proposal.refresh_from_db()
    assert new_proposal.status == Moderatie.WACHT


def test_rejected_new_activity_shows_the_reason_to_the_aanbieder(
    client, kartrekker_user, aanbieder_user, new_proposal
):
    client.force_login(kartrekker_user)
    decide(client, new_proposal, besluit="afwijzen", reason="Vul ook de tijden in.")
    activiteit = Activiteit.objects.get(pk=new_proposal.activiteit_id)
    assert activiteit.moderatie == Moderatie.AFGEWEZEN
    assert not Activiteit.objects.public().filter(pk=activiteit.pk).exists()
    client.force_login(aanbieder_user)
    listing = client.get(reverse("aanbod:werkruimte_list")).content.decode()
    detail = client.get(reverse("aanbod:werkruimte_voorstel", args=[new_proposal.pk]))
    assert "Vul ook de tijden in." in listing
    assert "Vul ook de tijden in." in detail.content.decode()


def test_rejected_change_leaves_the_public_activity_as_it_was(
    client, kartrekker_user, edit_proposal
):
    client.force_login(kartrekker_user)
    decide(client, edit_proposal, besluit="afwijzen", reason="Liever niet.")
    activiteit = Activiteit.objects.get(pk=edit_proposal.activiteit_id)
    assert activiteit.name == "Oude naam" and activiteit.moderatie == Moderatie.GOEDGEKEURD
    edit_proposal.refresh_from_db()
    assert (edit_proposal.status, edit_proposal.reason) == (Moderatie.AFGEWEZEN, "Liever niet.")


def test_a_decided_proposal_cannot_be_decided_again(client, kartrekker_user, edit_proposal):
    client.force_login(kartrekker_user)
    decide(client, edit_proposal, besluit="afwijzen", reason="Nee.")
    decide(client, edit_proposal, besluit="goedkeuren")
    assert Activiteit.objects.get(pk=edit_proposal.activiteit_id).name == "Oude naam"


def test_aanbieder_sees_own_proposal_but_cannot_decide(client, aanbieder_user, edit_proposal):
    client.force_login(aanbieder_user)
    page = client.get(reverse("aanbod:werkruimte_voorstel", args=[edit_proposal.pk]))
    assert page.status_code == 200
    assert "Goedkeuren" not in page.content.decode()
    decide(client, edit_proposal, besluit="goedkeuren")
    edit_proposal.refresh_from_db()
    assert edit_proposal.status == Moderatie.WACHT


def test_handling_the_last_open_correction_ends_the_recheck(client, kartrekker_user):
    activiteit = ActiviteitFactory(needs_review=True)
    first = Correctie.objects.create(activiteit=activiteit, message="Tijd klopt niet")
    second = Correctie.objects.create(activiteit=activiteit, message="Adres klopt niet")
    client.force_login(kartrekker_user)
    page = client.get(reverse("aanbod:werkruimte_correcties"))
    assert "Tijd klopt niet" in page.content.decode()
    client.post(reverse("aanbod:werkruimte_correctie_handle", args=[first.pk]))
    activiteit.refresh_from_db()
    assert activiteit.needs_review
    client.post(reverse("aanbod:werkruimte_correctie_handle", args=[second.pk]))
    activiteit.refresh_from_db()
    assert not activiteit.needs_review
    second.refresh_from_db()
    assert second.handled_by == kartrekker_user and second.handled_at is not None
    handled = client.get(reverse("aanbod:werkruimte_correcties"), {"toon": "afgehandeld"})
    assert len(handled.context["page"]) == 2


@pytest.mark.parametrize("n", [1, 20])
def test_corrections_query_count_does_not_grow_with_rows(
    client, kartrekker_user, django_assert_max_num_queries, n
):
    for _ in range(n):
        Correctie.objects.create(activiteit=ActiviteitFactory(), message="Klopt niet")
    client.force_login(kartrekker_user)
    # session, user, groups, page count, page rows (with activity and organisation)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("aanbod:werkruimte_correcties"))
    assert len(response.context["page"]) == n


def test_handled_corrections_are_not_handled_twice(client, kartrekker_user):
    earlier = timezone.now() - timedelta(days=3)
    correctie = Correctie.objects.create(
        activiteit=ActiviteitFactory(), message="x", handled_at=earlier
    )
    client.force_login(kartrekker_user)
    client.post(reverse("aanbod:werkruimte_correctie_handle", args=[correctie.pk]))
    correctie.refresh_from_db()
    assert correctie.handled_at == earlier


@pytest.mark.parametrize("n", [1, 8])
def test_proposal_page_query_count_does_not_grow_with_schedules(
    client, kartrekker_user, aanbieder_user, django_assert_max_num_queries, n
):
    activiteit = ActiviteitFactory(organisatie=aanbieder_user.medewerker.organisatie)
    for _ in range(n):
        RoosterFactory(activiteit=activiteit, locatie=LocatieFactory())
    items = [{**item, "dagen": [5]} for item in rooster_items(activiteit)]
    voorstel = services.roosters_save(activiteit=activiteit, user=aanbieder_user, items=items)
    client.force_login(kartrekker_user)
    # session, user, groups, proposal (with activity, organisation, people), current schedules,
    # their exceptions, locations of both lists (2)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("aanbod:werkruimte_voorstel", args=[voorstel.pk]))
    [change] = response.context["changes"]
    assert len(change["new"]) == n
