import pytest
from django.contrib.auth import get_user_model

from hilversum_eenzaamheid import roles
from meldpunt import demo
from meldpunt.constants import Status
from meldpunt.models import Buurtteam, Melding, StatusWijziging, Uitbericht

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def test_seed_creates_one_member_account_per_team_with_the_demo_password(settings):
    demo.seed()
    for team in Buurtteam.objects.all():
        user = get_user_model().objects.get(username=f"buurtteam-{team.slug}")
        assert user.check_password(settings.DEMO_PASSWORD)
        assert list(team.members.all()) == [user]
        assert roles.has_role(user, roles.BUURTTEAM)
    assert demo.demo_usernames()[0] == "buurtteam-centrum"


def test_seed_creates_made_up_meldingen_in_several_states_without_sending_mail():
    demo.seed()
    statuses = set(Melding.objects.values_list("status", flat=True))
    assert {Status.NIEUW, Status.OPGEPAKT, Status.CONTACT_GELEGD, Status.AFGESLOTEN} <= statuses
    assert Melding.objects.in_triage().exists()
    assert Melding.objects.filter(urgent=True).exists()
    closed = Melding.objects.get(status=Status.AFGESLOTEN)
    assert closed.outcome and closed.closed_at
    assert list(
        StatusWijziging.objects.filter(melding=closed).values_list("to_status", flat=True)
    ) == ["nieuw", "opgepakt", "contact-gelegd", "doorverwezen", "afgesloten"]
    assert Uitbericht.objects.count() == 0


def test_seeding_twice_changes_nothing():
    assert demo.seed() > 0
    counts = (Melding.objects.count(), StatusWijziging.objects.count())
    assert demo.seed() == 0
    assert (Melding.objects.count(), StatusWijziging.objects.count()) == counts
