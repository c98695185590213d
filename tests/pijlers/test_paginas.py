"""The editable information pages: sanitised Markdown, a history of versions, never empty."""

import re

import pytest
from django.urls import Resolver404, resolve, reverse

from pijlers.constants import PaginaSlug
from pijlers.defaults import EENZAAMHEID_BODY
from pijlers.models import Pagina, PaginaVersie
from pijlers.tekst import render_markdown

EDIT = reverse("pijlers_werkruimte:pagina_wijzigen", args=["eenzaamheid"])
HISTORY = reverse("pijlers_werkruimte:pagina_geschiedenis", args=["eenzaamheid"])

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">klik</a>',
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](&#106;avascript:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="vbscript:msgbox(1)">klik</a>',
    '<iframe src="https://evil.example"></iframe>',
    "<style>body{display:none}</style>",
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p onmouseover="alert(1)">tekst</p>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<form action="https://evil.example"><input name="x"></form>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "<!-- <script>alert(1)</script> -->",
]


@pytest.mark.sqlite
@pytest.mark.parametrize("text", HOSTILE)
def test_no_script_or_raw_html_survives_the_sanitiser(text):
    html = render_markdown(f"Hallo\n\n{text}\n\nDoei").lower()
    for forbidden in [
        "<script",
        "javascript:",
        "vbscript:",
        "data:text",
        "onerror",
        "onload",
        "onmouseover",
        "<iframe",
        "<style",
        "<svg",
        "<form",
        "<input",
        "<object",
        "<embed",
        "<meta",
        "style=",
        "<div",
        "<img",
    ]:
        assert forbidden not in html, (text, html)
    assert "hallo" in html and "doei" in html


@pytest.mark.sqlite
def test_markdown_markup_stays_and_links_get_rel():
    html = render_markdown(
        "## Kop\n\n- **vet** en *schuin*\n\n[Luisterlijn](tel:+31880767000) "
        "[meldpunt](/meldpunt/) [site](https://www.hilversum.nl)"
    )
    assert "<h2>Kop</h2>" in html
    assert "<li><strong>vet</strong> en <em>schuin</em></li>" in html
    assert '<a href="tel:+31880767000" rel="noopener noreferrer">Luisterlijn</a>' in html
    assert '<a href="/meldpunt/" rel="noopener noreferrer">' in html
    assert '<a href="https://www.hilversum.nl" rel="noopener noreferrer">' in html


@pytest.mark.sqlite
def test_a_first_level_heading_becomes_second_level_so_the_page_keeps_one_h1():
    html = render_markdown("# Titel\n\nOndertitel\n==========\n\n<h1>ruw</h1>")
    assert "<h1" not in html
    assert html.count("<h2>") == 3


@pytest.mark.sqlite
def test_every_link_of_the_default_text_leads_to_a_page_of_the_portal():
    links = re.findall(r"\]\(([^)]+)\)", EENZAAMHEID_BODY)
    assert "tel:+31880767000" in links
    for link in links:
        if link.startswith("/"):
            try:
                resolve(link)
            except Resolver404:
                pytest.fail(f"{link} does not exist")


@pytest.mark.sqlite
def test_default_text_covers_what_the_programme_asks_for():
    body = EENZAAMHEID_BODY
    for part in [
        "Sociale eenzaamheid",
        "Emotionele eenzaamheid",
        "Existentiële eenzaamheid",
        "Hoe komt het?",
        "negatieve spiraal",
        "Wat kunt u zelf doen?",
        "Wat kunt u doen voor een ander?",
        "als professional",
        "088 0767 000",
        "huisarts",
        "meldpunt eenzaamheid",
        "sociale kaart",
    ]:
        assert part in body, part


@pytest.mark.sqlite
@pytest.mark.django_db
def test_kartrekker_changes_the_page_and_a_version_is_kept(client, kartrekker_user):
    client.force_login(kartrekker_user)
    response = client.post(EDIT, {"title": "Over eenzaamheid", "body": "## Nieuw\n\nKorte tekst."})
    assert response["Location"] == HISTORY
    html = client.get(reverse("eenzaamheid")).content.decode()
    assert "<h1>Over eenzaamheid</h1>" in html
    assert "<h2>Nieuw</h2>" in html
    versies = PaginaVersie.objects.filter(pagina__slug="eenzaamheid")
    assert versies.count() == 2
    newest = versies.first()
    assert (newest.author, newest.body) == (kartrekker_user, "## Nieuw\n\nKorte tekst.")
    history = client.get(HISTORY).content.decode()
    assert "door Test" in history
    assert "de eerste tekst" in history
    assert "Korte tekst." in history


@pytest.mark.sqlite
@pytest.mark.django_db
def test_hostile_text_is_stored_as_typed_but_never_shown_as_html(client, kartrekker_user):
    client.force_login(kartrekker_user)
    body = 'Hallo <script>alert("x")</script> [klik](javascript:alert(1))'
    client.post(EDIT, {"title": "Titel", "body": body})
    assert Pagina.objects.get(slug="eenzaamheid").body == body
    html = client.get(reverse("eenzaamheid")).content.decode()
    assert 'alert("x")' not in html
    assert "javascript:" not in html
    history = client.get(HISTORY).content.decode()
    assert "&lt;script&gt;" in history  # shown as text in the history
    assert "<script>alert" not in history


@pytest.mark.sqlite
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "body": "Tekst"}, "Vul de titel van de pagina in."),
        ({"title": "Titel", "body": ""}, "De pagina mag niet leeg zijn."),
        ({"title": "Titel", "body": "<script>x</script>"}, "Er blijft geen tekst over."),
        ({"title": "Titel", "body": "x" * 20001}, "niet meer dan 20000 tekens"),
    ],
)
def test_bad_page_input_gives_a_dutch_error_and_keeps_what_was_typed(
    client, kartrekker_user, data, message
):
    client.force_login(kartrekker_user)
    response = client.post(EDIT, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    if data["title"]:
        assert f'value="{data["title"]}"' in html
    assert PaginaVersie.objects.count() == 1


@pytest.mark.sqlite
@pytest.mark.django_db
def test_page_falls_back_to_the_default_text_when_its_row_is_missing(client, kartrekker_user):
    Pagina.objects.all().delete()
    html = client.get(reverse("eenzaamheid")).content.decode()
    assert "<h1>Wat is eenzaamheid?</h1>" in html
    assert "Drie soorten eenzaamheid" in html
    client.force_login(kartrekker_user)
    client.post(EDIT, {"title": "Wat is eenzaamheid?", "body": "Tekst."})
    pagina = Pagina.objects.get(slug=PaginaSlug.EENZAAMHEID)
    assert pagina.versies.count() == 1
