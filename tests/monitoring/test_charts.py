"""Charts: SVG without script or remote address, labelled for screen readers, the same data
as CSV for Dutch spreadsheets, and half years as the evaluation counts them."""

import re
from datetime import date
from unittest import mock

import pytest

from monitoring import charts
from monitoring.charts import (
    STATIC_CSS,
    chart_csv,
    css_rules,
    number_text,
    render_svg,
    static_css,
)
from monitoring.periods import HalfYear, is_period, period_range

pytestmark = [pytest.mark.sqlite]


def chart(kind="bars", **overrides) -> dict:
    values = [[13.0, 3, "Centrum"], [7.5, 9, "Landelijk Gebied"]]
    data = {
        "key": "proef",
        "kind": kind,
        "title": "Proefgrafiek",
        "description": "Een grafiek om te testen.",
        "columns": ["Wijk", "Waarde (%)"],
        "rows": [["Centrum", 52.4], ["Oost", None]],
        "x_labels": ["Centrum", "Oost"],
        "series": (
            [{"name": "Hoog", "values": values[:1]}, {"name": "Laag", "values": values[1:]}]
            if kind == "scatter"
            else [
                {"name": "Wijk", "values": [{"value": 52.4, "low": 50.1, "high": 54.6}, 49.1]},
                {"name": "Hilversum", "values": [49.4, 49.4], "style": "reference"},
            ]
            if kind == "dots"
            else [{"name": "Wijk", "values": [52.4, 49.1]}]
        ),
    }
    data.update(overrides)
    return data


KINDS = ["dots", "lines", "scatter", "bars", "hbars"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("inline_style", [False, True])
def test_svg_has_no_script_and_no_remote_address(kind, inline_style):
    svg = render_svg(chart(kind), inline_style=inline_style)
    assert "<script" not in svg.lower()
    assert "javascript:" not in svg.lower()
    assert set(re.findall(r"https?://[^\s\"')]+", svg)) == {"http://www.w3.org/2000/svg"}
    assert "@import" not in svg and "url(" not in svg
    # pygal writes comments with links to its website; none of them are left.
    assert "<!--" not in svg


@pytest.mark.parametrize("kind", KINDS)
def test_svg_is_an_image_labelled_by_its_own_title_and_description(kind):
    svg = render_svg(chart(kind), id_prefix="pdf-")
    assert 'xmlns="http://www.w3.org/2000/svg"' in svg.split(">", 1)[0]
    assert 'role="img"' in svg
    assert 'aria-labelledby="pdf-proef-svg-titel pdf-proef-svg-uitleg"' in svg
    assert '<title id="pdf-proef-svg-titel">Proefgrafiek</title>' in svg
    assert '<desc id="pdf-proef-svg-uitleg">Een grafiek om te testen.</desc>' in svg
    # Only our own ids: pygal's repeat in every chart.
    assert re.findall(r' id="([^"]+)"', svg)[1:] == ["pdf-proef-svg-titel", "pdf-proef-svg-uitleg"]


def test_page_svg_has_no_style_because_the_csp_refuses_inline_styles():
    page = render_svg(chart("dots"))
    pdf = render_svg(chart("dots"), inline_style=True)
    assert "<style" not in page and "style=" not in page
    assert "<style" in pdf and ".chart-svg.chart-dots .serie-1 .line" in pdf


def test_the_static_stylesheet_is_up_to_date_and_covers_every_rule_of_a_chart():
    assert STATIC_CSS.read_text(encoding="utf-8") == static_css(), (
        "Regenerate: python manage.py shell -c "
        '"from monitoring.charts import write_static_css; write_static_css()"'
    )
    static = set(css_rules(static_css()))
    for kind in KINDS:
        pdf = render_svg(chart(kind), inline_style=True)
        inline = re.search(r"<style[^>]*>(.*)</style>", pdf, re.S).group(1)
        inline = inline.replace("&gt;", ">")
        assert set(css_rules(inline)) <= static, kind


def test_text_in_a_chart_is_escaped():
    svg = render_svg(
        chart(
            title="<script>alert(1)</script>",
            x_labels=['<img src=x onerror="alert(1)">', "Oost"],
        )
    )
    assert "<script>" not in svg and "<img" not in svg
    assert "&lt;script&gt;" in svg


def test_csv_is_utf8_with_bom_semicolons_and_decimal_commas():
    data = chart(rows=[["Centrum", 52.4], ["’t Gooi", None], ["Totaal", 150000.0], ["Ja", True]])
    content = chart_csv(data)
    assert content.startswith(b"\xef\xbb\xbf")
    text = content.decode("utf-8-sig")
    assert text.splitlines() == [
        "Wijk;Waarde (%)",
        "Centrum;52,4",
        "’t Gooi;",
        "Totaal;150000",
        "Ja;ja",
    ]


def test_csv_quotes_a_cell_with_a_semicolon():
    text = chart_csv(chart(rows=[["Noord; Oost", 1]])).decode("utf-8-sig")
    assert text.splitlines()[1] == '"Noord; Oost";1'


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (52.4, "52,4"),
        (13.0, "13"),
        (0.25, "0,25"),
        (150000.0, "150.000"),
        (12345.67, "12.345,67"),
        (2022, "2022"),
        (6000, "6000"),
        ("minder dan 5", "minder dan 5"),
    ],
)
def test_numbers_are_written_the_dutch_way(value, text):
    assert number_text(value) == text


def test_half_years_parse_and_step():
    h1 = HalfYear.parse("2025-H1")
    assert (h1.start, h1.end, h1.last_day) == (
        date(2025, 1, 1),
        date(2025, 7, 1),
        date(2025, 6, 30),
    )
    assert h1.quarters == ["2025-Q1", "2025-Q2"]
    assert str(h1.previous()) == "2024-H2" and str(h1.next()) == "2025-H2"
    h2 = HalfYear.parse("2025-H2")
    assert str(h2.previous()) == "2025-H1" and str(h2.next()) == "2026-H1"
    assert h2.end == date(2026, 1, 1) and h2.next_quarter == "2026-Q1"
    assert [str(p) for p in period_range(HalfYear(2024, 2), HalfYear(2025, 2))] == [
        "2024-H2",
        "2025-H1",
        "2025-H2",
    ]
    assert HalfYear.of(date(2026, 7, 1)) == HalfYear(2026, 2)


@pytest.mark.parametrize("text", ["2025-H3", "2025H1", "25-H1", "", "2025-h1", None])
def test_other_texts_are_not_half_years(text):
    assert not is_period(text)
    with pytest.raises(ValueError):
        HalfYear.parse(text)


def test_the_same_data_gives_the_same_svg_from_the_cache_and_new_data_a_new_one():
    with mock.patch("monitoring.charts._render", wraps=charts._render) as drawn:
        first = render_svg(chart())
        again = render_svg(chart())
        other = render_svg(chart(rows=[["Centrum", 50.0]], x_labels=["Centrum", "Zuid"]))
    assert first == again and other != first
    assert drawn.call_count == 2
    assert 'id="proef-svg"' in first
