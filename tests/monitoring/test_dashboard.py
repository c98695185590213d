"""The dashboard /monitoring/: who may see it, its five blocks, its CSV files, its queries."""

from datetime import date, timedelta
from decimal import Decimal
from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meldpunt.constants import Bekend, MelderRol, WijkBron
from meldpunt.models import Melder, Melding
from monitoring.constants import Leeftijdsgroep
from monitoring.demo import seed_figures
from monitoring.models import Indicator, Observatie, Regio
from tests.aanbod.factories import ActiviteitFactory
from tests.coalitie.factories import LidmaatschapFactory
from tests.factories import UserFactory
from tests.monitoring.evaluatie_support import NOW, frozen
from tests.pijlers.factories import TellingFactory, VerhaalFactory
from wijken.models import Wijk

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

URL = "/monitoring/"
_numbers = count()


@pytest.fixture
def wijken(db):
    return {w.slug: w for w in Wijk.objects.all()}


@pytest.fixture
def kartrekker(client, kartrekker_user):
    client.force_login(kartrekker_user)
    return client


def get(client, params=None):
    with frozen():
        return client.get(URL, params or {})


def melding(wijk, created):
    m = Melding.objects.create(
        reference=f"HV-MON-{next(_numbers):05d}",
        wijk=wijk,
        wijk_source=WijkBron.GEKOZEN,
        person_knows=Bekend.JA,
        consent_at=created,
        created_at=created,
    )
    Melder.objects.create(melding=m, role=MelderRol.BEWONER)
    return m


def test_anonymous_visitors_go_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


@pytest.mark.parametrize(
    "fixture", ["coordinator_user", "buurtteam_user", "aanbieder_user", "resident_user"]
)
def test_other_roles_get_a_403_for_the_page_and_its_csv(client, request, fixture):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(URL).status_code == 403
    assert client.get("/monitoring/grafiek/wijken.csv").status_code == 403


@pytest.mark.parametrize("fixture", ["kartrekker_user", "kerngroep_user"])
def test_kartrekker_and_kerngroep_see_the_five_blocks(client, request, fixture):
    seed_figures()
    client.force_login(request.getfixturevalue(fixture))
    html = get(client).content.decode()
    for heading in (
        "1. Wijken vergeleken",
        "2. Door de jaren heen",
        "3. Nood en aanbod per wijk",
        "4. Tellen",
        "5. Vertellen",
    ):
        assert heading in html
    # Six charts; the reach targets have none without targets (its table says so).
    assert html.count('role="img"') == 5
    assert "Er zijn nog geen doelen voor het bereik ingevuld." in html
    assert '<form method="get" novalidate' in html


def test_wijken_are_compared_in_the_latest_year_with_wijk_figures_against_references(kartrekker):
    seed_figures()
    response = get(kartrekker)
    chart = response.context["charts"]["wijken"]
    assert chart["title"] == "Eenzaam per wijk, 2020, 18 jaar en ouder"
    assert chart["x_labels"][:2] == ["Centrum", "Hilversumse Meent"]
    # The programme has the reference figures of 2022 only: they carry their year.
    assert [s["name"] for s in chart["series"]] == [
        "Wijk (met 95%-interval)",
        "Hilversum (2022)",
        "GGD-regio Gooi en Vechtstreek (2022)",
        "Nederland (2022)",
    ]
    assert "Centrum heeft het hoogste aandeel (52,4%)" in chart["description"]
    html = response.content.decode()
    assert "<td>52,4</td>" in html and "<td>49,4</td>" in html


def test_intervals_and_references_of_the_same_year_are_used_when_there(kartrekker):
    seed_figures()
    eenzaam = Indicator.objects.get(code="eenzaam")
    centrum = Regio.objects.get(code="WK040201")
    hilversum = Regio.objects.get(code="GM0402")
    for regio, value in ((centrum, "55.0"), (hilversum, "50.0")):
        Observatie.objects.create(
            regio=regio,
            indicator=eenzaam,
            year=2024,
            age_group=Leeftijdsgroep.VANAF_18,
            value=Decimal(value),
            lower=Decimal(value) - 2,
            upper=Decimal(value) + 2,
            source="test",
        )
    chart = get(kartrekker, {"jaar": "2024"}).context["charts"]["wijken"]
    assert chart["series"][0]["values"] == [{"value": 55.0, "low": 53.0, "high": 57.0}]
    assert chart["series"][1]["name"] == "Hilversum"


