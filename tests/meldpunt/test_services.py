import re
from datetime import timedelta
from unittest.mock import patch

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from meldpunt import services, tasks
from meldpunt.constants import Bekend, Bron, MelderRol, Status, UitberichtSoort, WijkBron
from meldpunt.models import Melding, StatusWijziging, Uitbericht
from meldpunt.services import Contact, melding_create, reference_new
from tests.factories import UserFactory
from wijken.models import Wijk

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

NOW = timezone.make_aware(timezone.datetime(2025, 3, 12, 10, 0))


@pytest.fixture(autouse=True)
def broker_not_paused():
    tasks._broker_down_until = 0.0
    yield
    tasks._broker_down_until = 0.0


def create(**overrides):
    values = {
        "about_self": False,
        "urgent": False,
        "consent": True,
        "reporter_role": MelderRol.BEWONER,
        "person_knows": Bekend.NEE,
        "signals": ["weinig-contact"],
        "text": "Mijn buurman komt niet meer buiten.",
        "postcode": "1223 ab",
        "huisnummer": "12",
        "now": NOW,
    }
    values.update(overrides)
    return melding_create(**values)


def test_melding_in_noordoost_goes_to_team_noordoost(postcodes, teams):
    melding = create()
    assert melding.buurtteam == teams["noordoost"]
    assert melding.wijk.slug == "noordoost"
    assert melding.wijk_source == WijkBron.ADRES
    assert melding.status == Status.NIEUW
    assert melding.source == Bron.WEB
    assert melding.consent_at == NOW
    assert list(melding.signalen.values_list("code", flat=True)) == ["weinig-contact"]
    assert melding.betrokkene.postcode == "1223AB"
    assert melding.melder.role == MelderRol.BEWONER


def test_new_melding_starts_its_history_with_nieuw(postcodes):
    melding = create()
    (step,) = StatusWijziging.objects.filter(melding=melding)
    assert (step.from_status, step.to_status, step.at) == ("", Status.NIEUW, NOW)


def test_melding_with_unknown_wijk_goes_to_the_coordinators_triage_queue(coordinator_user):
    melding = create(postcode="", huisnummer="")
    assert melding.buurtteam is None
    assert melding.wijk_source == WijkBron.ONBEKEND
    assert list(Melding.objects.in_triage()) == [melding]
    (row,) = Uitbericht.objects.all()
    assert row.kind == UitberichtSoort.COORDINATOR_NIEUW
    assert row.recipient == coordinator_user.email


def test_melding_outside_hilversum_goes_to_triage_marked_as_such(postcodes):
    melding = create(postcode="1012 AB", huisnummer="1", wijk=Wijk.objects.get(slug="zuid"))
    # A chosen wijk still counts: the reporter may know better than a mistyped postcode.
    assert melding.buurtteam.slug == "zuid"
    melding = create(postcode="1012 AB", huisnummer="1")
    assert (melding.buurtteam, melding.wijk_source) == (None, WijkBron.BUITEN_HILVERSUM)


def test_anonymous_melding_about_someone_else_is_accepted_without_a_receipt(postcodes):
    melding = create()
    assert (melding.melder.name, melding.melder.email, melding.melder.phone) == ("", "", "")
    kinds = list(Uitbericht.objects.values_list("kind", flat=True))
    assert kinds == [UitberichtSoort.TEAM_NIEUW]


def test_reporter_with_an_email_address_gets_a_receipt(postcodes):
    create(reporter=Contact("An", "", " An@Example.org "))
    receipt = Uitbericht.objects.get(kind=UitberichtSoort.ONTVANGST)
    assert receipt.recipient == "an@example.org"
    assert re.search(r"HV-[A-Z0-9]{4}-[A-Z0-9]{4}", receipt.body)
    assert "2 werkdagen" in receipt.body


def test_melding_about_oneself_needs_name_and_a_way_to_reach_them(postcodes):
    with pytest.raises(ValidationError) as error:
        create(about_self=True, person=Contact("", "", ""))
    assert set(error.value.message_dict) == {"person_name", "person_phone"}
    assert Melding.objects.count() == 0


def test_melding_about_oneself_sets_role_and_knowledge_and_sends_the_receipt_to_them(postcodes):
    melding = create(
        about_self=True,
        reporter_role="",
        person_knows="",
        person=Contact("Sanne", "", "sanne@example.org"),
        reporter=Contact("Iemand anders", "", "ander@example.org"),
    )
    assert melding.about_self is True
    assert melding.melder.role == MelderRol.ZELF
    assert melding.person_knows == Bekend.JA
    assert Uitbericht.objects.get(kind=UitberichtSoort.ONTVANGST).recipient == "ander@example.org"


def test_consent_is_required():
    with pytest.raises(ValidationError) as error:
        create(consent=False)
    assert "consent" in error.value.message_dict


def test_melding_needs_a_signal_or_a_text():
    with pytest.raises(ValidationError) as error:
        create(signals=[], text="   ")
    assert "signals" in error.value.message_dict


def test_unknown_signal_code_is_refused():
    with pytest.raises(ValidationError):
        create(signals=["bestaat-niet"])


def test_urgent_melding_alerts_team_and_coordinator_at_once(postcodes, coordinator_user):
    melding = create(urgent=True)
    assert melding.urgent is True
    rows = {row.kind: row for row in Uitbericht.objects.all()}
    assert set(rows) == {UitberichtSoort.TEAM_NIEUW, UitberichtSoort.COORDINATOR_NIEUW}
    assert all(row.urgent and row.subject.startswith("SPOED") for row in rows.values())
    assert "vandaag" in rows[UitberichtSoort.TEAM_NIEUW].body


