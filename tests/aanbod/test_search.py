"""Filters and facet counts of the public search (selector level)."""

from datetime import date, datetime, time
from decimal import Decimal
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest
from django.http import QueryDict

from aanbod.constants import Herhaling, Moderatie, Status
from aanbod.filters import filter_groups, parse_choices
from aanbod.indexing import activiteit_reindex
from aanbod.models import Term
from aanbod.search import activiteit_search
from tests.aanbod.factories import ActiviteitFactory, LocatieFactory, RoosterFactory
from wijken.models import Wijk

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 6, 17, 9, 0, tzinfo=AMS)  # a Wednesday
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def frozen(moment=NOW):
    return patch("django.utils.timezone.now", return_value=moment)


def make_activity(name, *, wijken=(), terms=(), days=(), start=time(14, 0), locatie=None, **kw):
    """An approved, recently checked activity with the given wijken, term codes and weekdays."""
    fields = {"assured_at": NOW, "heel_hilversum": False, "is_free": True, **kw}
    if not fields["is_free"]:
        fields.setdefault("cost_amount", Decimal("2.50"))
    activiteit = ActiviteitFactory(name=name, **fields)
    activiteit.wijken.set(Wijk.objects.filter(slug__in=wijken))
    activiteit.terms.set(Term.objects.filter(code__in=terms))
    for day in days:
        RoosterFactory(
            activiteit=activiteit,
            locatie=locatie or LocatieFactory(),
            start_time=start,
            end_time=None,
            **{d: d == day for d in DAYS},
        )
    return activiteit


def search(query: str = "", now=NOW):
    groups = filter_groups()
    choices = parse_choices(QueryDict(query), groups)
    activiteit_reindex(now=now)
    return activiteit_search(choices=choices, groups=groups, now=now)


def names(result) -> set[str]:
    return {a.name for a in result.activities}


def count(result, group: str, value: str) -> int:
    facet = next(f for f in result.facets if f.name == group)
    return next(o.count for o in facet.options if o.value == value)


def test_only_public_activities_are_found():
    make_activity("Zichtbaar")
    make_activity("Wacht op goedkeuring", moderatie=Moderatie.WACHT)
    make_activity("Gepauzeerd", status=Status.GEPAUZEERD)
    make_activity("Al jaren niet gecontroleerd", assured_at=datetime(2025, 1, 1, tzinfo=AMS))
    result = search()
    assert names(result) == {"Zichtbaar"}
    assert result.total == 1


def test_wijk_filter_also_finds_activities_for_all_of_hilversum():
    make_activity("In Oost", wijken=["oost"])
    make_activity("In Centrum", wijken=["centrum"])
    make_activity("Overal", heel_hilversum=True)
    assert names(search("wijk=oost")) == {"In Oost", "Overal"}
    assert names(search("wijk=oost&wijk=centrum")) == {"In Oost", "In Centrum", "Overal"}


def test_values_of_one_filter_are_or_and_filters_together_are_and():
    make_activity("Senioren Oost", wijken=["oost"], terms=["senioren"])
    make_activity("Jongeren Oost", wijken=["oost"], terms=["jongeren"])
    make_activity("Senioren Centrum", wijken=["centrum"], terms=["senioren"])
    make_activity("Mantelzorg Oost", wijken=["oost"], terms=["mantelzorgers"])
    result = search("wijk=oost&doelgroep=senioren&doelgroep=jongeren")
    assert names(result) == {"Senioren Oost", "Jongeren Oost"}


def test_facet_counts_apply_all_other_filters_but_not_their_own():
    make_activity("A", wijken=["oost"], terms=["senioren"])
    make_activity("B", wijken=["oost"], terms=["jongeren"])
    make_activity("C", wijken=["centrum"], terms=["senioren"])
    make_activity("D", heel_hilversum=True, terms=["senioren"])
    make_activity("E", wijken=["centrum"], terms=["jongeren"], is_free=False)
    result = search("wijk=oost&doelgroep=senioren")
    assert names(result) == {"A", "D"}
    assert result.total == 2
    # wijk options: counted with doelgroep=senioren only (D is in every wijk).
    assert count(result, "wijk", "oost") == 2
    assert count(result, "wijk", "centrum") == 2
    assert count(result, "wijk", "zuid") == 1
    # doelgroep options: counted with wijk=oost only.
    assert count(result, "doelgroep", "senioren") == 2
    assert count(result, "doelgroep", "jongeren") == 1
    # a group without a choice: counted with both filters.
    assert count(result, "kosten", "gratis") == 2


