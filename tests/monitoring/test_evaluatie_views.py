"""The evaluation pages: who may do what, forms in Dutch, a fixed number of queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from monitoring.constants import EvaluatieStatus
from monitoring.models import Beoordeling, Evaluatie, Uitgave
from monitoring.services_evaluatie import beoordeling_save
from pijlers.models import Actie
from tests.monitoring.evaluatie_support import frozen, make_evaluatie, member, texts, vaststellen

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

LIST = "/monitoring/evaluaties/"


def url(period="2025-H1", part=""):
    return f"/monitoring/evaluaties/{period}/{part}"


@pytest.fixture
def as_kartrekker(client, kartrekker_user):
    client.force_login(kartrekker_user)
    return client


@pytest.fixture
def as_kerngroep(client, kerngroep_user):
    client.force_login(kerngroep_user)
    return client


def test_anonymous_visitors_go_to_the_login_page(client):
    make_evaluatie()
    for path in (LIST, url(), url(part="beoordeling/"), "/monitoring/uitgaven/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


@pytest.mark.parametrize("fixture", ["coordinator_user", "buurtteam_user", "aanbieder_user"])
def test_other_roles_get_a_403_everywhere(client, request, fixture):
    make_evaluatie()
    client.force_login(request.getfixturevalue(fixture))
    for path in (LIST, url(), url(part="beoordeling/"), url(part="grafiek/scores.csv")):
        assert client.get(path).status_code == 403, path
    assert client.post(url(part="status/"), {"naar": "in-bespreking"}).status_code == 403
    assert client.post(url(part="pdf/")).status_code == 403


def test_kerngroep_reads_but_does_not_create_write_or_move(as_kerngroep):
    evaluatie = make_evaluatie()
    with frozen():
        page = as_kerngroep.get(url()).content.decode()
        assert as_kerngroep.get(LIST).context["form"] is None
        assert as_kerngroep.post(LIST, {"period": "2025-H2"}).status_code == 403
        assert as_kerngroep.get(url(part="teksten/")).status_code == 403
        response = as_kerngroep.post(url(part="status/"), {"naar": "in-bespreking"})
    assert response.status_code == 403
    assert "Naar de kerngroep: in bespreking" not in page
    assert "Uw cijfers geven" in page
    evaluatie.refresh_from_db()
    assert evaluatie.status == EvaluatieStatus.CONCEPT


def test_kartrekker_creates_an_evaluation_for_a_half_year(as_kartrekker):
    with frozen():
        form = as_kartrekker.get(LIST).context["form"]
        choices = [value for value, _label in form.fields["period"].choices]
        assert choices[:2] == ["2027-H1", "2026-H2"] and choices[-1] == "2024-H1"
        response = as_kartrekker.post(LIST, {"period": "2025-H1"})
    assert response.status_code == 302 and response["Location"] == url()
    assert Evaluatie.objects.get().status == EvaluatieStatus.CONCEPT


@pytest.mark.parametrize("period", ["2025-H1", "2031-H1", "<script>", ""])
def test_a_half_year_that_exists_or_is_not_offered_is_refused_with_a_message(as_kartrekker, period):
    make_evaluatie("2025-H1")
    with frozen():
        response = as_kartrekker.post(LIST, {"period": period})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="foutmeldingen"' in html
    assert "Kies een half jaar" in html
    assert Evaluatie.objects.count() == 1


def test_kartrekker_writes_texts_and_moves_the_status(as_kartrekker):
    evaluatie = make_evaluatie(with_texts=False)
    with frozen():
        form_page = as_kartrekker.get(url(part="teksten/")).content.decode()
        assert "Nodig om de evaluatie vast te stellen." in form_page
        assert "Samenvatting (niet verplicht)" in form_page
        as_kartrekker.post(url(part="teksten/"), texts(relevantie="  Past bij de praktijk. "))
        as_kartrekker.post(url(part="status/"), {"naar": "in-bespreking"})
        response = as_kartrekker.post(url(part="status/"), {"naar": "vastgesteld"}, follow=True)
    evaluatie.refresh_from_db()
    assert evaluatie.relevantie == "Past bij de praktijk."
    assert evaluatie.status == EvaluatieStatus.VASTGESTELD and evaluatie.snapshot
    assert "De evaluatie staat nu op ‘Vastgesteld’." in response.content.decode()
    # The texts page of a decided evaluation sends you back with a message.
    with frozen():
        again = as_kartrekker.get(url(part="teksten/"), follow=True).content.decode()
    assert "Daarna verandert er niets meer aan." in again


def test_a_refused_move_shows_why(as_kartrekker):
    make_evaluatie(status=EvaluatieStatus.IN_BESPREKING, lessen="")
    with frozen():
        response = as_kartrekker.post(url(part="status/"), {"naar": "vastgesteld"}, follow=True)
        nonsense = as_kartrekker.post(url(part="status/"), {"naar": "weg"}, follow=True)
    assert "Schrijf eerst iets bij: Lessen voor de toekomst." in response.content.decode()
    assert "kan een evaluatie niet naar ‘weg’" in nonsense.content.decode()
    assert Evaluatie.objects.get().status == EvaluatieStatus.IN_BESPREKING


def test_kerngroep_member_scores_and_changes_the_scores(as_kerngroep, kerngroep_user):
    make_evaluatie()
    with frozen():
        response = as_kerngroep.post(
            url(part="beoordeling/"),
            {"resultaten": "7", "proces": "8", "samenwerking": "9", "comment": "Goed"},
        )
        assert response.status_code == 302
        page = as_kerngroep.get(url(part="beoordeling/")).content.decode()
        assert 'value="8"' in page and "U gaf al cijfers." in page
        as_kerngroep.post(
            url(part="beoordeling/"), {"resultaten": "6", "proces": "8", "samenwerking": "9"}
        )
    beoordeling = Beoordeling.objects.get()
    assert beoordeling.user == kerngroep_user and beoordeling.resultaten == 6
    assert beoordeling.organisatie_name == "Versa Welzijn"


@pytest.mark.parametrize("bad", ["0", "11", "7,5", "zeven", ""])
def test_a_score_outside_1_to_10_is_refused_in_dutch_and_the_form_keeps_what_was_typed(
    as_kerngroep, bad
):
    make_evaluatie()
    with frozen():
        response = as_kerngroep.post(
            url(part="beoordeling/"),
            {"resultaten": bad, "proces": "8", "samenwerking": "9", "comment": "Mijn uitleg"},
        )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="foutmeldingen"' in html
    assert "Geef een cijfer van 1 tot en met 10." in html
    assert 'href="#id_resultaten"' in html
    assert "Mijn uitleg" in html and 'value="8"' in html
    assert not Beoordeling.objects.exists()


def test_scoring_is_for_kerngroep_members_and_stops_once_vastgesteld(
    client, kartrekker_user, kerngroep_user
):
    evaluatie = make_evaluatie()
    client.force_login(kartrekker_user)
    assert client.get(url(part="beoordeling/")).status_code == 403
    vaststellen(evaluatie, kartrekker_user)
    client.force_login(kerngroep_user)
    with frozen():
        response = client.post(
            url(part="beoordeling/"),
            {"resultaten": "7", "proces": "7", "samenwerking": "7"},
            follow=True,
        )
    assert "De cijfers liggen vast." in response.content.decode()
    assert not Beoordeling.objects.exists()


def test_the_page_shows_averages_against_the_norm_and_what_is_missing(as_kartrekker):
    evaluatie = make_evaluatie(with_texts=False)
    for name, score in (("a", 6), ("b", 9)):
        beoordeling_save(
            evaluatie=evaluatie,
            user=member(name, f"Org {name}"),
            resultaten=score,
            proces=7,
            samenwerking=8,
            comment=f"Uitleg {name}",
        )
    with frozen():
        html = as_kartrekker.get(url()).content.decode()
    assert "Wat ontbreekt nog" in html
    assert "De kartrekker heeft nog niets geschreven bij: Relevantie, Uitvoering" in html
    assert '<th scope="row">Resultaten</th><td>7,5</td><td>7</td><td>ja</td>' in html
    assert "Uitleg b" in html


def test_the_csv_of_an_evaluation_chart(as_kartrekker):
    evaluatie = make_evaluatie()
    beoordeling_save(
        evaluatie=evaluatie, user=member("a", "A"), resultaten=8, proces=6, samenwerking=7
    )
    with frozen():
        response = as_kartrekker.get(url(part="grafiek/scores.csv"))
        missing = as_kartrekker.get(url(part="grafiek/niets.csv"))
        unknown = as_kartrekker.get(url("2030-H1", "grafiek/scores.csv"))
    assert response["Content-Disposition"] == 'attachment; filename="evaluatie-2025-H1-scores.csv"'
    assert response.content.decode("utf-8-sig").splitlines() == [
        "Onderdeel;Gemiddeld cijfer;Norm;Norm gehaald",
        "Resultaten;8;7;ja",
        "Proces;6;7;nee",
        "Samenwerking;7;7;ja",
    ]
    assert missing.status_code == 404 and unknown.status_code == 404


def _detail_queries(client) -> int:
    with frozen(), CaptureQueriesContext(connection) as queries:
        assert client.get(url()).status_code == 200
    return len(queries)


def test_the_page_makes_a_fixed_number_of_queries(as_kartrekker):
    evaluatie = make_evaluatie()
    actie = Actie.objects.get(title="Realiseren van meldpunt")

    def add(n):
        for i in range(n):
            beoordeling_save(
                evaluatie=evaluatie,
                user=member(f"lid{n}-{i}", f"Org {n} {i}"),
                resultaten=7,
                proces=7,
                samenwerking=7,
            )
            Uitgave.objects.create(
                actie=actie,
                post="brede-spuk",
                date="2025-03-01",
                amount=Decimal(100 + i),
                description=f"Uitgave {n} {i}",
            )

    add(1)
    few = _detail_queries(as_kartrekker)
    add(12)
    assert _detail_queries(as_kartrekker) == few
    assert few <= 30


def test_a_vastgestelde_evaluation_reads_its_snapshot_not_the_other_apps(
    as_kartrekker, kartrekker_user
):
    vaststellen(make_evaluatie(), kartrekker_user)
    # session, user, groups; the evaluation, its score sets, its PDF versions (and who asked).
    assert _detail_queries(as_kartrekker) <= 7


def test_kartrekker_enters_spending_with_a_dutch_amount_and_date(as_kartrekker):
    actie = Actie.objects.get(title="Realiseren van meldpunt")
    data = {
        "actie": actie.pk,
        "post": "coalitieakkoord-eenzaamheid",
        "date": "15-03-2025",
        "amount": "1.250,50",
        "description": "Folders",
    }
    response = as_kartrekker.post("/monitoring/uitgaven/", data)
    assert response.status_code == 302
    uitgave = Uitgave.objects.get()
    assert (uitgave.amount, str(uitgave.date)) == (Decimal("1250.50"), "2025-03-15")
    page = as_kartrekker.get("/monitoring/uitgaven/").content.decode()
    assert "Folders" in page and "1.250,50" in page
    as_kartrekker.post(f"/monitoring/uitgaven/{uitgave.pk}/verwijderen/")
    assert not Uitgave.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("amount", "-5", "Het bedrag moet meer dan 0 euro zijn."),
        ("amount", "veel", "Vul een bedrag in zoals 1250,50."),
        ("date", "31-02-2025", "Vul een datum in zoals 15-03-2025."),
        ("actie", "999999", "Kies een actie uit de lijst."),
        ("post", "potje", "Kies een begrotingspost uit de lijst."),
    ],
)
def test_bad_spending_input_is_refused_with_a_message(as_kartrekker, field, value, message):
    actie = Actie.objects.get(title="Realiseren van meldpunt")
    data = {
        "actie": actie.pk,
        "post": "brede-spuk",
        "date": "15-03-2025",
        "amount": "10",
        "description": "Iets",
    }
    data[field] = value
    html = as_kartrekker.post("/monitoring/uitgaven/", data).content.decode()
    assert message in html and 'id="foutmeldingen"' in html
    assert not Uitgave.objects.exists()


def test_spending_is_for_the_kartrekker_only(as_kerngroep):
    assert as_kerngroep.get("/monitoring/uitgaven/").status_code == 403


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1.250,50", "1250.50"),
        ("12.50", "12.50"),
        ("1.250", "1250"),
        ("€ 75", "75"),
        ("75,5", "75.5"),
    ],
)
def test_amounts_are_read_the_dutch_way(typed, amount):
    from monitoring.forms_evaluatie import dutch_amount

    assert Decimal(dutch_amount(typed)) == Decimal(amount)


def _queries(client, path) -> int:
    with frozen(), CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_list_of_evaluations_and_of_spending_take_a_fixed_number_of_queries(as_kartrekker):
    actie = Actie.objects.get(title="Realiseren van meldpunt")

    def add(periods, n):
        for period in periods:
            make_evaluatie(period)
        for i in range(n):
            Uitgave.objects.create(
                actie=actie,
                post="brede-spuk",
                date="2025-03-01",
                amount=Decimal(10 + i),
                description=f"Uitgave {i}",
            )

    add(["2024-H2"], 1)
    few = (_queries(as_kartrekker, LIST), _queries(as_kartrekker, "/monitoring/uitgaven/"))
    add(["2025-H1", "2025-H2", "2026-H1"], 15)
    many = (_queries(as_kartrekker, LIST), _queries(as_kartrekker, "/monitoring/uitgaven/"))
    assert few == many
    # session, user, groups; evaluations with their counts | budget, spending per year and
    # line, spending rows with action, pillar and who entered them, the actions of the form.
    assert many[0] <= 4 and many[1] <= 7
