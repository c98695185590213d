"""Issue #8: a user-facing string without an English translation fails the suite.

scripts/messages.sh --check runs makemessages in a copy of each folder and compares what the
code asks for with the committed catalogues. The first test runs it on the portal; the others
run it on a small project in a temporary folder, to show each kind of gap is caught.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "messages.sh"

pytestmark = pytest.mark.skipif(
    shutil.which("msgfmt") is None and os.environ.get("REQUIRE_TEST_SERVICES") != "1",
    reason="gettext (msgfmt) is not installed; make test installs it",
)


def run_check(root: Path | None = None, catalogues: str | None = None, mode="--check"):
    env = {**os.environ}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if root is not None:
        env["MESSAGES_ROOT"] = str(root)
        env["MESSAGES_CATALOGUES"] = catalogues
    args = ["bash", str(SCRIPT)] + ([mode] if mode else [])
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)


def test_every_catalogue_of_the_portal_is_complete_and_up_to_date():
    result = run_check()
    assert result.returncode == 0, result.stdout + result.stderr


HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""


@pytest.fixture
def project(tmp_path):
    """An app `demo` with one template and a catalogue that translates it."""
    templates = tmp_path / "demo" / "templates" / "demo"
    templates.mkdir(parents=True)
    (templates / "page.html").write_text(
        '{% load i18n %}<h1>{% translate "Welkom" %}</h1>\n'
        "<p>{% blocktranslate %}U heeft {{ n }} meldingen.{% endblocktranslate %}</p>\n"
    )
    po = tmp_path / "demo" / "locale" / "en" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        HEADER + '\nmsgid "Welkom"\nmsgstr "Welcome"\n\n'
        '#, python-format\nmsgid "U heeft %(n)s meldingen."\nmsgstr "You have %(n)s reports."\n'
    )
    return tmp_path


def check(project):
    return run_check(project, "demo")


def test_a_complete_catalogue_passes(project):
    result = check(project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_new_string_in_a_template_fails_until_it_is_translated(project):
    page = project / "demo" / "templates" / "demo" / "page.html"
    page.write_text(page.read_text() + '<a href="/">{% translate "Terug naar home" %}</a>\n')
    result = check(project)
    assert result.returncode == 1
    assert 'niet in de catalogus: msgid "Terug naar home"' in result.stdout

    # The refresh adds it with an empty translation: still failing, now as "niet vertaald".
    assert run_check(project, "demo", mode=None).returncode == 0
    po = project / "demo" / "locale" / "en" / "LC_MESSAGES" / "django.po"
    assert 'msgid "Terug naar home"\nmsgstr ""' in po.read_text()
    result = check(project)
    assert result.returncode == 1
    assert 'niet vertaald: msgid "Terug naar home"' in result.stdout

    po.write_text(
        po.read_text().replace(
            'msgid "Terug naar home"\nmsgstr ""', 'msgid "Terug naar home"\nmsgstr "Back to home"'
        )
    )
    result = check(project)
    assert result.returncode == 0, result.stdout


def test_a_string_in_python_code_counts_too(project):
    (project / "demo" / "forms.py").write_text(
        "from django.utils.translation import gettext_lazy as _\n\nLABEL = _('Postcode')\n"
    )
    result = check(project)
    assert result.returncode == 1
    assert 'niet in de catalogus: msgid "Postcode"' in result.stdout


def test_a_fuzzy_translation_fails(project):
    po = project / "demo" / "locale" / "en" / "LC_MESSAGES" / "django.po"
    po.write_text(po.read_text().replace('msgid "Welkom"', '#, fuzzy\nmsgid "Welkom"'))
    result = check(project)
    assert result.returncode == 1
    assert 'fuzzy: msgid "Welkom"' in result.stdout


def test_a_translation_that_drops_a_placeholder_fails(project):
    po = project / "demo" / "locale" / "en" / "LC_MESSAGES" / "django.po"
    po.write_text(po.read_text().replace("You have %(n)s reports.", "You have reports."))
    result = check(project)
    assert result.returncode == 1
    assert "%(n)s" in result.stdout or "format" in result.stdout


def test_a_string_no_longer_in_the_code_fails_so_catalogues_stay_current(project):
    page = project / "demo" / "templates" / "demo" / "page.html"
    page.write_text(page.read_text().replace("Welkom", "Hallo"))
    result = check(project)
    assert result.returncode == 1
    assert 'niet meer in de code: msgid "Welkom"' in result.stdout
    assert 'niet in de catalogus: msgid "Hallo"' in result.stdout


def test_a_missing_catalogue_fails(project):
    shutil.rmtree(project / "demo" / "locale")
    result = check(project)
    assert result.returncode == 1
    assert "ontbreekt" in result.stdout
