"""Small display helpers of the pijlers templates."""

from django import template
from django.utils.formats import date_format, time_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .. import kwartalen
from ..constants import Status

register = template.Library()


@register.filter
def status_label(code: str) -> str:
    try:
        return Status(code).label
    except ValueError:
        return code


@register.filter
def kwartaal(quarter: str) -> str:
    return kwartalen.quarter_label(quarter)


@register.filter
def kwartaal_kop(quarter: str) -> str:
    """A quarter on two lines, for a narrow column heading: "Q2<br>2024"."""
    return format_html("{}<br>{}", *kwartalen.quarter_label(quarter).split(" ", 1))


def _day(day, with_year: bool = True) -> str:
    return date_format(day, "l j F Y" if with_year else "l j F")


@register.filter
def agenda_wanneer(item) -> str:
    """When an agenda item is, in words: "zaterdag 26 september – zaterdag 3 oktober 2026"."""
    if item.one_day:
        text = _day(item.start_date)
    else:
        same_year = item.start_date.year == item.last_day.year
        text = f"{_day(item.start_date, with_year=not same_year)} – {_day(item.last_day)}"
    if item.start_time:
        times = time_format(item.start_time, "H:i")
        if item.end_time:
            times = f"{times} – {time_format(item.end_time, 'H:i')}"
        text = _("%(day)s, %(times)s uur") % {"day": text, "times": times}
    return text
