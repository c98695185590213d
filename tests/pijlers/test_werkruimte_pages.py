"""The staff pages: overview, the board per pillar, the timeline and an action's detail."""

import re

import pytest
from django.urls import reverse

from pijlers.constants import Status
from pijlers.models import Actie
from tests.factories import OrganisatieFactory
from tests.pijlers.factories import (
    ActieFactory,
    TellingFactory,
    VerhaalFactory,
    VoortgangFactory,
)

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

TIMELINE = reverse("pijlers_werkruimte:tijdlijn")


@pytest.fixture
def kartrekker(client, kartrekker_user, clock):
    client.force_login(kartrekker_user)
    return client


def _row(html: str, title: str) -> str:
    """The <tr> of the timeline that holds the given action."""
    match = re.search(
        r"<tr class=\"[a-z]+\">(?:(?!</tr>).)*?" + re.escape(title) + r".*?</tr>", html, re.S
    )
    assert match, title
    return match.group(0)


def test_overview_counts_actions_per_pillar_and_shown_status(kartrekker):
    # Clock in 2026-Q4: every action of the migration that ended before is shown vertraagd.
    response = kartrekker.get(reverse("pijlers_werkruimte:overzicht"))
    summaries = {s.pijler.code: s for s in response.context["summaries"]}
    ondersteunen = dict((code, n) for code, _label, n in summaries["ondersteunen"].counts)
    # Youth facility (till Q4 2024) and digital skills (till Q1 2025) are late; two run on.
    assert ondersteunen == {"vertraagd": 2, "lopend": 0, "gepland": 2, "gereed": 0, "gestopt": 0}
    assert summaries["weten"].total == 12


def test_board_puts_each_action_in_the_column_of_its_shown_status(kartrekker):
    done = ActieFactory(title="Klaar en op tijd", status=Status.GEREED, end_quarter="2025-Q1")
    late = ActieFactory(title="Te laat", status=Status.LOPEND, end_quarter="2025-Q1")
    running = ActieFactory(title="Loopt door", status=Status.LOPEND, end_quarter="")
    response = kartrekker.get(reverse("pijlers_werkruimte:bord", args=["vinden"]))
    columns = {c.status: [a.title for a in c.acties] for c in response.context["columns"]}
    assert done.title in columns["gereed"]
    assert late.title in columns["vertraagd"]
    assert running.title in columns["lopend"]
    html = response.content.decode()
    assert "Eindkwartaal Q1 2025 is voorbij" in html
    assert "Meer kennis bij professionals over het signaleren van eenzaamheid" in html  # sub-goal


def test_timeline_has_a_column_per_quarter_and_marks_today(kartrekker):
    html = kartrekker.get(TIMELINE).content.decode()
    for quarter in ["Q1<br>2024", "Q4<br>2025", "Q4<br>2026"]:
        assert f">{quarter}" in html
    assert html.count('<th scope="col"') == 3 + 12
    assert '<th scope="col" class="kwartaal nu">Q4<br>2026<br>nu</th>' in html
    assert "Het is nu Q4 2026" in html


def test_timeline_bar_covers_the_planned_quarters_and_says_so_in_words(kartrekker):
    ActieFactory(title="Zomeractie in de wijken", start_quarter="2025-Q2", end_quarter="2025-Q3")
    row = _row(kartrekker.get(TIMELINE).content.decode(), "Zomeractie in de wijken")
    assert row.count('class="balk ') == 2
    assert "Q2 2025 – Q3 2025" in row  # the planning in text
    assert row.count('<span class="visually-hidden">gepland</span>') == 2


def test_timeline_highlights_delayed_actions_with_the_word_too(kartrekker):
    ActieFactory(title="Achterstand", status=Status.LOPEND, end_quarter="2025-Q2")
    row = _row(kartrekker.get(TIMELINE).content.decode(), "Achterstand")
    assert row.startswith('<tr class="vertraagd">')
    assert "balk--vertraagd" in row
    assert ">Vertraagd<" in row


