"""The case pages: who may open what, the access log, the forms on the detail page, bad input."""

import pytest
from django.contrib.messages import get_messages

from aanbod.indexing import activiteit_reindex
from hilversum_eenzaamheid import roles
from meldpunt.constants import Status, ToegangSoort, VerwijzingSoort
from meldpunt.models import ContactPoging, Melding, Notitie, Toegang, Verwijzing
from tests.aanbod.factories import ActiviteitFactory
from tests.factories import UserFactory
from tests.meldpunt.test_case_support import force_status, melding, member, member_of, new_melding

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]
__all__ = ["member", "melding"]  # fixtures

LIST = "/werkruimte/meldingen/"
POSTS = ["status", "contactpoging", "notitie", "verwijzing"]


def detail(melding, suffix=""):
    return f"{LIST}{melding.reference}/{suffix}"


def test_member_sees_the_melding_with_personal_data_and_history(client, melding, member):
    client.force_login(member)
    html = client.get(detail(melding)).content.decode()
    for text in ("Jan Jansen", "0351234567", "Piet Buur", "Weinig contact met anderen"):
        assert text in html
    assert "Mijn buurman komt niet meer buiten." in html
    assert 'value="opgepakt"' in html and 'value="afgesloten"' not in html  # only next steps


def test_every_view_of_the_detail_page_is_logged_once(client, melding, member):
    client.force_login(member)
    client.get(detail(melding))
    client.get(detail(melding) + "?zoek=koffie")
    rows = list(Toegang.objects.values_list("user", "melding", "what"))
    assert rows == [(member.pk, melding.pk, ToegangSoort.DETAIL)] * 2


def test_list_and_successful_posts_write_no_access_log(client, melding, member):
    client.force_login(member)
    client.get(LIST)
    response = client.post(detail(melding, "notitie/"), {"text": "Gebeld."})
    assert response.status_code == 302
    assert Toegang.objects.count() == 0


def test_member_of_another_team_gets_404_on_detail_and_every_post(client, melding):
    client.force_login(member_of("centrum"))
    assert client.get(detail(melding)).status_code == 404
    for name in POSTS:
        assert client.post(detail(melding, f"{name}/"), {"text": "x"}).status_code == 404
    assert Toegang.objects.count() == 0 and Notitie.objects.count() == 0


@pytest.mark.parametrize("fixture", ["kartrekker_user", "kerngroep_user", "aanbieder_user"])
def test_roles_without_case_work_get_403(request, client, melding, fixture):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(LIST).status_code == 403
    assert client.get(detail(melding)).status_code == 403
    assert client.post(detail(melding, "notitie/"), {"text": "x"}).status_code == 403
    assert client.get(LIST + "triage/").status_code == 403


