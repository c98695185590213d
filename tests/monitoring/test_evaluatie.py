"""The half-yearly evaluation: statuses, who may do what, scores, frozen figures."""

from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from monitoring.constants import EvaluatieStatus
from monitoring.demo import seed_figures
from monitoring.models import Beoordeling, Evaluatie, Observatie, Uitgave
from monitoring.selectors_evaluatie import evaluatie_compute, evaluatie_data
from monitoring.services_evaluatie import (
    beoordeling_save,
    evaluatie_create,
    evaluatie_texts_update,
    evaluatie_transition,
)
from pijlers.models import Actie
from tests.monitoring.evaluatie_support import NOW, frozen, make_evaluatie, member, vaststellen

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def move(evaluatie, to, user):
    return evaluatie_transition(evaluatie=evaluatie, to=to, user=user, now=NOW, queue_pdf=False)


# --- statuses --------------------------------------------------------------------------------


def test_concept_goes_to_bespreking_back_to_concept_and_on_to_vastgesteld(kartrekker_user):
    evaluatie = make_evaluatie()
    with frozen():
        evaluatie = move(evaluatie, EvaluatieStatus.IN_BESPREKING, kartrekker_user)
        evaluatie = move(evaluatie, EvaluatieStatus.CONCEPT, kartrekker_user)
        evaluatie = move(evaluatie, EvaluatieStatus.IN_BESPREKING, kartrekker_user)
        evaluatie = move(evaluatie, EvaluatieStatus.VASTGESTELD, kartrekker_user)
    evaluatie.refresh_from_db()
    assert evaluatie.status == EvaluatieStatus.VASTGESTELD
    assert evaluatie.vastgesteld_at == NOW and evaluatie.vastgesteld_by == kartrekker_user


@pytest.mark.parametrize(
    ("start", "to"),
    [
        (EvaluatieStatus.CONCEPT, EvaluatieStatus.VASTGESTELD),
        (EvaluatieStatus.CONCEPT, EvaluatieStatus.CONCEPT),
        (EvaluatieStatus.IN_BESPREKING, "gearchiveerd"),
    ],
)
def test_moves_outside_the_table_are_refused(kartrekker_user, start, to):
    evaluatie = make_evaluatie(status=start)
    with pytest.raises(ValidationError, match="kan een evaluatie niet naar"):
        move(evaluatie, to, kartrekker_user)
    evaluatie.refresh_from_db()
    assert evaluatie.status == start


def test_a_vastgestelde_evaluation_moves_nowhere(kartrekker_user):
    evaluatie = vaststellen(make_evaluatie(), kartrekker_user)
    for to in (EvaluatieStatus.CONCEPT, EvaluatieStatus.IN_BESPREKING):
        with pytest.raises(ValidationError):
            move(evaluatie, to, kartrekker_user)


def test_vaststellen_needs_a_text_for_every_criterion(kartrekker_user):
    evaluatie = make_evaluatie(status=EvaluatieStatus.IN_BESPREKING, efficientie="", lessen=" ")
    with pytest.raises(ValidationError) as error:
        move(evaluatie, EvaluatieStatus.VASTGESTELD, kartrekker_user)
    assert error.value.messages == ["Schrijf eerst iets bij: Efficiëntie, Lessen voor de toekomst."]
    evaluatie.refresh_from_db()
    assert evaluatie.status == EvaluatieStatus.IN_BESPREKING and evaluatie.snapshot is None


def test_the_database_refuses_vastgesteld_without_snapshot():
    with pytest.raises(IntegrityError), transaction.atomic():
        Evaluatie.objects.create(period="2025-H1", status=EvaluatieStatus.VASTGESTELD)


def test_one_evaluation_per_half_year():
    evaluatie_create(period="2025-H1")
    with pytest.raises(ValidationError, match="Er is al een evaluatie voor 2025-H1."):
        evaluatie_create(period="2025-H1")
    with pytest.raises(ValidationError, match="Kies een half jaar"):
        evaluatie_create(period="2025-Q1")


# --- frozen figures --------------------------------------------------------------------------


