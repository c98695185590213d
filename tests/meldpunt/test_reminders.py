from datetime import datetime

import pytest
from django.core import mail

from meldpunt import tasks
from meldpunt.constants import Bekend, MelderRol, Status
from meldpunt.deadlines import LOCAL, overdue_remind
from meldpunt.models import Melding, Uitbericht
from meldpunt.notifications import KIND_ESCALATIE, KIND_HERINNERING
from meldpunt.services import Contact, melding_create
from meldpunt.tasks import deadline_reminders
from tests.factories import UserFactory

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

FRIDAY_AFTERNOON = datetime(2026, 3, 13, 16, 0, tzinfo=LOCAL)
TEAM = "buurtteam-noordoost@example.org"
SHARED = "meldpunt@hilversum.example"


def at(*args) -> datetime:
    return datetime(*args, tzinfo=LOCAL)


@pytest.fixture(autouse=True)
def broker_not_paused():
    tasks._broker_down_until = 0.0
    yield
    tasks._broker_down_until = 0.0


@pytest.fixture
def people(settings, teams, coordinator_user):
    """A Noordoost team member, an inactive one, and the shared coördinator address."""
    settings.MELDPUNT_COORDINATOR_EMAIL = SHARED
    member = UserFactory(username="lid", email="lid@example.org")
    gone = UserFactory(username="weg", email="weg@example.org", is_active=False)
    teams["noordoost"].members.add(member, gone)
    return {"member": member, "coordinator": coordinator_user}


def create(now=FRIDAY_AFTERNOON, **overrides) -> Melding:
    values = {
        "about_self": False,
        "urgent": False,
        "consent": True,
        "reporter_role": MelderRol.BEWONER,
        "person_knows": Bekend.NEE,
        "signals": ["somber"],
        "text": "Mevrouw Jansen op nummer 12 zit altijd alleen.",
        "postcode": "1223AB",
        "huisnummer": "12",
        "street": "Kerkstraat",
        "person": Contact(name="Jansen", phone="035 123 4567", email="jansen@example.org"),
        "reporter": Contact(name="Pieters", phone="06 1234 5678", email="melder@example.org"),
        "now": now,
    }
    values.update(overrides)
    melding = melding_create(**values)
    Uitbericht.objects.all().delete()  # the new-melding e-mails are not what these tests check
    return melding


def recipients(kind) -> list[str]:
    return sorted(Uitbericht.objects.filter(kind=kind).values_list("recipient", flat=True))


def test_no_reminder_before_the_deadline_has_passed(postcodes, people):
    create()
    report = overdue_remind(now=at(2026, 3, 17, 20, 0))  # Tuesday evening: still in time
    assert (report.reminded, report.escalated) == (0, 0)
    assert not Uitbericht.objects.exists()


def test_overdue_melding_reminds_the_team_and_its_active_members_once(postcodes, people):
    melding = create()
    report = overdue_remind(now=at(2026, 3, 18, 8, 0))
    assert (report.reminded, report.escalated) == (1, 0)
    assert recipients(KIND_HERINNERING) == [TEAM, "lid@example.org"]
    melding.refresh_from_db()
    assert melding.reminded_at == at(2026, 3, 18, 8, 0)
    assert melding.escalated_at is None

    report = overdue_remind(now=at(2026, 3, 18, 9, 0))
    assert (report.reminded, report.escalated) == (0, 0)
    assert Uitbericht.objects.count() == 2


def test_at_twice_the_deadline_the_coordinator_is_told_once(postcodes, people):
    melding = create()
    overdue_remind(now=at(2026, 3, 18, 8, 0))
    # Escalation is due at the end of Thursday (four working days after Friday).
    assert overdue_remind(now=at(2026, 3, 19, 23, 0)).escalated == 0
    report = overdue_remind(now=at(2026, 3, 20, 8, 0))
    assert (report.reminded, report.escalated) == (0, 1)
    assert recipients(KIND_ESCALATIE) == ["coordinator@example.org", SHARED]
    assert overdue_remind(now=at(2026, 3, 23, 8, 0)).escalated == 0
    assert Uitbericht.objects.count() == 4
    melding.refresh_from_db()
    assert melding.escalated_at == at(2026, 3, 20, 8, 0)


def test_a_run_that_comes_late_reminds_and_escalates_at_once(postcodes, people):
    create()
    report = overdue_remind(now=at(2026, 3, 25, 8, 0))
    assert (report.reminded, report.escalated) == (1, 1)
    assert len(recipients(KIND_HERINNERING)) == 2
    assert len(recipients(KIND_ESCALATIE)) == 2