def test_doorlopend_action_runs_to_the_end_of_the_timeline(kartrekker):
    ActieFactory(title="Altijd bezig", start_quarter="2026-Q2", end_quarter="")
    row = _row(kartrekker.get(TIMELINE).content.decode(), "Altijd bezig")
    assert row.count('class="balk ') == 3  # Q2, Q3 and Q4 of 2026
    assert "balk--door" in row
    assert "vanaf Q2 2026, doorlopend" in row


def test_timeline_prints_on_landscape_paper(kartrekker):
    html = kartrekker.get(TIMELINE).content.decode()
    assert "/static/pijlers/pijlers.css" in html
    css = b"".join(kartrekker.get("/static/pijlers/pijlers.css").streaming_content).decode()
    assert "@media print" in css
    assert "size: A4 landscape" in css
    assert "print-color-adjust: exact" in css


def test_detail_shows_progress_targets_partners_and_stories(kartrekker):
    actie = ActieFactory(title="Training signaleren", trekker=OrganisatieFactory(name="MEE"))
    actie.partners.add(OrganisatieFactory(name="Senver"))
    VoortgangFactory(actie=actie, text="Tweede training gegeven.")
    TellingFactory(actie=actie, metric="Deelnemers", target=80, achieved=20, unit="deelnemers")
    VerhaalFactory(actie=actie, title="Geheim verhaal", consent=False)
    html = kartrekker.get(reverse("pijlers_werkruimte:actie", args=[actie.pk])).content.decode()
    assert "Tweede training gegeven." in html
    assert "80 deelnemers" in html and "20 deelnemers" in html and "25%" in html
    assert "MEE" in html and "Senver" in html
    assert "Geheim verhaal" in html and "geen toestemming: alleen intern" in html


def test_detail_of_the_communication_plan_lists_its_parts(kartrekker):
    plan = Actie.objects.get(title="Opstellen en uitvoeren communicatieplan")
    html = kartrekker.get(reverse("pijlers_werkruimte:actie", args=[plan.pk])).content.decode()
    assert "Onderdelen" in html
    assert "Communicatietoolkit voor partners" in html


def _add_rows(n: int) -> None:
    partner = OrganisatieFactory(name="Versa Welzijn")
    for i in range(n):
        actie = ActieFactory(trekker=OrganisatieFactory(name=f"Trekker {i}"))
        actie.partners.add(partner)
        VoortgangFactory(actie=actie)
        TellingFactory(actie=actie)
        VerhaalFactory(actie=actie)


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        # session, user, groups, then: 2 (pillars + actions)
        (reverse("pijlers_werkruimte:overzicht"), 5),
        # session, user, groups, then: pillar, sub-goals, actions
        (reverse("pijlers_werkruimte:bord", args=["vinden"]), 6),
        # session, user, groups, then: pillars, actions
        (TIMELINE, 5),
    ],
)
def test_staff_lists_take_a_fixed_number_of_queries(
    kartrekker, django_assert_max_num_queries, url, budget
):
    _add_rows(2)
    with django_assert_max_num_queries(budget):
        kartrekker.get(url)
    _add_rows(10)
    with django_assert_max_num_queries(budget):
        kartrekker.get(url)


def test_detail_takes_a_fixed_number_of_queries(kartrekker, django_assert_max_num_queries):
    actie = ActieFactory()
    url = reverse("pijlers_werkruimte:actie", args=[actie.pk])
    # session, user, groups; the action; partners, targets, parts, progress, stories
    for extra in (1, 8):
        for i in range(extra):
            actie.partners.add(OrganisatieFactory(name=f"Partner {extra}-{i}"))
            VoortgangFactory(actie=actie)
            TellingFactory(actie=actie)
            VerhaalFactory(actie=actie)
            ActieFactory(parent=actie)
        with django_assert_max_num_queries(9):
            kartrekker.get(url)