def test_vaststellen_freezes_the_figures_so_later_changes_do_not_reach_the_report(
    kartrekker_user,
):
    seed_figures()
    evaluatie = make_evaluatie("2025-H1")
    actie = Actie.objects.get(title="Realiseren van meldpunt")
    Uitgave.objects.create(
        actie=actie,
        post="coalitieakkoord-eenzaamheid",
        date="2025-02-01",
        amount=Decimal("1000"),
        description="Inrichting",
    )
    with frozen():
        live = evaluatie_compute(evaluatie)
        evaluatie = vaststellen(evaluatie, kartrekker_user)
    evaluatie.refresh_from_db()
    assert evaluatie.snapshot == live

    # A later import changes Centrum's figure, and more money is spent in 2025.
    Observatie.objects.filter(regio__code="WK040201", year=2020).update(value=Decimal("60.0"))
    Uitgave.objects.create(
        actie=actie,
        post="coalitieakkoord-eenzaamheid",
        date="2025-03-01",
        amount=Decimal("5000"),
        description="Later",
    )
    with frozen():
        frozen_data = evaluatie_data(evaluatie)
        changed = evaluatie_compute(evaluatie)
    assert frozen_data == live
    centrum = frozen_data["charts"]["wijken_eenzaam"]["rows"][0]
    assert centrum[:4] == ["Centrum", "Wijk", 2020, 52.4]
    assert changed["charts"]["wijken_eenzaam"]["rows"][0][3] == 60.0
    assert frozen_data["finances"]["spending"][0][3] == 1000.0


def test_the_snapshot_is_taken_in_the_same_transaction_as_the_status_change(kartrekker_user):
    evaluatie = make_evaluatie(status=EvaluatieStatus.IN_BESPREKING)
    with (
        mock.patch(
            "monitoring.services_evaluatie.evaluatie_compute", side_effect=RuntimeError("stuk")
        ),
        pytest.raises(RuntimeError),
    ):
        move(evaluatie, EvaluatieStatus.VASTGESTELD, kartrekker_user)
    evaluatie.refresh_from_db()
    assert evaluatie.status == EvaluatieStatus.IN_BESPREKING
    assert evaluatie.snapshot is None and not evaluatie.rapporten.exists()


def test_a_vastgestelde_evaluation_keeps_its_texts_and_scores(kartrekker_user):
    lid = member("lid", "Senver")
    evaluatie = make_evaluatie()
    beoordeling_save(evaluatie=evaluatie, user=lid, resultaten=7, proces=7, samenwerking=8)
    evaluatie = vaststellen(evaluatie, kartrekker_user)
    with pytest.raises(ValidationError, match="vastgesteld"):
        evaluatie_texts_update(evaluatie=evaluatie, data={"relevantie": "Anders"})
    with pytest.raises(ValidationError, match="vastgesteld"):
        beoordeling_save(evaluatie=evaluatie, user=lid, resultaten=3, proces=3, samenwerking=3)
    assert Beoordeling.objects.get().resultaten == 7


# --- scores ----------------------------------------------------------------------------------


def test_one_score_set_per_member_changed_by_saving_again():
    lid = member("lid", "Bibliotheek Hilversum")
    evaluatie = make_evaluatie()
    beoordeling_save(evaluatie=evaluatie, user=lid, resultaten=6, proces=7, samenwerking=8)
    beoordeling_save(
        evaluatie=evaluatie, user=lid, resultaten=8, proces=7, samenwerking=9, comment=" Goed. "
    )
    beoordeling = Beoordeling.objects.get()
    assert (beoordeling.resultaten, beoordeling.samenwerking) == (8, 9)
    assert (
        beoordeling.comment == "Goed." and beoordeling.organisatie_name == "Bibliotheek Hilversum"
    )


@pytest.mark.parametrize("score", [0, 11, -1])
def test_scores_outside_1_to_10_are_refused(score):
    lid = member("lid", "MEE")
    with pytest.raises(ValidationError):
        beoordeling_save(
            evaluatie=make_evaluatie(), user=lid, resultaten=score, proces=7, samenwerking=7
        )
    assert not Beoordeling.objects.exists()


def test_the_database_refuses_a_score_outside_1_to_10_too():
    evaluatie = make_evaluatie()
    with pytest.raises(IntegrityError), transaction.atomic():
        Beoordeling.objects.create(evaluatie=evaluatie, resultaten=11, proces=7, samenwerking=7)


