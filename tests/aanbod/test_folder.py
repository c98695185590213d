import re
import zlib
from datetime import date, datetime, time
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanbod import folder
from aanbod.constants import Herhaling, Moderatie, Status
from aanbod.folder import PDF_BASE_URL, folder_html, render_document
from aanbod.models import RoosterUitzondering
from hilversum_eenzaamheid.pdf import static_files_fetcher
from tests.aanbod.factories import ActiviteitFactory, RoosterFactory
from wijken.models import Wijk

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 10, 20, 9, 0, tzinfo=AMS)
PT_14 = 14 * 96 / 72  # WeasyPrint computes font sizes in CSS pixels
pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


@pytest.fixture
def centrum():
    return Wijk.objects.get(slug="centrum")


def in_wijk(wijk, **fields):
    activiteit = ActiviteitFactory(**fields)
    activiteit.wijken.add(wijk)
    return activiteit


@pytest.fixture
def aanbod(centrum):
    oost = Wijk.objects.get(slug="oost")
    koffie = in_wijk(centrum, name="Koffie-uurtje")
    RoosterFactory(activiteit=koffie, start_time=time(10, 0), end_time=time(11, 30))
    wandelen = ActiviteitFactory(name="Wandelgroep Hilversum", heel_hilversum=True)
    RoosterFactory(
        activiteit=wandelen,
        herhaling=Herhaling.TWEEWEKELIJKS,
        dinsdag=False,
        maandag=True,
        donderdag=True,
        start_time=time(9, 30),
        end_time=None,
    )
    zang = in_wijk(centrum, name="Zangkoor")
    RoosterFactory(activiteit=zang, start_time=time(9, 0), locatie__name="Kerk Centrum")
    in_wijk(centrum, name="Maatjesproject")  # no fixed day
    in_wijk(oost, name="Alleen in Oost")
    in_wijk(centrum, name="Nog niet goedgekeurd", moderatie=Moderatie.WACHT)
    in_wijk(centrum, name="Even gestopt", status=Status.GEPAUZEERD)
    ended = in_wijk(centrum, name="Voorbij")
    RoosterFactory(activiteit=ended, end_date=date(2026, 6, 30))
    return koffie


def day_sections(html: str) -> dict[str, str]:
    """Heading → the HTML of that day's section."""
    sections = re.findall(
        r'<section class="dag" id="dag-\d">\s*<h2>(.*?)</h2>(.*?)</section>', html, re.S
    )
    return dict(sections)


def names_in(section_html: str) -> list[str]:
    return re.findall(r"<h3>(.*?)</h3>", section_html)


def readable(pdf: bytes) -> bytes:
    """The PDF with its compressed streams unpacked, to look for structure and metadata."""
    parts = [pdf]
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            continue  # fonts and images that are not deflated
    return b"\n".join(parts)


def page_texts(document) -> list[str]:
    from weasyprint.formatting_structure import boxes

    return [
        " ".join(box.text for box in page._page_box.descendants() if isinstance(box, boxes.TextBox))
        for page in document.pages
    ]


def test_folder_groups_activities_by_weekday_with_the_times_of_that_day(centrum, aanbod):
    sections = day_sections(folder_html(centrum, now=NOW))
    assert list(sections) == ["Maandag", "Dinsdag", "Donderdag", "Op afspraak of wisselende dagen"]
    # Within a day in order of time; an activity on two days is under both.
    assert names_in(sections["Maandag"]) == ["Wandelgroep Hilversum"]
    assert names_in(sections["Dinsdag"]) == ["Zangkoor", "Koffie-uurtje"]
    assert names_in(sections["Donderdag"]) == ["Wandelgroep Hilversum"]
    assert names_in(sections["Op afspraak of wisselende dagen"]) == ["Maatjesproject"]
    assert "Elke dinsdag 10:00–11:30" in sections["Dinsdag"]
    assert "Om de week op maandag en donderdag om 09:30" in sections["Maandag"]
    assert "Kerk Centrum, Kerkstraat 1, 1211 AB Hilversum" in sections["Dinsdag"]


def test_folder_leaves_out_other_wijken_hidden_paused_and_finished_activities(centrum, aanbod):
    html = folder_html(centrum, now=NOW)
    for name in ["Alleen in Oost", "Nog niet goedgekeurd", "Even gestopt", "Voorbij"]:
        assert name not in html


