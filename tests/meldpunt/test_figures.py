from datetime import date, datetime, timedelta

import pytest

from meldpunt.constants import Bekend, MelderRol, Status, Uitkomst, VerwijzingSoort, WijkBron
from meldpunt.deadlines import LOCAL, first_contact_due
from meldpunt.figures import melding_figures
from meldpunt.models import Melder, Melding, Verwijzing
from tests.factories import OrganisatieFactory
from wijken.models import Wijk

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

NOW = datetime(2026, 8, 1, 12, 0, tzinfo=LOCAL)
_counter = iter(range(10_000))


def melding(
    wijk,
    created,
    *,
    role=MelderRol.BEWONER,
    contact_after_hours=None,
    status=Status.NIEUW,
    outcome="",
    referrals=(),
):
    """A melding written directly: figures read rows, not the form."""
    m = Melding.objects.create(
        reference=f"HV-TEST-{next(_counter):04d}",
        wijk=wijk,
        wijk_source=WijkBron.GEKOZEN if wijk else WijkBron.ONBEKEND,
        status=status,
        outcome=outcome,
        person_knows=Bekend.JA,
        consent_at=created,
        created_at=created,
        first_contact_due=first_contact_due(created, urgent=False),
        first_contact_at=(
            created + timedelta(hours=contact_after_hours) if contact_after_hours else None
        ),
    )
    Melder.objects.create(melding=m, role=role)
    for kind in referrals:
        organisatie = OrganisatieFactory() if kind == VerwijzingSoort.ORGANISATIE else None
        Verwijzing.objects.create(melding=m, kind=kind, organisatie=organisatie)
    return m


@pytest.fixture
def wijken(db):
    return {w.slug: w for w in Wijk.objects.all()}


def row_of(rows, wijk, label):
    (row,) = [r for r in rows if r.wijk == wijk and r.period_label == label]
    return row


@pytest.fixture
def march_in_noordoost(wijken):
    """Six meldingen in Noordoost in March 2026 (Monday the 2nd, 10:00 onwards)."""
    noordoost = wijken["noordoost"]
    monday = datetime(2026, 3, 2, 10, 0, tzinfo=LOCAL)
    hours = [4, 10, 20, 30, 100, None]  # due Wednesday 23:59:59, ~62 hours after receipt
    for i, after in enumerate(hours):
        melding(
            noordoost,
            monday,
            role=MelderRol.FAMILIE if i < 5 else MelderRol.VERWIJZER,
            contact_after_hours=after,
            status=Status.AFGESLOTEN if i < 4 else Status.OPGEPAKT,
            outcome=Uitkomst.NAAR_AANBOD if i < 4 else "",
            referrals=[VerwijzingSoort.HUISARTS] if i < 3 else [],
        )
    return noordoost


def test_figures_per_wijk_and_month_without_suppression(march_in_noordoost):
    rows = melding_figures(
        period="month", start=date(2026, 3, 1), end=date(2026, 5, 1), suppress_below=None, now=NOW
    )
    row = row_of(rows, march_in_noordoost, "2026-03")
    assert row.meldingen == 6
    assert row.roles[MelderRol.FAMILIE] == 5
    assert row.roles[MelderRol.VERWIJZER] == 1
    assert row.roles[MelderRol.BEWONER] == 0
    assert row.median_hours_to_first_contact == 20.0
    # Four of the five with contact were in time; the sixth has none and is past due: 4 / 6.
    assert row.within_deadline_share == round(4 / 6, 3)
    assert row.outcomes[Uitkomst.NAAR_AANBOD] == 4
    assert row.referrals[VerwijzingSoort.HUISARTS] == 3
    april = row_of(rows, march_in_noordoost, "2026-04")
    assert (april.meldingen, april.median_hours_to_first_contact) == (0, None)


def test_every_wijk_gets_a_row_for_every_period_and_no_wijk_only_when_needed(
    march_in_noordoost, wijken
):
    rows = melding_figures(period="month", start=date(2026, 3, 1), end=date(2026, 5, 1), now=NOW)
    assert len(rows) == 2 * len(wijken)
    assert all(r.wijk is not None for r in rows)
    melding(None, datetime(2026, 4, 3, 9, 0, tzinfo=LOCAL))
    rows = melding_figures(period="month", start=date(2026, 3, 1), end=date(2026, 5, 1), now=NOW)
    assert row_of(rows, None, "2026-04").meldingen is None  # 1, suppressed
    assert len(rows) == 2 * (len(wijken) + 1)


