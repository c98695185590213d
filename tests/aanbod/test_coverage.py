"""Coverage gaps: per wijk, which target groups and weekdays no public activity serves."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse

from aanbod.constants import Herhaling, Moderatie, Vocabulaire
from aanbod.models import Term
from aanbod.selectors import coverage_gaps
from tests.aanbod.factories import ActiviteitFactory, RoosterFactory
from wijken.models import Wijk

pytestmark = pytest.mark.sqlite

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def doelgroep(code):
    return Term.objects.get(vocabulaire=Vocabulaire.DOELGROEP, code=code)


def activity(*, wijken=(), heel=False, groups=(), days=(), **fields):
    activiteit = ActiviteitFactory(
        heel_hilversum=heel, assured_at=NOW - timedelta(days=5), **fields
    )
    activiteit.wijken.set(Wijk.objects.filter(name__in=wijken))
    activiteit.terms.set([doelgroep(code) for code in groups])
    for day in days:
        RoosterFactory(activiteit=activiteit, **{"dinsdag": False, day: True})
    return activiteit


def cell(result, wijk, *, group=None, day=None):
    row = next(r for r in result["rows"] if r["wijk"].name == wijk)
    if group:
        index = [t.code for t in result["doelgroepen"]].index(group)
        return row["doelgroepen"][index]
    return row["dagen"][
        ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"].index(day)
    ]


def test_counts_public_activities_per_wijk_target_group_and_day(db):
    activity(wijken=["Oost"], groups=["senioren"], days=["dinsdag"])
    activity(heel=True, groups=["jongeren"], days=["zaterdag"])
    activity(wijken=["Zuid"], groups=["senioren"], days=["maandag"], moderatie=Moderatie.WACHT)
    activity(wijken=["Zuid"], groups=["senioren"], days=["maandag"], status="gepauzeerd")
    stale = activity(wijken=["Zuid"], groups=["senioren"])
    stale.assured_at = NOW - timedelta(days=400)
    stale.save()
    result = coverage_gaps(now=NOW)
    assert cell(result, "Oost", group="senioren") == 1
    assert cell(result, "Oost", group="jongeren") == 1  # for all of Hilversum
    assert cell(result, "Zuid", group="senioren") == 0  # only non-public ones there
    assert cell(result, "Zuid", group="jongeren") == 1
    assert cell(result, "Oost", day="dinsdag") == 1
    assert cell(result, "Zuid", day="dinsdag") == 0
    assert cell(result, "Zuid", day="zaterdag") == 1
    assert cell(result, "Zuid", day="maandag") == 0
    zuid = next(r for r in result["rows"] if r["wijk"].name == "Zuid")
    assert zuid["gaten"] == zuid["doelgroepen"].count(0) + zuid["dagen"].count(0)


def test_ended_and_past_one_off_schedules_leave_a_gap(db):
    activiteit = activity(wijken=["Centrum"], groups=["iedereen"])
    RoosterFactory(
        activiteit=activiteit,
        dinsdag=False,
        woensdag=True,
        start_date=date(2025, 9, 1),
        end_date=date(2026, 1, 1),
    )
    RoosterFactory(
        activiteit=activiteit,
        herhaling=Herhaling.EENMALIG,
        dinsdag=False,
        start_date=date(2026, 2, 5),  # a Thursday, before NOW
    )
    RoosterFactory(
        activiteit=activiteit,
        herhaling=Herhaling.EENMALIG,
        dinsdag=False,
        start_date=date(2026, 6, 26),  # a Friday to come
    )
    result = coverage_gaps(now=NOW)
    assert cell(result, "Centrum", day="woensdag") == 0
    assert cell(result, "Centrum", day="donderdag") == 0
    assert cell(result, "Centrum", day="vrijdag") == 1


@pytest.mark.parametrize("n", [1, 15])
def test_coverage_takes_a_fixed_number_of_queries(db, django_assert_num_queries, n):
    for _ in range(n):
        activity(wijken=["Oost", "Zuid"], groups=["senioren", "jongeren"], days=["dinsdag"])
    # wijken, target groups, activity-wijk pairs, all-Hilversum activities,
    # activity-term pairs, schedules
    with django_assert_num_queries(6):
        result = coverage_gaps(now=NOW)
    assert cell(result, "Oost", group="senioren") == n


def test_coverage_page_shows_one_table_with_gaps_named(client, kartrekker_user):
    activity(wijken=["Oost"], groups=["senioren"], days=["dinsdag"])
    client.force_login(kartrekker_user)
    response = client.get(reverse("aanbod:werkruimte_dekking"))
    html = response.content.decode()
    assert html.count("<table") == 1
    assert "Geen" in html and "Hilversumse Meent" in html and "Senioren (65+)" in html
    assert len(response.context["rows"]) == 9


@pytest.mark.parametrize("n", [1, 10])
def test_coverage_page_query_count_is_fixed(
    client, kartrekker_user, django_assert_max_num_queries, n
):
    for _ in range(n):
        activity(wijken=["Oost"], groups=["senioren"], days=["dinsdag", "vrijdag"])
    client.force_login(kartrekker_user)
    # session, user, groups + the six of coverage_gaps
    with django_assert_max_num_queries(9):
        client.get(reverse("aanbod:werkruimte_dekking"))