def test_averages_are_set_against_the_norm_of_7():
    evaluatie = make_evaluatie()
    for name, scores in (("a", (6, 8, 9)), ("b", (7, 5, 8)), ("c", (7, 7, 8))):
        beoordeling_save(
            evaluatie=evaluatie,
            user=member(name, f"Organisatie {name}"),
            resultaten=scores[0],
            proces=scores[1],
            samenwerking=scores[2],
        )
    with frozen():
        chart = evaluatie_compute(evaluatie)["charts"]["scores"]
    assert chart["rows"] == [
        ["Resultaten", 6.7, 7, False],
        ["Proces", 6.7, 7, False],
        ["Samenwerking", 8.3, 7, True],
    ]
    assert chart["description"] == "Gemiddelde van 3 leden van de kerngroep. De norm is 7."


# --- milestones and finances -----------------------------------------------------------------


def test_milestones_are_the_actions_planned_to_start_or_end_in_the_half_year():
    Actie.objects.filter(title="Landelijke Week tegen Eenzaamheid 2024").update(status="gereed")
    with frozen():
        data = evaluatie_compute(make_evaluatie("2024-H2"))
    rows = {row["title"]: row for row in data["milestones"]}
    week = rows["Landelijke Week tegen Eenzaamheid 2024"]
    assert (week["milestone"], week["status_label"], week["on_track"]) == (
        "Start en klaar",
        "Gereed",
        True,
    )
    # Ended in Q3 2024 and not gereed: late, in the view from the quarter after the half year.
    toolkit = rows["Communicatietoolkit voor partners"]
    assert (toolkit["status_label"], toolkit["on_track"]) == ("Vertraagd", False)
    assert rows["Realiseren van meldpunt"]["milestone"] == "Start"
    assert "Opstellen en uitvoeren communicatieplan" not in rows  # started in Q1 2024


def test_finances_set_the_budget_of_the_year_against_spending_up_to_the_half_year():
    meldpunt = Actie.objects.get(title="Realiseren van meldpunt")
    for day, amount in (("2025-02-01", "28000"), ("2025-08-01", "27000"), ("2024-12-01", "9")):
        Uitgave.objects.create(
            actie=meldpunt,
            post="coalitieakkoord-eenzaamheid",
            date=day,
            amount=Decimal(amount),
            description=f"Meldpunt {day}",
        )
    with frozen():
        h1 = evaluatie_compute(make_evaluatie("2025-H1"))
        h2 = evaluatie_compute(make_evaluatie("2025-H2"))
    assert h1["charts"]["financien"]["rows"] == [
        ["Coalitieakkoord: tegengaan eenzaamheid", 150000.0, 28000.0, 28000.0, 122000.0, 18.7],
        [
            "Coalitieakkoord: investeren in digitaal meedoen ouderen",
            25000.0,
            0.0,
            0.0,
            25000.0,
            0.0,
        ],
        ["Brede SPUK: één tegen eenzaamheid", 40000.0, 0.0, 0.0, 40000.0, 0.0],
        ["Totaal", 215000.0, 28000.0, 28000.0, 187000.0, 13.0],
    ]
    assert h2["charts"]["financien"]["rows"][0][2:4] == [55000.0, 27000.0]


def test_from_2026_there_is_no_spuk_budget_line():
    with frozen():
        rows = evaluatie_compute(make_evaluatie("2026-H1"))["charts"]["financien"]["rows"]
    assert [row[0] for row in rows] == [
        "Coalitieakkoord: tegengaan eenzaamheid",
        "Coalitieakkoord: investeren in digitaal meedoen ouderen",
        "Totaal",
    ]
    assert rows[-1][1] == 175000.0


def test_an_evaluation_without_data_says_what_is_missing():
    with frozen():
        data = evaluatie_compute(make_evaluatie("2025-H1", with_texts=False))
    assert data["missing"] == [
        "Er zijn nog geen GGD-cijfers per wijk ingelezen.",
        "Nog geen enkel lid van de kerngroep heeft cijfers gegeven.",
        "Er zijn nog geen uitgaven ingevoerd voor 2025.",
        "Er zijn nog geen doelen voor het bereik van de acties ingevuld.",
        "Er zijn geen verhalen met toestemming uit dit half jaar.",
    ]