def test_no_reminder_once_first_contact_was_made_or_the_melding_is_closed(postcodes, people):
    contacted = create()
    contacted.first_contact_at = at(2026, 3, 16, 10, 0)
    contacted.status = Status.CONTACT_GELEGD
    contacted.save()
    cancelled = create(postcode="1216BB")
    Melding.objects.filter(pk=cancelled.pk).update(status=Status.GEANNULEERD)
    report = overdue_remind(now=at(2026, 4, 1, 8, 0))
    assert (report.reminded, report.escalated) == (0, 0)


def test_taken_up_melding_without_contact_is_still_reminded(postcodes, people):
    melding = create()
    Melding.objects.filter(pk=melding.pk).update(status=Status.OPGEPAKT)
    assert overdue_remind(now=at(2026, 3, 18, 8, 0)).reminded == 1


def test_deadline_across_kings_day_2027(postcodes, people):
    create(now=at(2027, 4, 26, 10, 0))  # Monday; Tuesday is King's Day
    assert overdue_remind(now=at(2027, 4, 29, 20, 0)).reminded == 0
    assert overdue_remind(now=at(2027, 4, 30, 8, 0)).reminded == 1
    # Twice the deadline: Wed, Thu, Fri, Mon → escalated on Tuesday morning.
    assert overdue_remind(now=at(2027, 5, 3, 20, 0)).escalated == 0
    assert overdue_remind(now=at(2027, 5, 4, 8, 0)).escalated == 1


def test_deadline_across_christmas_2026(postcodes, people):
    create(now=at(2026, 12, 24, 15, 0))  # Thursday; Christmas is Friday and Saturday
    assert overdue_remind(now=at(2026, 12, 28, 8, 0)).reminded == 0
    assert overdue_remind(now=at(2026, 12, 29, 20, 0)).reminded == 0
    assert overdue_remind(now=at(2026, 12, 30, 8, 0)).reminded == 1


def test_urgent_melding_is_reminded_the_next_morning_and_escalated_the_morning_after(
    postcodes, people
):
    create(urgent=True, now=at(2026, 3, 13, 21, 0))
    assert overdue_remind(now=at(2026, 3, 13, 23, 0)).reminded == 0
    report = overdue_remind(now=at(2026, 3, 14, 8, 0))  # Saturday: danger does not wait
    assert (report.reminded, report.escalated) == (1, 0)
    assert overdue_remind(now=at(2026, 3, 15, 8, 0)).escalated == 1
    assert all(row.urgent for row in Uitbericht.objects.all())
    assert all(row.subject.startswith("SPOED") for row in Uitbericht.objects.all())


def test_melding_without_a_team_reminds_the_coordinator_to_assign_it(postcodes, people):
    melding = create(postcode="", huisnummer="")
    assert melding.buurtteam is None
    overdue_remind(now=at(2026, 3, 18, 8, 0))
    rows = Uitbericht.objects.filter(kind=KIND_HERINNERING)
    assert sorted(r.recipient for r in rows) == ["coordinator@example.org", SHARED]
    assert all("Wijs de melding" in r.body for r in rows)


def test_melding_written_without_a_deadline_gets_one_and_is_reminded(postcodes, people):
    melding = create()
    Melding.objects.filter(pk=melding.pk).update(first_contact_due=None)
    report = overdue_remind(now=at(2026, 3, 18, 8, 0))
    assert (report.deadlines_filled, report.reminded) == (1, 1)
    melding.refresh_from_db()
    assert melding.first_contact_due == at(2026, 3, 17, 23, 59, 59)


def test_reminder_and_escalation_mails_hold_no_personal_details(postcodes, people):
    melding = create()
    overdue_remind(now=at(2026, 3, 25, 8, 0))
    rows = list(Uitbericht.objects.all())
    assert {r.kind for r in rows} == {KIND_HERINNERING, KIND_ESCALATIE}
    personal = ["Jansen", "Pieters", "0351234567", "jansen@", "melder@", "Kerkstraat", "1223"]
    personal += ["alleen", "somber", "Somber"]
    for row in rows:
        text = row.subject + row.body
        assert melding.reference in text
        assert f"/werkruimte/meldingen/{melding.reference}/" in row.body
        assert not [word for word in personal if word in text], row.body


def test_daily_task_queues_sending_after_commit_and_a_second_run_sends_nothing(
    postcodes, people, django_capture_on_commit_callbacks
):
    create()
    with django_capture_on_commit_callbacks(execute=True):
        result = deadline_reminders.delay(now=at(2026, 3, 18, 8, 0).isoformat()).get()
    assert result == {"reminded": 1, "escalated": 0, "deadlines_filled": 0}
    assert sorted(m.to[0] for m in mail.outbox) == [TEAM, "lid@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        deadline_reminders.delay(now=at(2026, 3, 18, 9, 0).isoformat()).get()
    assert len(mail.outbox) == 2
