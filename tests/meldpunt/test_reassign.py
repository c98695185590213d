"""The coördinator gives a team's melding to another team: status metadata only, a reason, history.

The coördinator opens a team's melding at its usual address and sees the stand of the case
without any personal data (nothing is written to the access log, as nothing personal is shown).
"""

from datetime import timedelta

import pytest

from meldpunt import services_case as sc
from meldpunt.constants import ContactKanaal, Status, UitberichtSoort
from meldpunt.deadlines import overdue_remind
from meldpunt.models import (
    Buurtteam,
    ContactPoging,
    Melding,
    Notitie,
    StatusWijziging,
    Toegang,
    Uitbericht,
)
from tests.factories import UserFactory
from tests.meldpunt.test_case_support import NOW, force_status, melding, member, member_of

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]
__all__ = ["member", "melding"]  # fixtures

LIST = "/werkruimte/meldingen/"
REASON = "Woont sinds kort bij haar dochter in Zuid"
# Everything personal the fixture melding and its case work hold: none of it may reach the
# coördinator's pages of a team's melding.
PERSONAL = (
    "Jan Jansen",
    "0351234567",
    "Piet Buur",
    "piet@example.org",
    "Mijn buurman komt niet meer buiten.",
    "Weinig contact met anderen",
    "Bewoner of buur",
    "Geheime notitie over Jan",
    "Zijn zoon neemt op",
    "Dochter belde terug",
)


def detail(melding, suffix=""):
    return f"{LIST}{melding.reference}/{suffix}"


def post_data(melding, *, team=None, reason=REASON):
    prefix = f"m{melding.pk}-"
    return {prefix + "buurtteam": "" if team is None else team.pk, prefix + "reason": reason}


@pytest.fixture
def zuid(db):
    return Buurtteam.objects.get(slug="zuid")


@pytest.fixture
def worked(melding, member):
    """The fixture melding, taken up by the team, with notes the team wrote (personal data)."""
    force_status(melding, Status.OPGEPAKT, user=member)
    StatusWijziging.objects.filter(melding=melding, to_status=Status.OPGEPAKT).update(
        reason="Dochter belde terug"
    )
    Notitie.objects.create(melding=melding, user=member, text="Geheime notitie over Jan")
    ContactPoging.objects.create(
        melding=melding, user=member, channel=ContactKanaal.TELEFOON, note="Zijn zoon neemt op"
    )
    return melding


def assert_no_personal_data(html: str) -> None:
    for text in PERSONAL:
        assert text not in html, text


def test_coordinator_reassigns_a_team_melding_with_a_reason(
    client, coordinator_user, worked, member, zuid
):
    Uitbericht.objects.all().delete()
    client.force_login(coordinator_user)
    response = client.post(detail(worked, "toewijzen/"), post_data(worked, team=zuid))
    assert response.status_code == 302 and response["Location"] == detail(worked)
    worked.refresh_from_db()
    assert worked.buurtteam == zuid and worked.status == Status.OPGEPAKT
    last = StatusWijziging.objects.filter(melding=worked).last()
    assert (last.user, last.from_status, last.to_status) == (
        coordinator_user,
        Status.OPGEPAKT,
        Status.OPGEPAKT,
    )
    assert last.reason == f"Van Buurtteam Noordoost naar Buurtteam Zuid: {REASON}"
    (row,) = Uitbericht.objects.all()
    assert (row.kind, row.recipient) == (UitberichtSoort.TEAM_NIEUW, zuid.email)
    assert worked.reference in row.body and "Jan" not in row.body
    page = client.get(response["Location"])
    assert "is naar Buurtteam Zuid gestuurd" in page.content.decode()
    assert_no_personal_data(page.content.decode())
    # The old team has lost it; the new team sees it with its personal data.
    client.force_login(member)
    assert client.get(detail(worked)).status_code == 404
    client.force_login(member_of("zuid"))
    assert "Jan Jansen" in client.get(detail(worked)).content.decode()


def test_coordinator_sees_the_stand_of_a_team_melding_without_personal_data(
    client, coordinator_user, worked
):
    client.force_login(coordinator_user)
    response = client.get(detail(worked))
    assert response.status_code == 200
    html = response.content.decode()
    assert_no_personal_data(html)
    for text in (worked.reference, "Opgepakt", "Buurtteam Noordoost", "Noordoost"):
        assert text in html
    assert "Naar een ander buurtteam sturen" in html
    assert f'action="{detail(worked, "toewijzen/")}"' in html
    # The team's own forms are not there, and nothing personal was opened: no access log.
    assert "Status opslaan" not in html and "Notitie opslaan" not in html
    assert Toegang.objects.count() == 0


def test_reassign_form_does_not_offer_the_current_team(client, coordinator_user, melding, zuid):
    client.force_login(coordinator_user)
    html = client.get(detail(melding)).content.decode()
    noordoost = melding.buurtteam
    assert f'<option value="{zuid.pk}">' in html
    assert f'<option value="{noordoost.pk}"' not in html