def test_anonymous_visitor_goes_to_the_login(client, melding):
    for url in (LIST, detail(melding), LIST + "triage/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
    response = client.post(detail(melding, "notitie/"), {"text": "x"})
    assert response.status_code == 302 and Notitie.objects.count() == 0


def test_coordinator_opens_personal_data_of_triage_meldingen_only(
    client, coordinator_user, melding
):
    triage = new_melding(wijk=None)
    client.force_login(coordinator_user)
    response = client.get(detail(triage))
    assert response.status_code == 200 and "Jan Jansen" in response.content.decode()
    assert "Naar een buurtteam sturen" in response.content.decode()
    # The team's case: the stand only, without personal data (tests/meldpunt/test_reassign.py).
    team_case = client.get(detail(melding))
    assert team_case.status_code == 200 and "Jan Jansen" not in team_case.content.decode()
    assert client.post(detail(triage, "notitie/"), {"text": "x"}).status_code == 403
    assert client.post(detail(melding, "notitie/"), {"text": "x"}).status_code == 403
    assert Toegang.objects.filter(melding=triage).count() == 1
    assert Toegang.objects.filter(melding=melding).count() == 0


def test_superuser_is_like_the_coordinator(client, melding):
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(LIST).status_code == 200
    response = client.get(detail(melding))
    assert response.status_code == 200 and "Jan Jansen" not in response.content.decode()


def test_status_form_changes_status_and_redirects_with_a_message(client, melding, member):
    client.force_login(member)
    response = client.post(detail(melding, "status/"), {"to_status": "opgepakt"})
    assert response.status_code == 302 and response["Location"] == detail(melding)
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["De status is gewijzigd."]
    melding.refresh_from_db()
    assert melding.status == Status.OPGEPAKT


def test_refused_step_re_renders_with_the_reason_and_what_was_typed(client, melding, member):
    force_status(melding, Status.OPGEPAKT, user=member)
    client.force_login(member)
    response = client.post(
        detail(melding, "status/"), {"to_status": "niet-bereikt", "reason": "Drie keer gebeld"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "na 3 contactpogingen" in html and "Drie keer gebeld" in html
    assert 'id="foutmeldingen"' in html
    melding.refresh_from_db()
    assert melding.status == Status.OPGEPAKT


@pytest.mark.parametrize("value", ["afgesloten", "onzin", "", "x" * 10000])
def test_status_not_offered_is_a_form_error_not_a_500(client, melding, member, value):
    client.force_login(member)
    response = client.post(detail(melding, "status/"), {"to_status": value, "outcome": "?"})
    assert response.status_code == 200
    assert "to_status" in response.context["status_form"].errors
    melding.refresh_from_db()
    assert melding.status == Status.NIEUW


def test_contact_attempt_form_logs_it_and_reached_means_contact(client, melding, member):
    force_status(melding, Status.OPGEPAKT, user=member)
    client.force_login(member)
    data = {"channel": "telefoon", "reached": "ja", "note": "Prettig gesprek"}
    response = client.post(detail(melding, "contactpoging/"), data)
    assert response.status_code == 302
    assert ContactPoging.objects.get().note == "Prettig gesprek"
    melding.refresh_from_db()
    assert melding.status == Status.CONTACT_GELEGD


def test_contact_attempt_with_bad_values_re_renders(client, melding, member):
    force_status(melding, Status.OPGEPAKT, user=member)
    client.force_login(member)
    response = client.post(detail(melding, "contactpoging/"), {"channel": "duif", "reached": "x"})
    errors = response.context["contact_form"].errors
    assert set(errors) == {"channel", "reached"}
    assert ContactPoging.objects.count() == 0


def test_huge_note_is_refused_with_a_message(client, melding, member):
    client.force_login(member)
    response = client.post(detail(melding, "notitie/"), {"text": "x" * 100_000})
    assert response.status_code == 200
    assert "notitie_form" in response.context and response.context["notitie_form"].errors
    assert Notitie.objects.count() == 0


def test_referral_picker_searches_public_activities_and_saves_the_choice(client, melding, member):
    force_status(melding, Status.CONTACT_GELEGD, user=member)
    koffie = ActiviteitFactory(name="Koffieochtend Café De Kring")
    ActiviteitFactory(name="Koffie voor later", moderatie="wacht")  # not public
    activiteit_reindex(ids=[koffie.pk])
    client.force_login(member)
    response = client.get(detail(melding) + "?zoek=CAFE")
    assert [a.pk for a in response.context["results"]] == [koffie.pk]
    data = {"kind": VerwijzingSoort.AANBOD, "activiteit": str(koffie.pk), "zoek": "cafe"}
    response = client.post(detail(melding, "verwijzing/"), data)
    assert response.status_code == 302
    assert Verwijzing.objects.get().activiteit == koffie


@pytest.mark.parametrize("activiteit", ["", "abc", "999999", "1" * 30])
def test_referral_without_a_valid_public_activity_re_renders(client, melding, member, activiteit):
    force_status(melding, Status.CONTACT_GELEGD, user=member)
    client.force_login(member)
    data = {"kind": VerwijzingSoort.AANBOD, "activiteit": activiteit}
    response = client.post(detail(melding, "verwijzing/"), data)
    assert response.status_code == 200
    assert "activiteit" in response.context["verwijzing_form"].errors
    assert Verwijzing.objects.count() == 0


def test_search_with_a_nul_byte_finds_nothing_and_does_not_fail(client, melding, member):
    force_status(melding, Status.CONTACT_GELEGD, user=member)
    client.force_login(member)
    response = client.get(detail(melding) + "?zoek=%00koffie%00")
    assert response.status_code == 200 and response.context["results"] == []


def test_search_results_are_at_most_ten(client, melding, member):
    force_status(melding, Status.CONTACT_GELEGD, user=member)
    ids = [ActiviteitFactory(name=f"Wandelclub {n}").pk for n in range(12)]
    activiteit_reindex(ids=ids)
    client.force_login(member)
    assert len(client.get(detail(melding) + "?zoek=wandel").context["results"]) == 10


@pytest.mark.parametrize("reference", ["HV-XXXX-XXXX", "x" * 500, "%00", "1'--"])
def test_unknown_reference_is_404(client, member, reference):
    client.force_login(member)
    assert client.get(f"{LIST}{reference}/").status_code == 404
    assert client.post(f"{LIST}{reference}/status/", {"to_status": "opgepakt"}).status_code == 404


def test_coordinator_assigns_from_triage_with_a_reason(client, coordinator_user, teams):
    triage = new_melding(wijk=None)
    client.force_login(coordinator_user)
    page = client.get(LIST + "triage/")
    assert triage.reference in page.content.decode()
    prefix = f"m{triage.pk}-"
    response = client.post(
        detail(triage, "toewijzen/"),
        {prefix + "buurtteam": teams["zuid"].pk, prefix + "reason": ""},
    )
    assert response.status_code == 200 and "Schrijf op waarom" in response.content.decode()
    response = client.post(
        detail(triage, "toewijzen/"),
        {prefix + "buurtteam": teams["zuid"].pk, prefix + "reason": "Woont in Zuid"},
    )
    assert response.status_code == 302
    assert Melding.objects.get(pk=triage.pk).buurtteam == teams["zuid"]


def test_buurtteam_member_may_not_assign(client, melding, member, teams):
    client.force_login(member)
    prefix = f"m{melding.pk}-"
    data = {prefix + "buurtteam": teams["zuid"].pk, prefix + "reason": "Weg ermee"}
    assert client.post(detail(melding, "toewijzen/"), data).status_code == 403


def test_detail_page_queries_do_not_grow_with_its_rows(
    client, melding, member, django_assert_max_num_queries
):
    force_status(melding, Status.CONTACT_GELEGD, user=member, attempts=5, referral=True)
    for n in range(5):
        Notitie.objects.create(melding=melding, user=member, text=f"Notitie {n}")
    client.force_login(member)
    client.get(detail(melding))  # warm the session
    # session, user, groups, team ids, melding, access log insert, melding with its one-to-ones,
    # 8 prefetches (signals, repeats, history, attempts, notes, referrals + activity + org),
    # organisation choices of the referral form, messages: 19 whatever the number of rows.
    with django_assert_max_num_queries(19):
        client.get(detail(melding))
    for n in range(5):
        Notitie.objects.create(melding=melding, user=member_of("noordoost"), text=f"Meer {n}")
    with django_assert_max_num_queries(19):
        client.get(detail(melding))


def test_kartrekker_in_group_without_team_sees_an_empty_list(client, melding):
    user = UserFactory(roles=[roles.BUURTTEAM])
    client.force_login(user)
    response = client.get(LIST)
    assert list(response.context["page"].object_list) == []