def test_folder_ends_with_the_meldpunt_and_the_luisterlijn(centrum, aanbod, settings):
    settings.SITE_URL = "https://eenzaamheid.hilversum.nl"
    html = folder_html(centrum, now=NOW)
    last = html.rsplit("<section", 1)[1]
    assert 'class="hulp"' in last
    assert (
        "Maakt u zich zorgen om iemand? Neem contact op met het meldpunt eenzaamheid via de "
        "gemeente Hilversum, telefoon 14 035."
    ) in last
    assert "https://eenzaamheid.hilversum.nl/meldpunt/" in last
    assert "088 0767 000" in last
    assert "dag en nacht" in last


def test_folder_html_declares_language_encoding_and_title(centrum, aanbod):
    html = folder_html(centrum, now=NOW)
    assert '<html lang="nl">' in html
    assert '<meta charset="utf-8">' in html
    assert "<title>Activiteiten in Centrum</title>" in html


def test_folder_of_an_empty_wijk_says_so_and_still_has_the_help_page(centrum):
    html = folder_html(centrum, now=NOW)
    assert "Er staan nu geen activiteiten voor deze wijk" in html
    assert "088 0767 000" in html


def test_rendered_folder_is_a4_in_large_print_with_help_on_the_last_page(centrum, aanbod):
    document = render_document(folder_html(centrum, now=NOW))
    texts = page_texts(document)
    # Four entries in 14pt take two to four pages; the help page comes after them.
    assert 2 <= len(texts) <= 5
    assert {(round(p.width), round(p.height)) for p in document.pages} == {(794, 1123)}  # A4
    body, last = " ".join(texts[:-1]), texts[-1]
    assert body.index("In deze folder") < body.index("Hulp en contact")  # the contents list
    body = body.split("Hulp en contact", 1)[1]
    assert body.index("Maandag") < body.index("Wandelgroep Hilversum") < body.index("Dinsdag")
    assert body.index("Dinsdag") < body.index("Zangkoor") < body.index("Koffie-uurtje")
    assert body.index("Op afspraak") < body.index("Maatjesproject")
    assert f"Pagina 1 van {len(texts)}" in texts[0]
    assert "Luisterlijn" in last and "088 0767 000" in last
    assert "14 035" in last
    assert "Koffie-uurtje" not in last
    from weasyprint.formatting_structure import boxes

    sizes = {
        box.style["font_size"]
        for page in document.pages
        for box in page._page_box.descendants()
        if isinstance(box, boxes.TextBox)
    }
    assert min(sizes) >= PT_14 - 0.01


def test_long_folder_still_ends_with_the_help_page(centrum):
    for number in range(40):
        rooster = RoosterFactory(activiteit__name=f"Activiteit {number:02}")
        rooster.activiteit.wijken.add(centrum)
    texts = page_texts(render_document(folder_html(centrum, now=NOW)))
    assert len(texts) > 3
    assert "Luisterlijn" in texts[-1]
    assert all("Luisterlijn" not in text for text in texts[:-1])
    assert "Activiteit 39" in " ".join(texts[:-1])


