"""The evaluation as PDF: its contents, versions, the final version that never changes, the
task, the status page and the command."""

import hashlib
import subprocess
from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from hilversum_eenzaamheid.pdf import static_files_fetcher
from monitoring import tasks
from monitoring.constants import EvaluatieStatus, RapportStatus
from monitoring.demo import seed_figures
from monitoring.models import EvaluatieRapport
from monitoring.rapport import PDF_BASE_URL, rapport_html, rapport_render, rapporten_waiting
from monitoring.services_evaluatie import beoordeling_save, rapport_request
from tests.monitoring.evaluatie_support import frozen, make_evaluatie, member, vaststellen
from tests.pijlers.factories import VerhaalFactory

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

FAKE_PDF = b"%PDF-1.7\n% proef\n"


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_info(data: bytes, tmp_path) -> str:
    path = tmp_path / "info.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout


def stored(rapport) -> bytes:
    with rapport.file.open("rb") as stream:
        return stream.read()


@pytest.fixture
def fake_pdf():
    """WeasyPrint is slow; most tests are about what happens around it."""
    with mock.patch("monitoring.rapport.render_pdf", return_value=FAKE_PDF) as render:
        yield render


def test_the_pdf_has_title_contents_every_section_and_is_tagged(kartrekker_user, tmp_path):
    seed_figures()
    evaluatie = make_evaluatie("2025-H1")
    beoordeling_save(
        evaluatie=evaluatie, user=member("lid", "Senver"), resultaten=8, proces=7, samenwerking=9
    )
    VerhaalFactory(title="Weer onder de mensen", consent=True)
    with frozen():
        rapport = rapport_request(evaluatie=evaluatie, queue=False)
        rapport = rapport_render(rapport_id=rapport.pk)
    assert rapport.status == RapportStatus.KLAAR
    data = stored(rapport)
    text = pdf_text(data, tmp_path)
    assert "Halfjaarlijkse evaluatie aanpak" in text and "eenzaamheid 2025-H1" in text
    for section in (
        "Inhoud",
        "Samenvatting",
        "Beoordeling per criterium",
        "Cijfers over eenzaamheid",
        "Voortgang per pijler",
        "Mijlpalen van dit half jaar",
        "Bereik (tellen)",
        "Meldpunt eenzaamheid",
        "Sociale kaart en coalitie",
        "Financiën",
        "Cijfers van de kerngroep",
        "Verhalen (vertellen)",
        "Lessen voor de toekomst",
        "Eenzaam per wijk, 2020, 18 jaar en ouder",
        "Concept: dit is nog niet de vastgestelde evaluatie.",
    ):
        assert section in text, section
    info = pdf_info(data, tmp_path)
    assert "Tagged:          yes" in info
    assert "Title:           Halfjaarlijkse evaluatie aanpak eenzaamheid 2025-H1" in info
    # The SVG charts are drawn, not printed as text (their styles stay inside them).
    assert ".chart-svg" not in text and "#chart-" not in text
    assert len(data) == rapport.size
    assert rapport.sha256 == hashlib.sha256(data).hexdigest()


def test_an_evaluation_without_any_data_still_renders_and_says_what_is_missing(tmp_path):
    evaluatie = make_evaluatie("2024-H2", with_texts=False)
    with frozen():
        rapport = rapport_render(rapport_id=rapport_request(evaluatie=evaluatie, queue=False).pk)
    text = pdf_text(stored(rapport), tmp_path)
    assert "Wat ontbreekt nog" in text
    assert "De kartrekker heeft nog niets geschreven bij: Relevantie" in text
    assert "Nog niet ingevuld." in text
    assert "Er zijn nog geen uitgaven ingevoerd voor 2024." in text


def test_the_report_html_has_no_remote_resource_and_its_charts_carry_their_styles():
    seed_figures()
    with frozen():
        html = rapport_html(make_evaluatie())
    assert 'lang="nl"' in html and '<meta charset="utf-8">' in html
    assert 'href="/static/monitoring/rapport.css"' in html
    assert "<script" not in html
    assert "https://" not in html and "http://" not in html.replace(
        "http://www.w3.org/2000/svg", ""
    )
    assert html.count("<svg ") == html.count('<style type="text/css">')


@pytest.mark.parametrize(
    "address",
    [
        "https://fonts.googleapis.com/css?family=Roboto",
        "http://example.org/logo.png",
        "file:///etc/passwd",
        "https://rapport.invalid/static/../../settings.py",
        "https://rapport.invalid/media/monitoring/evaluaties/x.pdf",
    ],
)
def test_the_url_fetcher_refuses_anything_but_the_portals_static_files(address):
    with pytest.raises(ValueError):
        static_files_fetcher(PDF_BASE_URL).fetch(address)