def test_team_and_coordinator_mails_carry_only_reference_and_link(postcodes, coordinator_user):
    melding = create(
        urgent=True,
        text="Geheime toelichting",
        street="Kerkstraat",
        person=Contact("Piet Geheim", "035 123 45 67", "piet@example.org"),
        reporter=Contact("Melder Naam", "06 12345678", "melder@example.org"),
    )
    for row in Uitbericht.objects.exclude(kind=UitberichtSoort.ONTVANGST):
        text = row.subject + row.body
        assert melding.reference in text
        assert f"/werkruimte/meldingen/{melding.reference}/" in row.body
        for secret in ["Geheime", "Kerkstraat", "Piet", "0351234567", "piet@", "Melder", "1223"]:
            assert secret not in text
    receipt = Uitbericht.objects.get(kind=UitberichtSoort.ONTVANGST)
    assert "Geheime" not in receipt.body and "Piet" not in receipt.body


def test_contact_details_are_stored_in_one_spelling(postcodes):
    melding = create(
        huisnummer="12 A",
        person=Contact("  Piet   de Vries ", "+31 35-123 45 67", "Piet@Example.ORG"),
    )
    person = melding.betrokkene
    assert (person.name, person.phone, person.email) == (
        "Piet de Vries",
        "0351234567",
        "piet@example.org",
    )
    assert person.huisnummer == "12a"


def test_notifications_are_sent_after_commit(postcodes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        melding = create(reporter=Contact(email="an@example.org"))
    assert sorted(m.to[0] for m in mail.outbox) == [
        "an@example.org",
        "buurtteam-noordoost@example.org",
    ]
    assert Uitbericht.objects.filter(sent_at__isnull=True).count() == 0
    assert melding.reference in mail.outbox[0].subject


def test_failing_mail_server_loses_no_melding(postcodes, django_capture_on_commit_callbacks):
    import smtplib

    with (
        patch("meldpunt.notifications.EmailMessage.send", side_effect=smtplib.SMTPException("x")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        melding = create()
    assert Melding.objects.filter(pk=melding.pk).exists()
    row = Uitbericht.objects.get()
    assert row.sent_at is None
    assert row.attempts == 1
    assert "SMTPException" in row.last_error


def test_broker_that_is_down_does_not_fail_the_melding(
    postcodes, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = False  # as in production, with a broker configured
    with patch.object(tasks.send_notification, "apply_async", side_effect=ConnectionError("redis")):
        with django_capture_on_commit_callbacks(execute=True):
            create()
        # The next request does not even try the dead broker: the periodic task takes over.
        with django_capture_on_commit_callbacks(execute=True):
            create(postcode="1211AA")
        assert tasks.send_notification.apply_async.call_count == 1
    assert Melding.objects.count() == 2
    assert Uitbericht.objects.filter(sent_at__isnull=True).count() == 2


def test_reference_looks_like_hv_and_two_groups_of_unambiguous_characters():
    for _ in range(200):
        assert re.fullmatch(r"HV-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}", reference_new())


def test_references_are_random_not_counted(postcodes):
    first, second = create(), create(postcode="1211AA")
    assert first.reference != second.reference
    assert str(first.pk) not in first.reference
    assert len({reference_new() for _ in range(1000)}) == 1000


def test_a_reference_that_exists_already_is_replaced_by_a_new_one(postcodes):
    taken = create().reference
    fresh = "HV-2222-3333"
    with patch.object(services, "reference_new", side_effect=[taken, fresh]):
        assert create(postcode="1211AA").reference == fresh


@pytest.mark.parametrize(
    "repeat",
    [
        {"postcode": "1223AB", "huisnummer": "12"},  # same address
        {"postcode": "1223AB", "huisnummer": "40", "person": Contact("PIET DE VRIES")},
        {"postcode": "", "huisnummer": "", "person": Contact(phone="+31 35 123 45 67")},
        {"postcode": "", "huisnummer": "", "person": Contact(email="PIET@example.org")},
    ],
)
def test_repeat_about_same_address_or_person_within_30_days_is_linked(postcodes, repeat):
    first = create(person=Contact("Piet de Vries", "0351234567", "piet@example.org"))
    second = create(now=NOW + timedelta(days=29), **repeat)
    assert second.linked_to == first
    assert list(first.herhalingen.all()) == [second]


def test_melding_after_30_days_or_about_a_closed_one_is_not_linked(postcodes):
    first = create()
    assert create(now=NOW + timedelta(days=31)).linked_to is None
    Melding.objects.filter(pk=first.pk).update(status=Status.GEANNULEERD)
    assert create(now=NOW + timedelta(days=1)).linked_to != first


def test_melding_about_another_address_is_not_linked(postcodes):
    create()
    assert create(huisnummer="14").linked_to is None


def test_staff_entry_records_source_and_who_entered_it(postcodes):
    user = UserFactory()
    melding = create(source=Bron.TELEFOON, entered_by=user)
    assert (melding.source, melding.entered_by) == (Bron.TELEFOON, user)
    assert melding.statuswijzigingen.get().user == user


def test_query_count_does_not_grow_with_the_number_of_signals(postcodes, django_assert_num_queries):
    # postcode → wijk, wijk → team (then kept per process), the savepoint and release of the
    # write (inside the test's own transaction), and the write itself: on PostgreSQL one
    # statement with the repeat lookup in it (insert.py); elsewhere the repeat lookup, melding,
    # melder, betrokkene, signals (one bulk insert), history and outbox (one bulk insert).
    with django_assert_num_queries(5 if connection.vendor == "postgresql" else 11) as few:
        create(postcode="1211AA", signals=["weinig-contact"])
    with django_assert_num_queries(len(few.captured_queries) - 1):
        create(postcode="1216BB", signals=["weinig-contact", "somber", "verlies", "geldzorgen"])