def test_counts_without_any_filter_are_plain_totals():
    make_activity("A", wijken=["oost", "centrum"], terms=["senioren", "samen-eten"])
    make_activity("B", wijken=["oost"], terms=["senioren"], is_free=False)
    result = search()
    assert result.total == 2
    assert count(result, "wijk", "oost") == 2
    assert count(result, "wijk", "centrum") == 1
    assert count(result, "doelgroep", "senioren") == 2
    assert count(result, "type", "samen-eten") == 1
    assert count(result, "kosten", "gratis") == 1


def test_day_filter_uses_the_schedules_and_a_single_dates_weekday():
    make_activity("Dinsdag", days=["dinsdag"])
    make_activity("Dinsdag en vrijdag", days=["dinsdag", "vrijdag"])
    make_activity("Zaterdag", days=["zaterdag"])
    eenmalig = make_activity("Eenmalig")
    RoosterFactory(
        activiteit=eenmalig,
        herhaling=Herhaling.EENMALIG,
        dinsdag=False,
        start_date=date(2026, 6, 19),  # a Friday
        end_date=None,
    )
    result = search("dag=vr")
    assert names(result) == {"Dinsdag en vrijdag", "Eenmalig"}
    assert count(result, "dag", "di") == 2  # not 3: one activity, two schedules, counted once
    assert count(result, "dag", "za") == 1
    assert count(result, "dag", "ma") == 0


def test_ended_schedules_and_past_single_dates_do_not_count():
    ended = make_activity("Gestopt")
    RoosterFactory(activiteit=ended, start_date=date(2025, 1, 7), end_date=date(2026, 5, 31))
    past = make_activity("Geweest")
    RoosterFactory(
        activiteit=past, herhaling=Herhaling.EENMALIG, start_date=date(2026, 6, 2), dinsdag=True
    )
    make_activity("Loopt nog", days=["dinsdag"])
    assert names(search("dag=di")) == {"Loopt nog"}


def test_part_of_day_follows_the_start_time():
    make_activity("Vroeg", days=["maandag"], start=time(11, 59))
    make_activity("Twaalf uur", days=["maandag"], start=time(12, 0))
    make_activity("Zes uur", days=["maandag"], start=time(18, 0))
    result = search("dagdeel=middag")
    assert names(result) == {"Twaalf uur"}
    assert count(result, "dagdeel", "ochtend") == 1
    assert count(result, "dagdeel", "avond") == 1
    assert names(search("dagdeel=ochtend&dagdeel=avond")) == {"Vroeg", "Zes uur"}


def test_accessibility_filter_looks_at_the_locations():
    make_activity("Rolstoel", days=["maandag"], locatie=LocatieFactory(rolstoel=True))
    make_activity(
        "Ringleiding",
        days=["maandag"],
        locatie=LocatieFactory(ringleiding=True, prikkelarm=True),
    )
    make_activity("Online", terms=["online"])
    result = search("toegankelijk=rolstoel")
    assert names(result) == {"Rolstoel"}
    assert count(result, "toegankelijk", "ringleiding") == 1
    assert count(result, "toegankelijk", "prikkelarm") == 1
    assert count(result, "toegankelijk", "invalidentoilet") == 0


def test_free_filter_leaves_out_paid_activities():
    make_activity("Gratis")
    make_activity("Betaald", is_free=False)
    assert names(search("kosten=gratis")) == {"Gratis"}


def test_language_and_form_filters_use_terms():
    make_activity("Engels online", terms=["en", "online"])
    make_activity("Nederlands", terms=["nl", "op-locatie"])
    result = search("taal=en")
    assert names(result) == {"Engels online"}
    assert count(result, "vorm", "online") == 1
    assert count(result, "vorm", "op-locatie") == 0
    assert count(result, "taal", "nl") == 1


