"""The transition table: every (from, to) pair of the seven states, against the issue's workflow."""

import itertools

import pytest

from meldpunt import workflow
from meldpunt.constants import Status, Uitkomst
from meldpunt.models import StatusWijziging
from meldpunt.services_case import melding_transition
from meldpunt.workflow import TransitionError
from tests.meldpunt.test_case_support import force_status, member_of, new_melding

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

S = Status
OPEN = [S.NIEUW, S.OPGEPAKT, S.CONTACT_GELEGD, S.NIET_BEREIKT, S.DOORVERWEZEN]
# Written out from the issue, independently of workflow.TRANSITIONS.
EXPECTED = {
    S.NIEUW: {S.OPGEPAKT, S.GEANNULEERD},
    S.OPGEPAKT: {S.CONTACT_GELEGD, S.NIET_BEREIKT, S.GEANNULEERD},
    S.CONTACT_GELEGD: {S.DOORVERWEZEN, S.AFGESLOTEN, S.GEANNULEERD},
    S.NIET_BEREIKT: {S.CONTACT_GELEGD, S.AFGESLOTEN, S.GEANNULEERD},
    S.DOORVERWEZEN: {S.AFGESLOTEN, S.GEANNULEERD},
    S.AFGESLOTEN: set(),
    S.GEANNULEERD: set(),
}
PAIRS = list(itertools.product(Status.values, Status.values))


def test_there_are_seven_states_and_49_pairs():
    assert len(Status.values) == 7 and len(PAIRS) == 49
    assert set(workflow.TRANSITIONS) == set(Status.values)


@pytest.mark.parametrize(("from_status", "to_status"), PAIRS)
def test_table_allows_exactly_the_steps_of_the_issue(from_status, to_status):
    assert workflow.is_allowed(from_status, to_status) == (to_status in EXPECTED[from_status])


@pytest.mark.parametrize(("from_status", "to_status"), PAIRS)
def test_service_takes_allowed_steps_and_refuses_the_rest_in_dutch(from_status, to_status):
    """With every requirement met, a step succeeds exactly when the table has it."""
    user = member_of("noordoost")
    melding = new_melding()
    if from_status != S.NIEUW:
        force_status(melding, from_status, user=user, attempts=3, referral=True)
    history = StatusWijziging.objects.filter(melding=melding).count()
    call = {
        "melding": melding,
        "user": user,
        "to_status": to_status,
        "reason": "Dubbele melding",
        "outcome": Uitkomst.NIET_BEREIKT,
    }
    if to_status in EXPECTED[from_status]:
        melding_transition(**call)
        melding.refresh_from_db()
        assert melding.status == to_status
        assert StatusWijziging.objects.filter(melding=melding).count() == history + 1
    else:
        with pytest.raises(TransitionError) as refused:
            melding_transition(**call)
        assert refused.value.message  # a sentence for the page, not a code
        assert "kan" in refused.value.message
        melding.refresh_from_db()
        assert melding.status == from_status
        assert StatusWijziging.objects.filter(melding=melding).count() == history


def test_next_statuses_follow_the_order_of_the_states():
    assert workflow.next_statuses(S.OPGEPAKT) == [S.CONTACT_GELEGD, S.NIET_BEREIKT, S.GEANNULEERD]
    assert workflow.next_statuses(S.AFGESLOTEN) == []
    assert workflow.next_statuses("onzin") == []


def test_unknown_target_status_is_refused_with_a_message():
    with pytest.raises(TransitionError, match="kan niet"):
        workflow.transition_check(workflow.Step(melding=_Fake(S.NIEUW), user=None), "verzonnen")


class _Fake:
    def __init__(self, status):
        self.status = status