def test_the_url_fetcher_serves_the_reports_stylesheet():
    response = static_files_fetcher(PDF_BASE_URL).fetch(
        "https://rapport.invalid/static/monitoring/rapport.css"
    )
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


def test_every_request_for_a_concept_makes_a_new_version(
    fake_pdf, client, kerngroep_user, django_capture_on_commit_callbacks
):
    evaluatie = make_evaluatie()
    client.force_login(kerngroep_user)
    with frozen():
        with django_capture_on_commit_callbacks(execute=True):
            first = client.post("/monitoring/evaluaties/2025-H1/pdf/")
        with django_capture_on_commit_callbacks(execute=True):
            second = client.post("/monitoring/evaluaties/2025-H1/pdf/")
    assert first["Location"] == "/monitoring/evaluaties/2025-H1/pdf/1/"
    assert second["Location"] == "/monitoring/evaluaties/2025-H1/pdf/2/"
    # No broker in tests: eager Celery made them right after the commit.
    assert [r.status for r in evaluatie.rapporten.order_by("version")] == ["klaar", "klaar"]
    assert fake_pdf.call_count == 2
    download = client.get("/monitoring/evaluaties/2025-H1/pdf/2/download/")
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == FAKE_PDF
    assert "evaluatie-eenzaamheid-2025-H1-versie-2.pdf" in download["Content-Disposition"]
    status = client.get("/monitoring/evaluaties/2025-H1/pdf/2/").content.decode()
    assert "Download de pdf" in status and 'http-equiv="refresh"' not in status


def test_a_vastgestelde_evaluation_has_one_pdf_that_never_changes(
    kartrekker_user, client, django_capture_on_commit_callbacks
):
    evaluatie = make_evaluatie()
    client.force_login(kartrekker_user)
    renders = mock.patch(
        "monitoring.rapport.render_pdf", side_effect=[b"%PDF eerste", b"%PDF tweede"]
    )
    with renders, frozen():
        for to in (EvaluatieStatus.IN_BESPREKING, EvaluatieStatus.VASTGESTELD):
            with django_capture_on_commit_callbacks(execute=True):
                client.post("/monitoring/evaluaties/2025-H1/status/", {"naar": to})
        final = evaluatie.rapporten.get()
        assert final.final and final.status == RapportStatus.KLAAR
        sha = final.sha256
        # Asking again, by page, by task or by service, returns that same file.
        with django_capture_on_commit_callbacks(execute=True):
            again = client.post("/monitoring/evaluaties/2025-H1/pdf/")
        tasks.render_rapport(final.pk)
        with django_capture_on_commit_callbacks(execute=True):
            rapport_request(evaluatie=evaluatie)
    assert again["Location"] == f"/monitoring/evaluaties/2025-H1/pdf/{final.version}/"
    final.refresh_from_db()
    assert evaluatie.rapporten.count() == 1
    assert final.sha256 == sha and stored(final) == b"%PDF eerste"


