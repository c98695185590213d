"""Charts as inline SVG, drawn on the server with pygal, and the same data as CSV.

A chart is a plain dict (JSON-safe, so a decided evaluation can keep it in its snapshot):

    {"key", "kind", "title", "description", "columns", "rows", "x_labels", "series",
     "x_title", "y_title", "notes"}

`rows` is the table under the chart (and the CSV); `series` is what is drawn. Kinds: "dots"
(values with their interval and reference lines), "lines", "scatter", "bars", "hbars".

pygal always writes a <script> with its configuration and comments with links to its website;
`render_svg` removes both, so a page or PDF with a chart makes no request anywhere and runs no
script. It adds a <title> and <desc> with ids for role="img" and aria-labelledby.
"""

import csv
import hashlib
import io
import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.utils import translation
from django.utils.translation import gettext as _

SVG_NS = "http://www.w3.org/2000/svg"

# Each colour has a contrast of at least 4.5:1 on white (WCAG 1.4.11 asks 3:1 for graphics).
COLOURS = ("#00487f", "#a34f00", "#2e7d32", "#6a1b9a", "#4d4d4d", "#b00020", "#005f5f")
HIGHLIGHT = "#b00020"
REFERENCE_DASHES = ("10,5", "3,4", "12,4,3,4")
STATIC_CSS = Path(__file__).parent / "static" / "monitoring" / "charts.css"


def _extra_css() -> str:
    """What pygal's own CSS does not say: reference lines, line width, the highlight."""
    rules = [
        f".chart-svg.chart-dots .serie-{n} .line{{stroke-width:3;stroke-dasharray:{dash}}}"
        for n, dash in enumerate(REFERENCE_DASHES, start=1)
    ]
    rules += [
        ".chart-svg.chart-lines .series .line{stroke-width:3}",
        f".chart-svg.chart-scatter .color-0{{stroke:{HIGHLIGHT};fill:{HIGHLIGHT}}}",
        f".chart-svg.chart-scatter .color-1{{stroke:{COLOURS[0]};fill:{COLOURS[0]}}}",
    ]
    return "\n".join(rules) + "\n"


FONT = "DejaVu Sans, Verdana, sans-serif"
WIDTH, HEIGHT = 800, 460
CACHE_SECONDS = 60 * 60


