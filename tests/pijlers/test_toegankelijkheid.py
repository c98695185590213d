"""Issue #8: the accessibility statement says what was tested, from the tests' own facts."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from pijlers import toegankelijkheid

AXE_JS = Path(__file__).resolve().parents[1] / "e2e" / "vendor" / "axe.min.js"

pytestmark = pytest.mark.sqlite


def vendored_axe_version() -> str:
    first_line = AXE_JS.read_text(encoding="utf-8").split("\n", 1)[0]
    match = re.fullmatch(r"/\*! axe v(\d+\.\d+\.\d+)", first_line.strip())
    assert match, f"no version on the first line of {AXE_JS}: {first_line!r}"
    return match[1]


def statement(client) -> str:
    response = client.get(reverse("toegankelijkheid"))
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_stated_axe_version_is_the_vendored_one():
    assert vendored_axe_version() == toegankelijkheid.AXE_CORE_VERSION


def test_statement_names_the_axe_version_and_counts_the_pages_of_the_test_list(client, db):
    pages = {path for paths in toegankelijkheid.PAGES.values() for path in paths}
    public = set(toegankelijkheid.PAGES["anon"])
    errors = toegankelijkheid.ERROR_PAGES  # the 404 page for everyone, the 403 page for staff
    html = statement(client)
    assert (
        f"{len(pages) + len(errors)} pagina's met het programma axe-core, "
        f"versie {vendored_axe_version()}." in html
    )
    assert f"{len(public) + 1} pagina's voor iedereen en {len(pages - public) + 1} pagina's" in html
    english = len([path for path in public if path.startswith("/en/")])
    assert f"Van de Engelse website testen wij maar {english} pagina's." in html


def test_a_page_added_to_the_test_list_is_counted_at_once(client, db, monkeypatch):
    before = toegankelijkheid.pages_checked()
    kart = (*toegankelijkheid.PAGES["kart"], "/werkruimte/nieuwe-pagina/")
    monkeypatch.setitem(toegankelijkheid.PAGES, "kart", kart)
    html = statement(client)
    assert f"{before['total'] + 1} pagina's met het programma axe-core" in html
    assert f"en {before['staff'] + 1} pagina's voor medewerkers" in html


def test_statement_names_the_keyboard_journeys_the_browser_and_what_is_not_tested(client, db):
    html = statement(client)
    for journey in (
        "een activiteit zoeken, kiezen op wijk en dag, de activiteit openen en in uw agenda",
        "een melding doen over iemand anders, met een fout onderweg",
        "de zelftest doen en de uitslag bekijken",
    ):
        assert journey in html
    for tested_file in ("aanbod", "meldpunt", "zelftest"):
        assert (AXE_JS.parents[1] / f"test_keyboard_{tested_file}.py").exists()
    assert "Wij testen in de browser Chromium." in html
    assert "niet in de browsers Firefox en Safari" in html
    assert "voorleesprogramma, zoals NVDA, JAWS of VoiceOver" in html