def test_the_database_refuses_a_second_final_version():
    from django.db import IntegrityError, transaction

    evaluatie = make_evaluatie()
    EvaluatieRapport.objects.create(evaluatie=evaluatie, version=1, final=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        EvaluatieRapport.objects.create(evaluatie=evaluatie, version=2, final=True)


def test_the_task_takes_an_id_and_does_nothing_the_second_time(fake_pdf):
    evaluatie = make_evaluatie()
    rapport = rapport_request(evaluatie=evaluatie, queue=False)
    assert tasks.render_rapport(rapport.pk) == RapportStatus.KLAAR
    assert tasks.render_rapport(rapport.pk) == RapportStatus.KLAAR
    assert fake_pdf.call_count == 1
    assert tasks.render_rapport(999999) is None


def test_a_version_another_worker_is_making_is_left_alone(fake_pdf):
    rapport = rapport_request(evaluatie=make_evaluatie(), queue=False)
    EvaluatieRapport.objects.filter(pk=rapport.pk).update(
        status=RapportStatus.BEZIG, started_at=timezone.now()
    )
    tasks.render_rapport(rapport.pk)
    assert fake_pdf.call_count == 0


def test_a_failing_render_is_reported_and_a_final_one_can_be_asked_for_again(kartrekker_user):
    evaluatie = vaststellen(make_evaluatie(), kartrekker_user)
    final = evaluatie.rapporten.get()
    with mock.patch("monitoring.rapport.render_pdf", side_effect=RuntimeError("stuk")):
        tasks.render_rapport(final.pk)
    final.refresh_from_db()
    assert final.status == RapportStatus.MISLUKT
    assert "Het maken van de pdf is mislukt." in final.message
    with mock.patch("monitoring.rapport.render_pdf", return_value=FAKE_PDF):
        again = rapport_request(evaluatie=evaluatie, queue=False)
        rapport_render(rapport_id=again.pk)
    again.refresh_from_db()
    assert again.pk == final.pk and again.status == RapportStatus.KLAAR


def test_versions_nobody_works_on_are_queued_again():
    evaluatie = make_evaluatie()
    now = timezone.now()
    old = EvaluatieRapport.objects.create(
        evaluatie=evaluatie, version=1, created_at=now - timedelta(minutes=10)
    )
    EvaluatieRapport.objects.create(evaluatie=evaluatie, version=2, created_at=now)
    stale = EvaluatieRapport.objects.create(
        evaluatie=evaluatie,
        version=3,
        status=RapportStatus.BEZIG,
        started_at=now - timedelta(hours=1),
    )
    assert rapporten_waiting(now=now) == [old.pk, stale.pk]
    with mock.patch("monitoring.tasks.render_rapport.delay") as delay:
        assert tasks.run_waiting_rapporten() == 2
    assert delay.call_count == 2


def test_a_broker_that_is_down_leaves_the_version_waiting(
    client, kartrekker_user, django_capture_on_commit_callbacks
):
    make_evaluatie()
    client.force_login(kartrekker_user)
    with (
        mock.patch("monitoring.tasks.render_rapport.delay", side_effect=OSError("broker weg")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post("/monitoring/evaluaties/2025-H1/pdf/", follow=True)
    html = response.content.decode()
    assert "De pdf staat in de wachtrij en wordt zo gemaakt." in html
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in html
    assert 'hx-get="/monitoring/evaluaties/2025-H1/pdf/1/"' in html
    assert "?verversen=uit" in html
    stopped = client.get("/monitoring/evaluaties/2025-H1/pdf/1/?verversen=uit").content.decode()
    assert 'http-equiv="refresh"' not in stopped


def test_htmx_gets_the_progress_only_and_polling_stops_when_ready(client, kerngroep_user):
    evaluatie = make_evaluatie()
    rapport = EvaluatieRapport.objects.create(evaluatie=evaluatie, version=1)
    client.force_login(kerngroep_user)
    page = "/monitoring/evaluaties/2025-H1/pdf/1/"
    running = client.get(page, headers={"HX-Request": "true"})
    assert running.status_code == 200 and "<h1" not in running.content.decode()
    EvaluatieRapport.objects.filter(pk=rapport.pk).update(status=RapportStatus.KLAAR)
    done = client.get(page, headers={"HX-Request": "true"})
    assert done.status_code == 286
    assert "De pdf is afgerond: Klaar." in done.content.decode()


def test_unknown_or_unfinished_versions_have_no_download(client, kerngroep_user):
    evaluatie = make_evaluatie()
    EvaluatieRapport.objects.create(evaluatie=evaluatie, version=1)
    client.force_login(kerngroep_user)
    assert client.get("/monitoring/evaluaties/2025-H1/pdf/1/download/").status_code == 404
    assert client.get("/monitoring/evaluaties/2025-H1/pdf/9/").status_code == 404
    assert client.post("/monitoring/evaluaties/2030-H1/pdf/").status_code == 404


def test_the_command_writes_the_pdf_and_stores_it_as_a_version(fake_pdf, tmp_path, capsys):
    make_evaluatie("2025-H1")
    target = tmp_path / "evaluatie.pdf"
    call_command("render_evaluation", "2025-H1", "-o", str(target))
    assert target.read_bytes() == FAKE_PDF
    assert "Versie 1 geschreven naar" in capsys.readouterr().out
    call_command("render_evaluation", "2025-H1", "--output", str(target))
    assert EvaluatieRapport.objects.count() == 2


@pytest.mark.parametrize(
    ("period", "message"),
    [("2030-H1", "Er is geen evaluatie voor 2030-H1."), ("2025-Q1", "zoals 2025-H1")],
)
def test_the_command_explains_a_wrong_period(tmp_path, period, message):
    make_evaluatie("2025-H1")
    with pytest.raises(CommandError, match=message):
        call_command("render_evaluation", period, "-o", str(tmp_path / "x.pdf"))


def test_the_command_refuses_a_folder_that_does_not_exist(tmp_path):
    make_evaluatie("2025-H1")
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("render_evaluation", "2025-H1", "-o", str(tmp_path / "nee" / "x.pdf"))
