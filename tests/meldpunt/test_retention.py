from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from meldpunt import notifications
from meldpunt.constants import (
    Bekend,
    Bron,
    ContactKanaal,
    MelderRol,
    Status,
    UitberichtSoort,
    Uitkomst,
    VerwijzingSoort,
)
from meldpunt.deadlines import LOCAL
from meldpunt.models import (
    ContactPoging,
    Melding,
    Notitie,
    StatusWijziging,
    Uitbericht,
    Verwijzing,
)
from meldpunt.retention import retention_apply
from meldpunt.services import Contact, melding_create
from meldpunt.tasks import anonymise

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

CREATED = datetime(2025, 1, 6, 10, 0, tzinfo=LOCAL)
CLOSED = datetime(2025, 2, 3, 14, 30, tzinfo=LOCAL)


def closed_melding(*, closed_at=CLOSED, status=Status.AFGESLOTEN, **overrides) -> Melding:
    """A melding with every kind of personal data, closed at `closed_at`."""
    values = {
        "about_self": False,
        "urgent": True,
        "consent": True,
        "reporter_role": MelderRol.PROFESSIONAL,
        "person_knows": Bekend.JA,
        "signals": ["somber", "verlies"],
        "text": "Meneer De Vries is sinds de dood van zijn vrouw veel alleen.",
        "postcode": "1223AB",
        "huisnummer": "12",
        "street": "Kerkstraat",
        "person": Contact(name="De Vries", phone="035 123 4567", email="devries@example.org"),
        "reporter": Contact(name="Pieters", phone="06 1234 5678", email="melder@example.org"),
        "source": Bron.TELEFOON,
        "now": CREATED,
    }
    values.update(overrides)
    melding = melding_create(**values)
    Notitie.objects.create(melding=melding, text="Dochter Anna belt terug.")
    ContactPoging.objects.create(
        melding=melding, channel=ContactKanaal.TELEFOON, reached=True, note="Sprak met De Vries."
    )
    Verwijzing.objects.create(
        melding=melding, kind=VerwijzingSoort.HUISARTS, description="Dokter Bakker"
    )
    StatusWijziging.objects.create(
        melding=melding, from_status=Status.NIEUW, to_status=status, reason="Zoon regelt het."
    )
    # A later e-mail to the reporter, of a kind the workflow adds: found by its address.
    Uitbericht.objects.create(
        melding=melding,
        kind="melder-opgepakt",
        recipient="Melder@example.org",
        subject=f"Melding {melding.reference}",
        body="Beste melder, uw melding is opgepakt.",
        next_attempt_at=CREATED,
        sent_at=CREATED,
    )
    outcome = Uitkomst.NAAR_AANBOD if status == Status.AFGESLOTEN else ""
    Melding.objects.filter(pk=melding.pk).update(
        status=status, outcome=outcome, closed_at=closed_at, first_contact_at=CREATED
    )
    return Melding.objects.get(pk=melding.pk)


def reporter_rows(melding):
    return Uitbericht.objects.filter(melding=melding, kind__in=["ontvangst", "melder-opgepakt"])


def test_reporter_contact_stays_29_days_after_closing_and_goes_at_30(postcodes):
    melding = closed_melding()
    assert retention_apply(now=CLOSED + timedelta(days=29, hours=23)).contact_erased == 0
    assert melding.melder.email == "melder@example.org"

    now = CLOSED + timedelta(days=30)
    report = retention_apply(now=now)
    assert (report.contact_erased, report.anonymised) == (1, 0)
    melding.refresh_from_db()
    melder = melding.melder
    assert (melder.name, melder.email, melder.phone) == ("", "", "")
    assert melder.role == MelderRol.PROFESSIONAL
    assert melding.contact_erased_at == now
    assert {(r.recipient, r.body) for r in reporter_rows(melding)} == {("", "")}
    # Everything else stays until the full term.
    assert melding.anonymised_at is None
    assert melding.text.startswith("Meneer De Vries")
    assert melding.betrokkene.name == "De Vries"
    team_row = Uitbericht.objects.get(melding=melding, kind=UitberichtSoort.TEAM_NIEUW)
    assert team_row.recipient == "buurtteam-noordoost@example.org"


def test_all_personal_data_stays_364_days_after_closing_and_goes_at_365(postcodes):
    melding = closed_melding()
    report = retention_apply(now=CLOSED + timedelta(days=364))
    assert (report.contact_erased, report.anonymised) == (1, 0)
    now = CLOSED + timedelta(days=365)
    report = retention_apply(now=now)
    assert (report.contact_erased, report.anonymised) == (0, 1)

    melding.refresh_from_db()
    assert melding.anonymised_at == now
    assert melding.text == ""
    betrokkene = melding.betrokkene
    assert [
        betrokkene.name,
        betrokkene.street,
        betrokkene.postcode,
        betrokkene.huisnummer,
        betrokkene.phone,
        betrokkene.email,
    ] == [""] * 6
    assert list(melding.notities.values_list("text", flat=True)) == [""]
    assert list(melding.contactpogingen.values_list("note", flat=True)) == [""]
    assert list(melding.verwijzingen.values_list("description", flat=True)) == [""]
    assert set(melding.statuswijzigingen.values_list("reason", flat=True)) == {""}
    assert set(melding.uitberichten.values_list("recipient", "body")) == {("", "")}