def test_small_cells_are_suppressed_but_zero_and_large_ones_stay(march_in_noordoost):
    rows = melding_figures(period="month", start=date(2026, 3, 1), end=date(2026, 4, 1), now=NOW)
    row = row_of(rows, march_in_noordoost, "2026-03")
    assert row.meldingen == 6
    assert row.outcomes[Uitkomst.NAAR_AANBOD] is None  # 4
    assert row.outcomes[Uitkomst.ONTERECHT] == 0
    assert row.referrals[VerwijzingSoort.HUISARTS] is None  # 3
    assert row.median_hours_to_first_contact == 20.0  # rests on 5 contacts
    assert row.within_deadline_share == round(4 / 6, 3)


def test_a_single_hidden_role_is_not_left_to_work_out_by_subtraction(march_in_noordoost):
    rows = melding_figures(period="month", start=date(2026, 3, 1), end=date(2026, 4, 1), now=NOW)
    roles = row_of(rows, march_in_noordoost, "2026-03").roles
    # 6 meldingen: 5 family, 1 GP. Hiding only the 1 would let 6 - 5 reveal it.
    assert roles[MelderRol.VERWIJZER] is None
    assert sum(1 for n in roles.values() if n is None) == 2


def test_a_wijk_with_few_meldingen_shows_no_count_median_or_share(wijken):
    for after in (2, 3):
        melding(
            wijken["centrum"], datetime(2026, 3, 9, 9, 0, tzinfo=LOCAL), contact_after_hours=after
        )
    rows = melding_figures(period="month", start=date(2026, 3, 1), end=date(2026, 4, 1), now=NOW)
    row = row_of(rows, wijken["centrum"], "2026-03")
    assert row.meldingen is None
    assert row.median_hours_to_first_contact is None
    assert row.within_deadline_share is None
    assert row.roles[MelderRol.BEWONER] is None


def test_half_years_group_by_local_date(wijken):
    zuid = wijken["zuid"]
    # 30 June 23:30 in Hilversum is 21:30 UTC: still the first half year.
    melding(zuid, datetime(2026, 6, 30, 23, 30, tzinfo=LOCAL))
    melding(zuid, datetime(2026, 7, 1, 0, 30, tzinfo=LOCAL))
    rows = melding_figures(
        period="halfyear",
        start=date(2026, 1, 1),
        end=date(2027, 1, 1),
        suppress_below=None,
        now=NOW,
    )
    assert [(r.period_label, r.meldingen) for r in rows if r.wijk == zuid] == [
        ("2026-H1", 1),
        ("2026-H2", 1),
    ]


def test_cancelled_meldingen_and_those_not_yet_due_do_not_count_for_the_deadline(wijken):
    meent = wijken["hilversumse-meent"]
    created = datetime(2026, 7, 30, 9, 0, tzinfo=LOCAL)  # Thursday: due Monday 3 August
    melding(meent, created)
    melding(meent, created - timedelta(days=20), status=Status.GEANNULEERD)
    melding(meent, created - timedelta(days=20), contact_after_hours=1)
    rows = melding_figures(
        period="halfyear",
        start=date(2026, 1, 1),
        end=date(2027, 1, 1),
        suppress_below=None,
        now=NOW,
    )
    assert row_of(rows, meent, "2026-H2").within_deadline_share == 1.0


def test_figures_take_three_queries_however_many_meldingen(
    march_in_noordoost, wijken, django_assert_num_queries
):
    for wijk in list(wijken.values())[:4]:
        melding(wijk, datetime(2026, 4, 7, 9, 0, tzinfo=LOCAL), referrals=["huisarts"])
    # 1 wijken, 2 meldingen with their reporter role, 3 referrals
    with django_assert_num_queries(3):
        melding_figures(period="month", start=date(2026, 1, 1), end=date(2027, 1, 1), now=NOW)


def test_unknown_period_is_refused():
    with pytest.raises(ValueError, match="period"):
        melding_figures(period="week", start=date(2026, 1, 1), end=date(2026, 2, 1))