def number_text(value, *, group: bool = True, dutch: bool | None = None) -> str:
    """A number as Dutch readers write it: decimal comma, no trailing zeros, and from 10.000
    on a point between thousands (not in years, which stay below that). On a page in another
    language (`dutch` None: the active one) the other way round: 12,345.67."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float):
        value = round(value, 2)
        if value == int(value):
            value = int(value)
    grouped = group and abs(value) >= 10_000
    text = f"{value:,.2f}".rstrip("0") if isinstance(value, float) else f"{value:,}"
    if not grouped:
        text = text.replace(",", "")
    if dutch is None:
        language = translation.get_language() or settings.LANGUAGE_CODE
        dutch = language == settings.LANGUAGE_CODE
    if not dutch:
        return text
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _style():
    from pygal.style import Style

    return Style(
        font_family=FONT,
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#1a1a1a",
        foreground_strong="#000000",
        foreground_subtle="#4d4d4d",
        opacity="1",
        opacity_hover="1",
        transition="0ms",
        colors=COLOURS,
        label_font_size=15,
        major_label_font_size=15,
        legend_font_size=15,
        value_font_size=13,
        value_label_font_size=13,
        title_font_size=18,
        guide_stroke_color="#6b6b6b",
        major_guide_stroke_color="#6b6b6b",
    )


def _config(chart: dict, **extra) -> dict:
    return {
        "js": [],
        "disable_xml_declaration": True,
        "width": WIDTH,
        "height": HEIGHT,
        "style": _style(),
        "legend_at_bottom": True,
        # Two columns, unless a name would run into its neighbour.
        "legend_at_bottom_columns": (
            1 if any(len(serie["name"]) > 28 for serie in chart.get("series", ())) else 2
        ),
        "truncate_legend": -1,
        "truncate_label": -1,
        "no_data_text": _("Geen gegevens"),
        "formatter": lambda v: number_text(v) if isinstance(v, int | float) else str(v),
        "x_title": chart.get("x_title") or None,
        "y_title": chart.get("y_title") or None,
        **extra,
    }


def _top(values) -> float:
    """A round upper end for a zero-based axis: honest, and with room for the intervals."""
    highest = max((v for v in values if v is not None), default=0)
    if highest <= 0:
        return 10
    step = 5 if highest <= 60 else 10 ** max(0, int(math.log10(highest)) - 1) * 5
    return math.ceil(highest * 1.1 / step) * step


def _plain(value):
    return value.get("value") if isinstance(value, dict) else value


def _dots(chart: dict):
    import pygal

    everything = []
    for serie in chart["series"]:
        for value in serie["values"]:
            everything.append(_plain(value))
            if isinstance(value, dict):
                everything.append(value.get("high"))
    graph = pygal.Line(**_config(chart, range=(0, _top(everything)), x_label_rotation=30))
    graph.x_labels = chart["x_labels"]
    for serie in chart["series"]:
        values = [_pygal_value(v) for v in serie["values"]]
        if serie.get("style") == "reference":
            # Dashes and width come from EXTRA_CSS (.chart-dots .serie-N .line).
            graph.add(serie["name"], values, show_dots=False)
        else:
            graph.add(serie["name"], values, stroke=False, dots_size=7)
    return graph


def _pygal_value(value):
    if isinstance(value, dict):
        point = {"value": value.get("value")}
        if value.get("low") is not None and value.get("high") is not None:
            point["ci"] = {"low": value["low"], "high": value["high"]}
        return point
    return value


def _lines(chart: dict):
    import pygal

    values = [v for serie in chart["series"] for v in serie["values"]]
    graph = pygal.Line(**_config(chart, range=(0, _top(values)), dots_size=5))
    graph.x_labels = chart["x_labels"]
    for serie in chart["series"]:
        graph.add(serie["name"], serie["values"])
    return graph


def _scatter(chart: dict):
    import pygal

    xs = [p[0] for serie in chart["series"] for p in serie["values"]]
    ys = [p[1] for serie in chart["series"] for p in serie["values"]]
    # The highlighted series comes first; EXTRA_CSS gives it the highlight colour.
    graph = pygal.XY(
        **_config(
            chart,
            stroke=False,
            print_labels=True,
            dots_size=7,
            xrange=(0, _top(xs)),
            range=(0, _top(ys)),
        )
    )
    for serie in chart["series"]:
        points = [{"value": (x, y), "label": label} for x, y, label in serie["values"]]
        graph.add(serie["name"], points)
    return graph


def _bars(chart: dict, horizontal: bool = False):
    import pygal

    kind = pygal.HorizontalBar if horizontal else pygal.Bar
    values = [v for serie in chart["series"] for v in serie["values"]]
    extra = {"print_values": chart.get("print_values", True), "range": (0, _top(values))}
    if not horizontal:
        extra["x_label_rotation"] = 30 if len(chart["x_labels"]) > 5 else 0
    graph = kind(**_config(chart, **extra))
    # pygal draws the first label of a horizontal chart at the bottom; people read top-down.
    order = slice(None, None, -1) if horizontal else slice(None)
    graph.x_labels = chart["x_labels"][order]
    for serie in chart["series"]:
        graph.add(serie["name"], serie["values"][order])
    return graph


_KINDS = {
    "dots": _dots,
    "lines": _lines,
    "scatter": _scatter,
    "bars": _bars,
    "hbars": lambda chart: _bars(chart, horizontal=True),
}


def has_data(chart: dict) -> bool:
    for serie in chart.get("series", ()):
        for value in serie["values"]:
            point = value if chart["kind"] == "scatter" else _plain(value)
            if point is not None:
                return True
    return False


def _render(chart: dict) -> tuple[ET.Element, list[str]]:
    """pygal's SVG as a tree, and its CSS as rules that name `.chart-svg` instead of the
    random id pygal gives each chart (so one stylesheet serves every chart)."""
    raw = _KINDS[chart["kind"]](chart).render(is_unicode=True)
    root = ET.fromstring(raw)  # the default parser leaves out comments
    css = []
    for parent in root.iter():
        for child in list(parent):
            if child.tag == f"{{{SVG_NS}}}style":
                css.append((child.text or "").replace(f"#{root.get('id')}", ".chart-svg"))
                parent.remove(child)
    return root, css_rules("".join(css))


def css_rules(css: str) -> list[str]:
    """The rules of pygal's CSS, one per item, without comments or blank space around them."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [f"{rule.strip()}}}" for rule in css.split("}") if rule.strip()]


def render_svg(chart: dict, *, id_prefix: str = "", inline_style: bool = False) -> str:
    """The chart as an SVG element for a page or the PDF: no script, no remote URL, labelled
    by its own <title> and <desc>.

    Pages get no <style> inside the SVG: the Content-Security-Policy allows stylesheets from
    the portal only, so they link static/monitoring/charts.css (made by `write_static_css`).
    The PDF has no such policy and needs the styles inside the SVG (`inline_style=True`).
    """
    key = _cache_key(chart, id_prefix, inline_style)
    cache = caches["local"]
    svg = cache.get(key)
    if svg is None:
        root, rules = _render(chart)
        svg = _clean(root, chart, id_prefix=id_prefix, css=rules if inline_style else None)
        cache.set(key, svg, CACHE_SECONDS)
    return svg