def test_filters_choose_indicator_year_and_age_group(kartrekker):
    seed_figures()
    response = get(kartrekker, {"indicator": "sterk-eenzaam", "jaar": "2020", "leeftijd": "18+"})
    assert response.context["charts"]["wijken"]["title"].startswith("Sterk eenzaam per wijk, 2020")
    trend = get(kartrekker, {"indicator": "sociaal-eenzaam", "leeftijd": "65+"}).context["charts"]
    assert trend["trend"]["rows"] == [[2022, 40.2, 35.3]]


def test_an_unknown_filter_value_shows_the_default_with_a_notice(kartrekker):
    seed_figures()
    response = get(kartrekker, {"indicator": "<script>", "jaar": "abc", "leeftijd": "99"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Een van de keuzes ken ik niet" in html
    assert response.context["charts"]["wijken"]["title"].startswith("Eenzaam per wijk, 2020")
    assert "<script>" not in html.split("<main", 1)[1].split("</main>")[0].replace(
        "<script src", ""
    )


def test_without_any_figures_the_page_says_so(kartrekker):
    html = get(kartrekker).content.decode()
    assert "Er zijn geen cijfers per wijk voor deze keuze." in html
    assert "Er zijn geen cijfers per wijk over sterke eenzaamheid." in html


def test_wijken_with_high_need_and_little_supply_stand_out_in_text_and_colour(kartrekker, wijken):
    seed_figures()
    # Strongly lonely, 2020: above the middle (10,5%) are Centrum, Noordoost, Oost, Zuidwest.
    plan = {"noordoost": 3, "zuidwest": 3, "hilversumse-meent": 1, "landelijk-gebied": 1}
    plan |= {"noordwest": 1, "zuid": 1, "zuidoost": 1}
    for slug, n in plan.items():
        for _ in range(n):
            ActiviteitFactory(assured_at=NOW - timedelta(days=10)).wijken.add(wijken[slug])
    response = get(kartrekker)
    chart = response.context["charts"]["nood_aanbod"]
    assert chart["flagged"] == ["Centrum", "Oost"]
    assert chart["description"].startswith("Hoge nood en weinig aanbod: Centrum, Oost.")
    html = response.content.decode()
    assert "in Centrum, Oost is de nood hoog en het aanbod klein" in html
    assert html.count('class="rij-let-op"') == 2
    centrum = next(row for row in chart["rows"] if row[0] == "Centrum")
    assert centrum == ["Centrum", 13.0, 0, 0, 0, True]


def test_activities_for_all_of_hilversum_count_for_every_wijk(kartrekker, wijken):
    seed_figures()
    ActiviteitFactory(heel_hilversum=True, assured_at=NOW)
    ActiviteitFactory(assured_at=NOW).wijken.add(wijken["oost"])
    # Not public: no longer confirmed for over a year.
    ActiviteitFactory(assured_at=NOW - timedelta(days=400)).wijken.add(wijken["oost"])
    rows = get(kartrekker).context["charts"]["nood_aanbod"]["rows"]
    oost = next(row for row in rows if row[0] == "Oost")
    assert oost[2:5] == [1, 1, 2]


def test_meldingen_under_five_are_hidden_in_page_and_csv(kartrekker, wijken):
    day = NOW - timedelta(days=2)
    for _ in range(6):
        melding(wijken["centrum"], day)
    for _ in range(3):
        melding(wijken["noordoost"], day)
    response = get(kartrekker)
    rows = {row[0]: row for row in response.context["charts"]["meldingen"]["rows"]}
    assert rows["Centrum"][-1] == 6
    assert rows["Noordoost"][-1] == "minder dan 5"
    assert rows["Oost"][-1] == 0
    assert response.context["charts"]["meldingen"]["columns"] == [
        "Wijk",
        "2025-H1",
        "2025-H2",
        "2026-H1",
        "2026-H2",
    ]
    with frozen():
        csv = kartrekker.get("/monitoring/grafiek/meldingen.csv").content.decode("utf-8-sig")
    assert "Noordoost;0;0;0;minder dan 5" in csv.splitlines()
    assert "\r\nCentrum;0;0;0;6\r\n" in csv


def test_freshness_of_the_sociale_kaart_is_counted(kartrekker):
    for days in (10, 100, 190, 250, 400):
        ActiviteitFactory(assured_at=NOW - timedelta(days=days))
    ActiviteitFactory(assured_at=None)
    response = get(kartrekker)
    assert [row[1] for row in response.context["charts"]["versheid"]["rows"]] == [2, 1, 1, 1, 1]
    assert response.context["data"].aanbod["public"] == 4


def test_coalition_reach_targets_and_only_stories_with_consent(kartrekker):
    LidmaatschapFactory(role="kerngroep")
    LidmaatschapFactory(role="kerngroep")
    LidmaatschapFactory(role="schilpartner", since=date(2027, 1, 1))  # not yet
    TellingFactory(metric="Deelnemers aan de training", target=120, achieved=60)
    VerhaalFactory(title="Weer onder de mensen", consent=True)
    VerhaalFactory(title="Alleen voor de werkruimte", consent=False)
    response = get(kartrekker)
    html = response.content.decode()
    coalitie = dict(response.context["data"].coalitie["rows"])
    assert coalitie["Kerngroep"] == 2 and coalitie["Schilpartner"] == 0
    bereik = response.context["charts"]["bereik"]
    assert bereik["rows"][0][2:] == [
        "Deelnemers aan de training",
        "2026",
        120,
        60,
        "deelnemers",
        50,
    ]
    assert "Weer onder de mensen" in html
    assert "Alleen voor de werkruimte" not in html


def test_csv_of_a_chart_has_the_filters_of_the_page(kartrekker):
    seed_figures()
    page = get(kartrekker, {"indicator": "sterk-eenzaam"})
    link = page.context["csv_urls"]["wijken"]
    assert link == "/monitoring/grafiek/wijken.csv?indicator=sterk-eenzaam"
    assert link.replace("&", "&amp;") in page.content.decode()
    with frozen():
        response = kartrekker.get(link)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="eenzaamheid-wijken.csv"' in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "Gebied;Soort gebied;Jaar;Waarde (%);Ondergrens 95%-interval;Bovengrens 95%-interval"
    )
    assert "Centrum;Wijk;2020;13;;" in lines
    assert "Hilversum;Gemeente;2022;13,4;;" in lines


def test_an_unknown_chart_has_no_csv(kartrekker):
    with frozen():
        assert kartrekker.get("/monitoring/grafiek/bestaat-niet.csv").status_code == 404


def test_charts_on_the_page_use_the_static_stylesheet_and_no_inline_style(kartrekker):
    seed_figures()
    html = get(kartrekker).content.decode()
    assert "/static/monitoring/charts.css" in html
    main = html.split("<main", 1)[1].split("</main>")[0]
    assert "<style" not in main and " style=" not in main
    assert "<script" not in main


def _fill(years: range, rows_elsewhere: int, wijken) -> None:
    """Observations for these years in every area, and many rows in the other apps."""
    seed_figures()
    indicator = Indicator.objects.get(code="eenzaam")
    regions = list(Regio.objects.exclude(niveau="buurt"))
    Observatie.objects.bulk_create(
        Observatie(
            regio=regio,
            indicator=indicator,
            year=year,
            age_group=Leeftijdsgroep.VANAF_18,
            value=Decimal(year - 1970),
            source="test",
        )
        for year in years
        for regio in regions
    )
    wijk_list = list(wijken.values())
    for n in range(rows_elsewhere):
        ActiviteitFactory(assured_at=NOW - timedelta(days=n * 20)).wijken.add(
            wijk_list[n % len(wijk_list)]
        )
        melding(wijk_list[n % len(wijk_list)], NOW - timedelta(days=n * 15))
        TellingFactory()
        VerhaalFactory()
        LidmaatschapFactory()


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert get(client).status_code == 200
    return len(queries)


def test_query_count_is_the_same_for_one_year_and_ten_years_of_data(
    client, kartrekker_user, wijken
):
    client.force_login(kartrekker_user)
    _fill(range(2010, 2011), 2, wijken)
    small = _queries(client)
    _fill(range(2011, 2020), 30, wijken)
    large = _queries(client)
    assert small == large, (small, large)
    # session, user, groups; indicators, years (the form), the chosen figures, the need
    # figures, wijken, activities per wijk and for all of Hilversum; meldpunt: wijken,
    # meldingen, referrals; freshness; reach targets; coalition: memberships, ambassadors,
    # trainings, meetings; stories.
    assert large <= 20


def test_a_superuser_sees_the_page_within_the_same_budget(client):
    seed_figures()
    client.force_login(UserFactory(is_superuser=True))
    assert _queries(client) <= 20