def test_folder_url_gives_a_pdf_of_the_wijk(client, centrum, aanbod):
    response = client.get(reverse("aanbod:folder", args=["centrum"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="aanbod-centrum.pdf"'
    assert response.content.startswith(b"%PDF-1.7")
    pdf = readable(response.content)
    assert b"pdfuaid" in pdf  # identifies itself as PDF/UA-1
    assert b"/StructTreeRoot" in pdf  # tagged, so screen readers can follow it
    assert b"/Lang (nl)" in pdf
    assert b'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Activiteiten in Centrum' in pdf
    pages = int(re.search(rb"/Type /Pages/Kids \[[^\]]*\]/Count (\d+)", pdf).group(1))
    assert 2 <= pages <= 5


def test_unknown_wijk_has_no_folder(client):
    assert client.get("/aanbod/wijk/atlantis/folder.pdf").status_code == 404


class CountingRenderer:
    def __init__(self):
        self.calls = 0

    def __call__(self, html):
        self.calls += 1
        return b"%PDF-1.7 fake " + str(self.calls).encode()


def fetch(client, wijk="centrum"):
    return client.get(reverse("aanbod:folder", args=[wijk])).content


def test_folder_is_rendered_once_and_then_served_from_the_cache(client, aanbod):
    renderer = CountingRenderer()
    with patch.object(folder, "render_pdf", renderer):
        first, second = fetch(client), fetch(client)
    assert renderer.calls == 1
    assert first == second


def test_folder_is_rendered_again_after_its_aanbod_changes(client, aanbod):
    renderer = CountingRenderer()
    with patch.object(folder, "render_pdf", renderer):
        fetch(client)
        aanbod.name = "Koffie-uurtje met taart"
        aanbod.save()
        fetch(client)
        assert renderer.calls == 2
        RoosterUitzondering.objects.create(
            rooster=aanbod.roosters.get(),
            start_date=date(2030, 7, 1),
            end_date=date(2030, 8, 31),
            reason="Zomerstop",
        )
        fetch(client)
        assert renderer.calls == 3
        aanbod.roosters.update(start_time=time(10, 30))
        fetch(client)
        assert renderer.calls == 4


def test_change_in_another_wijk_keeps_the_cached_folder(client, aanbod):
    renderer = CountingRenderer()
    with patch.object(folder, "render_pdf", renderer):
        fetch(client)
        oost = ActiviteitFactory(name="Nieuw in Oost")
        oost.wijken.add(Wijk.objects.get(slug="oost"))
        fetch(client)
        fetch(client, "oost")
    assert renderer.calls == 2  # centrum once, oost once


def test_folder_is_still_served_when_the_cache_is_down(client, aanbod):
    renderer = CountingRenderer()
    with (
        patch.object(folder, "render_pdf", renderer),
        patch.object(folder.cache, "get", side_effect=ConnectionError("redis")),
        patch.object(folder.cache, "set", side_effect=ConnectionError("redis")),
    ):
        assert fetch(client).startswith(b"%PDF")


def test_pdf_renderer_may_read_the_portal_static_files_and_nothing_else():
    fetcher = static_files_fetcher(PDF_BASE_URL)
    css = fetcher("https://folder.invalid/static/aanbod/folder.css")
    assert b"size: A4" in css.read()
    assert css.content_type == "text/css"
    for url in [
        "https://example.org/static/aanbod/folder.css",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        "https://folder.invalid/static/../../../etc/passwd",
        "https://folder.invalid/static/bestaat-niet.css",
        "https://folder.invalid/media/upload.png",
        "data:text/css,body{}",
    ]:
        with pytest.raises(ValueError):
            fetcher(url)


def test_folder_render_makes_no_outside_requests(centrum):
    activiteit = in_wijk(centrum, name="Met plaatje")
    activiteit.short_description = "Kijk"
    activiteit.save()
    html = folder_html(centrum, now=NOW).replace(
        "</body>", '<img src="https://example.org/tracker.png" alt=""></body>'
    )
    with patch("urllib.request.OpenerDirector.open") as network:
        render_document(html)
    network.assert_not_called()


def test_activity_on_every_day_is_listed_once_before_monday(centrum, aanbod):
    days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    lijn = ActiviteitFactory(name="Luisterlijn", heel_hilversum=True)
    RoosterFactory(activiteit=lijn, **dict.fromkeys(days, True))
    sections = day_sections(folder_html(centrum, now=NOW))
    assert list(sections)[:2] == ["Elke dag", "Maandag"]
    assert names_in(sections["Elke dag"]) == ["Luisterlijn"]
    assert "Luisterlijn" not in "".join(sections[day] for day in list(sections)[1:])


def _folder_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        fetch(client)
    return len(queries)


def test_folder_query_count_does_not_grow_with_the_aanbod(client, centrum):
    renderer = CountingRenderer()
    with patch.object(folder, "render_pdf", renderer):
        RoosterFactory(activiteit=in_wijk(centrum, name="Eerste"))
        few = _folder_queries(client)
        for number in range(15):
            rooster = RoosterFactory(activiteit=in_wijk(centrum, name=f"Nog een {number}"))
            RoosterUitzondering.objects.create(
                rooster=rooster, start_date=date(2030, 1, 1), end_date=date(2030, 1, 7)
            )
        many = _folder_queries(client)
    # Wijk, activities + organisation, schedules + locations + wijk, exceptions.
    assert few == many == 4
