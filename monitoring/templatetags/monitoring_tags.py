"""Template helpers of the monitoring pages and the PDF: table cells, dates, charts."""

from datetime import date

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from monitoring.charts import has_data, number_text, render_svg

register = template.Library()


@register.filter
def cell(value):
    """A table cell of a chart or figure: numbers the Dutch way, unknown as a dash that a
    screen reader reads as "onbekend", yes/no in words."""
    if value is None:
        return format_html(
            '<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>',
            _("onbekend"),
        )
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    return number_text(value)


@register.filter
def isodate(value):
    """ "2025-03-01" from a snapshot as a date, for the |date filter."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


@register.simple_tag
def chart_svg(chart, prefix="", inline_style=False):
    """The chart as inline SVG; the PDF asks for its styles inside it, pages link
    static/monitoring/charts.css. Safe: render_svg builds it with ElementTree, which escapes
    every text, and removes scripts."""
    svg = render_svg(chart, id_prefix=prefix, inline_style=bool(inline_style))
    return mark_safe(svg)


@register.filter
def chart_has_data(chart) -> bool:
    return has_data(chart)