def test_today_and_this_week_use_the_next_occurrence():
    # NOW is Wednesday 17 June 2026, 9:00.
    make_activity("Vandaag", days=["woensdag"], start=time(14, 0))
    make_activity("Zondag", days=["zondag"])
    make_activity("Volgende week maandag", days=["maandag"])
    make_activity("Zonder rooster")
    with frozen():
        today = search("wanneer=vandaag")
        week = search("wanneer=deze-week")
    assert names(today) == {"Vandaag"}
    assert names(week) == {"Vandaag", "Zondag"}
    assert count(week, "wanneer", "") == 4  # "maakt niet uit"
    assert count(week, "wanneer", "vandaag") == 1
    assert count(week, "wanneer", "deze-week") == 2


def test_sunday_this_week_is_only_today():
    make_activity("Zondag", days=["zondag"])
    make_activity("Maandag", days=["maandag"])
    sunday = datetime(2026, 6, 21, 8, 0, tzinfo=AMS)
    with frozen(sunday):
        assert names(search("wanneer=deze-week", now=sunday)) == {"Zondag"}


def test_without_text_results_are_sorted_by_next_occurrence_with_empty_last():
    make_activity("Zonder datum")
    make_activity("Vrijdag", days=["vrijdag"])
    make_activity("Donderdag", days=["donderdag"])
    with frozen():
        result = search()
    assert [a.name for a in result.activities] == ["Donderdag", "Vrijdag", "Zonder datum"]
    assert result.activities[0].volgende == datetime(2026, 6, 18, 14, 0, tzinfo=AMS)


def test_a_passed_stored_next_occurrence_is_worked_out_again():
    activiteit = make_activity("Donderdag", days=["donderdag"])
    activiteit_reindex(now=NOW)
    activiteit.refresh_from_db()
    assert activiteit.next_occurrence == datetime(2026, 6, 18, 14, 0, tzinfo=AMS)
    later = datetime(2026, 6, 18, 15, 0, tzinfo=AMS)
    groups = filter_groups()
    with frozen(later):
        result = activiteit_search(
            choices=parse_choices(QueryDict(""), groups), groups=groups, now=later
        )
    assert result.activities[0].volgende == datetime(2026, 6, 25, 14, 0, tzinfo=AMS)


def test_results_are_paged_by_twenty_and_a_page_past_the_end_shows_the_last():
    for i in range(45):
        make_activity(f"Activiteit {i:02d}")
    first = search()
    assert (len(first.activities), first.total, first.num_pages) == (20, 45, 3)
    last = search("pagina=999")
    assert last.page == 3 and len(last.activities) == 5
    assert search("pagina=twee").page == 1
    assert search("pagina=0").page == 1
    assert search("pagina=" + "9" * 5000).page == 3


def test_unknown_values_are_ignored_and_reported():
    make_activity("In Oost", wijken=["oost"])
    make_activity("In Zuid", wijken=["zuid"])
    result = search("wijk=oost&wijk=atlantis&dag=maandag&soort=heel-erg")
    assert names(result) == {"In Oost"}
    assert result.ignored == ["wijk=atlantis", "dag=maandag", "soort=heel-erg"]


def test_an_activity_for_all_of_hilversum_with_a_wijk_counts_once_in_that_wijk():
    make_activity("Overal", heel_hilversum=True, wijken=["oost"])
    make_activity("Oost", wijken=["oost"])
    result = search("wijk=oost")
    assert names(result) == {"Overal", "Oost"}
    assert count(result, "wijk", "oost") == 2
    assert count(result, "wijk", "centrum") == 1


def test_a_change_of_schedule_shows_in_the_counts_after_the_reindex():
    activiteit = make_activity("Wisselt", days=["dinsdag"])
    assert count(search("dag=di"), "dag", "di") == 1
    activiteit.roosters.update(dinsdag=False, donderdag=True)
    result = search("dag=di")  # search() reindexes, as every service does after a change
    assert count(result, "dag", "di") == 0
    assert count(result, "dag", "do") == 1
    assert names(result) == set()
