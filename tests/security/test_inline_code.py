"""No template carries inline script or style: the Content-Security-Policy would block it.

Scripts and styles live in static files (app/static/app/…). The browser test
tests/e2e/test_csp.py checks the rendered pages; this check finds a new inline `style=""`
before anyone opens the page.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]
INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>"  # a script element without src
    r"|<style\b"  # a style element
    r"|\sstyle\s*=\s*[\"']"  # a style attribute
    r"|\son[a-z]+\s*=\s*[\"']",  # an event handler attribute (onclick="…")
    re.IGNORECASE,
)
# Rendered only into PDFs by WeasyPrint (never served to a browser, so no CSP applies there):
# their @page rules need the translated page footer in the document itself.
PDF_ONLY = {
    "aanbod/templates/aanbod/folder.html",
    "monitoring/templates/monitoring/rapport/evaluatie.html",
}

pytestmark = pytest.mark.sqlite


def templates() -> list[Path]:
    return sorted(
        path
        for directory in TEMPLATE_DIRS
        if ".venv" not in directory.parts
        for path in directory.rglob("*.html")
    )


def test_no_template_has_inline_script_style_or_event_handlers():
    found = []
    for path in templates():
        name = str(path.relative_to(ROOT))
        if name in PDF_ONLY:
            continue
        text = path.read_text(encoding="utf-8")
        for match in INLINE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{name}:{line}: {match.group(0).strip()}")
    assert not found, "inline code the CSP blocks; move it to a static file:\n" + "\n".join(found)


def test_pdf_only_templates_are_not_rendered_for_browsers():
    """The exemption above holds only while these templates are WeasyPrint's alone."""
    users = {
        "aanbod/folder.html": ROOT / "aanbod" / "folder.py",
        "monitoring/rapport/evaluatie.html": ROOT / "monitoring" / "rapport.py",
    }
    apps = [path.parent for path in ROOT.glob("*/apps.py")]
    sources = [path for app in apps for path in app.rglob("*.py")]
    for template, module in users.items():
        for path in sources:
            if path != module:
                assert template not in path.read_text(encoding="utf-8"), f"{path} uses {template}"


def test_htmx_adds_no_style_element_and_evaluates_no_code():
    base = (ROOT / "templates" / "base.html").read_text(encoding="utf-8")
    config = re.search(r'<meta name="htmx-config" content=\'([^\']*)\'>', base)
    assert config, "base.html must configure htmx for the CSP"
    assert '"includeIndicatorStyles":false' in config.group(1)
    assert '"allowEval":false' in config.group(1)
