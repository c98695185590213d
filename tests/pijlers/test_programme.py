"""The data migrations: the six pillars and every action of chapter 7, as the document has them."""

import importlib
from datetime import date

import pytest
from django.apps import apps

from pijlers import kwartalen, services
from pijlers.constants import PaginaSlug, Status
from pijlers.models import Actie, AgendaItem, Pagina, Pijler
from tests.factories import OrganisatieFactory

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

programme = importlib.import_module("pijlers.migrations.0002_load_programme")

# Chapter 7, "Planning en acties": the rows in the ACTIE column of each pillar's table.
MAIN_ACTIONS_PER_PILLAR = {
    "weten": 4,
    "vinden": 2,
    "ondersteunen": 4,
    "kwaliteit-bieden": 4,
    "samenwerken": 3,
    "informeren": 2,
}
# The communication plan's specification rows (participation … Christmas).
COMMUNICATION_PLAN_PARTS = 8


def test_six_pillars_in_the_order_of_the_programme():
    pijlers = list(Pijler.objects.values_list("number", "name"))
    assert pijlers == [
        (1, "Weten"),
        (2, "Vinden"),
        (3, "Ondersteunen"),
        (4, "Kwaliteit bieden"),
        (5, "Samenwerken"),
        (6, "Informeren"),
    ]


def test_every_pillar_has_its_aim_and_the_sub_goals_of_chapter_5():
    counts = {p.code: p.subdoelen.count() for p in Pijler.objects.all()}
    assert counts == {
        "weten": 3,
        "vinden": 2,
        "ondersteunen": 3,
        "kwaliteit-bieden": 2,
        "samenwerken": 3,
        "informeren": 2,
    }
    weten = Pijler.objects.get(code="weten")
    assert weten.aim.startswith("Zorg ervoor dat eenzaamheid lokaal op de agenda staat")


def test_number_of_actions_per_pillar_matches_chapter_7():
    for code, expected in MAIN_ACTIONS_PER_PILLAR.items():
        main = Actie.objects.filter(pijler__code=code, parent__isnull=True).count()
        assert main == expected, code
    assert Actie.objects.filter(pijler__code="weten", parent__isnull=False).count() == 8
    assert Actie.objects.count() == sum(MAIN_ACTIONS_PER_PILLAR.values()) + 8


def test_parts_of_the_communication_plan_belong_to_it_and_sort_after_it():
    plan = Actie.objects.get(title="Opstellen en uitvoeren communicatieplan")
    parts = list(plan.deelacties.order_by("position").values_list("title", flat=True))
    assert len(parts) == COMMUNICATION_PLAN_PARTS
    assert parts[0] == "Participatie van maatschappelijke partners"
    assert parts[-1] == "Eenzaamheid rond de kerstdagen"
    weten = list(Actie.objects.filter(pijler__code="weten").values_list("title", flat=True))
    assert weten[0] == plan.title
    assert weten[1:9] == parts


@pytest.mark.parametrize(
    ("title", "start", "end"),
    [
        ("Opstellen en uitvoeren communicatieplan", "2024-Q1", ""),
        ("Aandacht en PR voor computer- en internettrainingen senioren", "2024-Q2", "2024-Q3"),
        ("Landelijke Week tegen Eenzaamheid 2024", "2024-Q3", "2024-Q3"),
        ("Realiseren van meldpunt", "2024-Q3", ""),
        (
            "Opstarten van een faciliteit voor jongeren met gevoelens van (sociale) eenzaamheid",
            "2024-Q2",
            "2024-Q4",
        ),
        ("Versterken digitale vaardigheden senioren", "2024-Q2", "2025-Q1"),
        ("Monitoringsstrategie opzetten en uitvoeren", "2024-Q1", "2026-Q4"),
        ("Halfjaarlijkse evaluatie met Kernteam", "2024-Q3", ""),
        ("Benchmark Eén tegen Eenzaamheid", "2024-Q3", "2024-Q3"),
    ],
)
def test_planning_is_read_from_the_planning_column(title, start, end):
    actie = Actie.objects.get(title=title)
    assert (actie.start_quarter, actie.end_quarter) == (start, end)
    assert actie.planning_text


def test_every_action_has_valid_quarters_and_starts_as_planned():
    for actie in Actie.objects.all():
        assert kwartalen.is_quarter(actie.start_quarter), actie
        assert actie.end_quarter == "" or actie.end_quarter >= actie.start_quarter, actie
        assert actie.status == Status.GEPLAND


def test_without_the_organisation_the_trekker_is_kept_by_name():
    actie = Actie.objects.get(title="Realiseren van meldpunt")
    assert actie.trekker is None
    assert actie.trekker_name == "Gemeente Hilversum"
    assert actie.trekker_label == "Gemeente Hilversum"


def test_migration_links_the_trekker_when_the_organisation_exists():
    Actie.objects.all().delete()
    gemeente = OrganisatieFactory(name="Gemeente Hilversum")
    programme.load(apps, None)
    actie = Actie.objects.get(title="Realiseren van meldpunt")
    assert actie.trekker == gemeente
    assert actie.trekker_name == ""


def test_trekkers_known_by_name_are_linked_once_the_organisation_is_added():
    gemeente = OrganisatieFactory(name="Gemeente Hilversum")
    linked = services.acties_link_trekkers()
    assert linked == Actie.objects.count()
    assert set(Actie.objects.values_list("trekker", flat=True)) == {gemeente.pk}
    assert services.acties_link_trekkers() == 0


def test_the_information_page_starts_with_a_default_text_and_one_version():
    pagina = Pagina.objects.get(slug=PaginaSlug.EENZAAMHEID)
    assert pagina.title == "Wat is eenzaamheid?"
    assert "Luisterlijn" in pagina.body
    assert pagina.versies.count() == 1


def test_week_tegen_eenzaamheid_of_2026_and_2027_is_in_the_agenda():
    weeks = AgendaItem.objects.filter(title__startswith="Week tegen Eenzaamheid")
    assert sorted((w.start_date, w.end_date) for w in weeks) == [
        (date(2026, 9, 26), date(2026, 10, 3)),
        (date(2027, 9, 26), date(2027, 10, 3)),
    ]
    titles = set(AgendaItem.objects.values_list("title", flat=True))
    assert {"Zomeractie tegen eenzaamheid 2027", "Eenzaamheid rond de feestdagen 2027"} <= titles