def _cache_key(chart: dict, id_prefix: str, inline_style: bool) -> str:
    # The SVG follows from the chart's data alone, so its hash is the key: a change in the
    # figures makes a new key, and pygal (most of a dashboard request) runs only then.
    language = translation.get_language()
    data = json.dumps([chart, id_prefix, inline_style, language], sort_keys=True, default=str)
    return f"monitoring:svg:v1:{hashlib.sha256(data.encode()).hexdigest()}"


def _for_script_only(element: ET.Element) -> bool:
    """pygal's script, its tooltip, and the <title>/<desc> it writes into every point and
    guide for that tooltip (role="img" hides them; our own title and desc come later)."""
    tag = element.tag.removeprefix(f"{{{SVG_NS}}}") if isinstance(element.tag, str) else ""
    return tag in ("script", "title", "desc") or element.get("class") == "tooltip"


def _strip(root: ET.Element) -> None:
    """Take out what a page must not have: scripts, pygal's own titles, repeated ids, and
    style attributes (the Content-Security-Policy refuses them; only pygal's tooltip, which
    needs its script anyway, has one)."""
    for parent in root.iter():
        for child in list(parent):
            if _for_script_only(child):
                parent.remove(child)
    # pygal numbers its legend items the same way in every chart ("activate-serie-0"), for
    # its script only; two charts on one page would repeat those ids.
    for element in root.iter():
        if element is not root:
            element.attrib.pop("id", None)
        element.attrib.pop("style", None)


def _plain_tags(root: ET.Element) -> None:
    """Plain tag names and an explicit xmlns: ElementTree's namespace prefixes come from a
    global registry, in which WeasyPrint maps "" to no namespace when it loads; <ns0:svg>
    would then be text to the HTML parser."""
    prefix = f"{{{SVG_NS}}}"
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith(prefix):
            element.tag = element.tag[len(prefix) :]
    root.set("xmlns", SVG_NS)


def _clean(root: ET.Element, chart: dict, *, id_prefix: str, css) -> str:
    _strip(root)
    base = f"{id_prefix}{chart['key']}"
    title = ET.Element(f"{{{SVG_NS}}}title", {"id": f"{base}-svg-titel"})
    title.text = chart["title"]
    desc = ET.Element(f"{{{SVG_NS}}}desc", {"id": f"{base}-svg-uitleg"})
    desc.text = chart.get("description") or ""
    if css is not None:
        style = ET.Element(f"{{{SVG_NS}}}style", {"type": "text/css"})
        style.text = "\n".join(css) + "\n" + _extra_css()
        root.insert(0, style)
    root.insert(0, desc)
    root.insert(0, title)
    # pygal's random id made every drawing differ; this one follows from the chart.
    root.set("id", f"{base}-svg")
    root.set("role", "img")
    root.set("aria-labelledby", f"{base}-svg-titel {base}-svg-uitleg")
    root.set("width", str(WIDTH))
    root.set("height", str(HEIGHT))
    root.set("class", f"chart-svg chart-{chart['kind']} pygal-chart")
    _plain_tags(root)
    return ET.tostring(root, encoding="unicode")


def _sample(kind: str, series: int) -> dict:
    points = (
        [[float(n + 1), float(n + 2), f"p{n}"] for n in range(3)]
        if kind == "scatter"
        else [1.0, 2.0, 3.0]
    )
    return {
        "key": "voorbeeld",
        "kind": kind,
        "title": "",
        "x_labels": ["a", "b", "c"],
        "series": [
            {"name": f"s{n}", "values": points, "style": "reference" if n else ""}
            for n in range(series)
        ],
    }


def static_css() -> str:
    """The stylesheet of every chart on the pages: pygal's rules for each kind of chart with
    as many series as there are colours, once each, and EXTRA_CSS."""
    seen: dict[str, None] = {}
    for kind in _KINDS:
        _root, rules = _render(_sample(kind, 2 if kind == "scatter" else len(COLOURS)))
        seen.update(dict.fromkeys(rules))
    header = "/* Made by monitoring.charts.write_static_css() from pygal's CSS; don't edit. */\n"
    return header + "\n".join(seen) + "\n" + _extra_css()


def write_static_css() -> Path:
    STATIC_CSS.write_text(static_css(), encoding="utf-8")
    return STATIC_CSS


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    return number_text(value, group=False, dutch=True)


def chart_csv(chart: dict) -> bytes:
    """The table of a chart as CSV for Dutch spreadsheets: UTF-8 with BOM, `;` between
    columns, decimal comma (as StatLine itself writes it)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(chart["columns"])
    for row in chart["rows"]:
        writer.writerow([_csv_cell(value) for value in row])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")