def test_anonymising_keeps_what_the_figures_need(postcodes):
    melding = closed_melding()
    retention_apply(now=CLOSED + timedelta(days=400))
    melding.refresh_from_db()
    assert melding.wijk.slug == "noordoost"
    assert (melding.created_at, melding.closed_at, melding.first_contact_at) == (
        CREATED,
        CLOSED,
        CREATED,
    )
    assert melding.melder.role == MelderRol.PROFESSIONAL
    assert sorted(melding.signalen.values_list("code", flat=True)) == ["somber", "verlies"]
    assert (melding.status, melding.outcome) == (Status.AFGESLOTEN, Uitkomst.NAAR_AANBOD)
    assert (melding.source, melding.urgent) == (Bron.TELEFOON, True)
    assert list(melding.verwijzingen.values_list("kind", flat=True)) == ["huisarts"]
    assert list(melding.statuswijzigingen.values_list("to_status", flat=True)) == [
        Status.NIEUW,
        Status.AFGESLOTEN,
    ]


def test_open_meldingen_are_never_touched_however_old(postcodes):
    melding = closed_melding(status=Status.OPGEPAKT, closed_at=None)
    # Even with a stray closing time, an open melding keeps its data.
    stray = closed_melding(status=Status.DOORVERWEZEN, postcode="1216BB")
    report = retention_apply(now=CLOSED + timedelta(days=3000))
    assert (report.contact_erased, report.anonymised) == (0, 0)
    for m in (melding, stray):
        m.refresh_from_db()
        assert m.melder.email == "melder@example.org"
        assert m.text and m.contact_erased_at is None and m.anonymised_at is None


def test_cancelled_melding_follows_the_same_terms(postcodes):
    closed_melding(status=Status.GEANNULEERD)
    report = retention_apply(now=CLOSED + timedelta(days=365))
    assert (report.contact_erased, report.anonymised) == (1, 1)


def test_running_twice_does_no_harm(postcodes):
    melding = closed_melding()
    first = CLOSED + timedelta(days=365)
    retention_apply(now=first)
    report = retention_apply(now=first + timedelta(days=1))
    assert (report.contact_erased, report.anonymised) == (0, 0)
    melding.refresh_from_db()
    assert (melding.contact_erased_at, melding.anonymised_at) == (first, first)


def test_dry_run_counts_and_changes_nothing(postcodes):
    closed_melding()
    closed_melding(closed_at=CLOSED + timedelta(days=330), postcode="1216BB")
    now = CLOSED + timedelta(days=365)
    report = retention_apply(now=now, dry_run=True)
    assert (report.contact_erased, report.anonymised) == (2, 1)
    assert report.lines()[0] == "Proefdraai: er is niets veranderd."
    assert not Melding.objects.filter(contact_erased_at__isnull=False).exists()
    assert Melding.objects.exclude(text="").count() == 2
    assert not Uitbericht.objects.filter(recipient="").exists()


def test_works_through_several_batches(postcodes):
    for postcode in ("1223AB", "1216BB", "1211AA"):
        closed_melding(postcode=postcode)
    report = retention_apply(now=CLOSED + timedelta(days=365), batch_size=2)
    assert (report.contact_erased, report.anonymised) == (3, 3)
    assert not Melding.objects.filter(anonymised_at__isnull=True).exists()


def test_unsent_mail_to_an_erased_address_is_parked_not_retried(postcodes):
    melding = closed_melding()
    receipt = Uitbericht.objects.get(melding=melding, kind=UitberichtSoort.ONTVANGST)
    now = CLOSED + timedelta(days=30)
    retention_apply(now=now)
    receipt.refresh_from_db()
    assert receipt.sent_at is None
    assert receipt.attempts == notifications.MAX_ATTEMPTS
    assert receipt.pk not in notifications.uitberichten_due(now=now + timedelta(days=1))


def test_shorter_full_term_than_contact_term_still_removes_the_contact(postcodes, settings):
    settings.MELDPUNT_RETENTION_CONTACT_DAYS = 60
    settings.MELDPUNT_RETENTION_DAYS = 10
    melding = closed_melding()
    retention_apply(now=CLOSED + timedelta(days=10))
    melding.refresh_from_db()
    assert melding.melder.email == ""
    assert melding.contact_erased_at is not None
    assert melding.anonymised_at is not None


def test_task_takes_the_moment_as_text_and_reports_counts(postcodes):
    closed_melding()
    now = (CLOSED + timedelta(days=30)).isoformat()
    assert anonymise.delay(now=now, dry_run=True).get() == {"contact_erased": 1, "anonymised": 0}
    assert anonymise.delay(now=now).get() == {"contact_erased": 1, "anonymised": 0}
    assert anonymise.delay(now=now).get() == {"contact_erased": 0, "anonymised": 0}


def test_command_prints_counts_in_dutch_and_dry_run_changes_nothing(postcodes):
    closed_melding(closed_at=timezone.now() - timedelta(days=400))
    out = StringIO()
    call_command("anonymise_meldingen", "--dry-run", stdout=out)
    assert "Proefdraai" in out.getvalue()
    assert "Meldingen die geanonimiseerd zouden worden: 1" in out.getvalue()
    assert Melding.objects.get().anonymised_at is None

    out = StringIO()
    call_command("anonymise_meldingen", stdout=out)
    assert "Meldingen geanonimiseerd: 1" in out.getvalue()
    assert "contactgegevens van de melder zijn verwijderd: 1" in out.getvalue()
    assert Melding.objects.get().anonymised_at is not None