@pytest.mark.parametrize(
    ("team", "reason", "error", "kept"),
    [
        ("zuid", "", "Schrijf op waarom de melding naar dit team gaat.", "selected"),
        ("zuid", "   ", "Schrijf op waarom de melding naar dit team gaat.", "selected"),
        (None, REASON, "Kies een buurtteam.", REASON),
        ("noordoost", REASON, "Kies een buurtteam uit de lijst.", REASON),
    ],
)
def test_incomplete_reassign_re_renders_with_a_dutch_error_and_the_typed_values(
    client, coordinator_user, worked, team, reason, error, kept
):
    Uitbericht.objects.all().delete()
    history = StatusWijziging.objects.count()
    team = Buurtteam.objects.get(slug=team) if team else None
    client.force_login(coordinator_user)
    data = post_data(worked, team=team, reason=reason)
    response = client.post(detail(worked, "toewijzen/"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="foutmeldingen"' in html and error in html
    assert html.count(kept) >= 1
    if kept == "selected":
        assert f'<option value="{team.pk}" selected>' in html
    assert_no_personal_data(html)
    worked.refresh_from_db()
    assert worked.buurtteam.slug == "noordoost"
    assert StatusWijziging.objects.count() == history and Uitbericht.objects.count() == 0


@pytest.mark.parametrize("value", ["abc", "999999", "-1", "1" * 40, "\x00"])
def test_nonsense_team_is_a_form_error_not_a_500(client, coordinator_user, melding, value):
    client.force_login(coordinator_user)
    prefix = f"m{melding.pk}-"
    data = {prefix + "buurtteam": value, prefix + "reason": "Zo"}
    response = client.post(detail(melding, "toewijzen/"), data)
    assert response.status_code == 200
    assert "Kies een buurtteam uit de lijst." in response.content.decode()


def test_buurtteam_member_may_not_reassign_even_their_own_melding(client, member, melding, zuid):
    client.force_login(member)
    response = client.post(detail(melding, "toewijzen/"), post_data(melding, team=zuid))
    assert response.status_code == 403
    melding.refresh_from_db()
    assert melding.buurtteam.slug == "noordoost"


def test_member_of_both_teams_without_the_coordinator_role_gets_403(client, melding, zuid):
    user = member_of("noordoost")
    zuid.members.add(user)
    client.force_login(user)
    response = client.post(detail(melding, "toewijzen/"), post_data(melding, team=zuid))
    assert response.status_code == 403


@pytest.mark.parametrize("status", [Status.GEANNULEERD, Status.AFGESLOTEN])
def test_closed_melding_is_not_reassigned_and_the_page_says_so(
    client, coordinator_user, melding, member, zuid, status
):
    force_status(melding, status, user=member)
    client.force_login(coordinator_user)
    html = client.get(detail(melding)).content.decode()
    assert "Deze melding is gesloten. U kunt haar niet naar een ander buurtteam sturen." in html
    assert "toewijzen/" not in html
    response = client.post(detail(melding, "toewijzen/"), post_data(melding, team=zuid))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze melding is gesloten en gaat niet meer naar een team." in html
    assert 'id="foutmeldingen"' in html
    assert_no_personal_data(html)
    melding.refresh_from_db()
    assert melding.buurtteam.slug == "noordoost"


def test_superuser_sees_the_stand_like_the_coordinator(client, worked):
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(detail(worked))
    assert response.status_code == 200
    assert_no_personal_data(response.content.decode())
    assert Toegang.objects.count() == 0


def test_stand_page_queries_do_not_grow_with_the_history(
    client, coordinator_user, worked, member, django_assert_max_num_queries
):
    client.force_login(coordinator_user)
    client.get(detail(worked))  # warm the session
    # session, user, groups, melding by reference, the user's teams (is it theirs?), melding
    # with wijk and team, history with its users, team choices: 8 however long the history is.
    with django_assert_max_num_queries(8):
        client.get(detail(worked))
    for n in range(6):
        force_status(worked, Status.OPGEPAKT, user=UserFactory(username=f"lid{n}"))
    with django_assert_max_num_queries(8):
        response = client.get(detail(worked))
    assert len(response.context["melding"].statuswijzigingen.all()) == 8


def test_history_on_the_stand_page_shows_steps_but_not_their_reasons(
    client, coordinator_user, worked, zuid
):
    sc.melding_assign(melding=worked, user=coordinator_user, buurtteam=zuid, reason=REASON)
    client.force_login(coordinator_user)
    html = client.get(detail(worked)).content.decode()
    assert "Buurtteam gewijzigd" in html and "Opgepakt" in html
    assert REASON not in html and "Dochter belde terug" not in html


def test_reassigning_records_the_old_team_and_the_new_team(coordinator_user, melding, zuid):
    sc.melding_assign(melding=melding, user=coordinator_user, buurtteam=zuid, reason="Verhuisd")
    reasons = list(StatusWijziging.objects.filter(melding=melding).values_list("reason", flat=True))
    assert reasons[-1] == "Van Buurtteam Noordoost naar Buurtteam Zuid: Verhuisd"


def test_new_team_gets_its_own_reminder_after_a_reassignment(coordinator_user, melding, zuid):
    """The old team's reminder went to the old team; the new team must hear of the deadline."""
    overdue = NOW + timedelta(days=5)
    overdue_remind(now=overdue)
    melding.refresh_from_db()
    assert melding.reminded_at == overdue
    sc.melding_assign(melding=melding, user=coordinator_user, buurtteam=zuid, reason="Verhuisd")
    Uitbericht.objects.all().delete()
    overdue_remind(now=overdue + timedelta(hours=1))
    recipients = set(
        Uitbericht.objects.filter(kind=UitberichtSoort.HERINNERING).values_list(
            "recipient", flat=True
        )
    )
    assert zuid.email in recipients
    assert Buurtteam.objects.get(slug="noordoost").email not in recipients


def test_list_links_every_melding_for_the_coordinator(client, coordinator_user, melding):
    client.force_login(coordinator_user)
    html = client.get(LIST).content.decode()
    assert f'href="{detail(melding)}"' in html


def test_team_member_list_still_links_only_their_own(client, member, melding):
    Melding.objects.filter(pk=melding.pk).update(buurtteam=Buurtteam.objects.get(slug="zuid"))
    client.force_login(member)
    assert melding.reference not in client.get(LIST).content.decode()
