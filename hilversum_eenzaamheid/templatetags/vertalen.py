"""Texts staff write, on pages in two languages (issue #8).

    {% load vertalen %}
    <h1{{ activiteit|vertaald:"name"|lang_attr }}>{{ activiteit|vertaald:"name" }}</h1>
    <h3{% lang_nl %}>{{ verhaal.title }}</h3>          (Dutch only: lang="nl" on /en/)
    {{ verhaal.text|linebreaks|in_dutch:"div" }}

On a Dutch page all of these leave the markup as it was. See hilversum_eenzaamheid/vertalen.py.
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from hilversum_eenzaamheid import vertalen

register = template.Library()


@register.filter
def vertaald(obj, field: str):
    """The English text on an English page when there is one, else the Dutch one."""
    if obj is None or obj == "":
        return ""
    return vertalen.vertaald(obj, field)


@register.filter
def lang_attr(value) -> str:
    """lang="nl" when a Dutch text stands on a page in another language, else nothing."""
    if getattr(value, "fallback", False):
        return format_html(' lang="{}"', value.lang)
    return ""


def _page_is_dutch() -> bool:
    return (get_language() or settings.LANGUAGE_CODE) == settings.LANGUAGE_CODE


@register.simple_tag
def lang_nl() -> str:
    """lang="nl" on a page in another language, for an element that holds Dutch-only text
    (stories, agenda items: staff write them in Dutch only). Nothing on a Dutch page."""
    return "" if _page_is_dutch() else mark_safe(f' lang="{settings.LANGUAGE_CODE}"')


@register.filter
def in_dutch(html, element: str = "span"):
    """Dutch-only text wrapped in <span lang="nl"> (or the element given, e.g. "div") on a
    page in another language; unchanged on a Dutch page."""
    if _page_is_dutch() or html in ("", None):
        return html
    if element not in ("span", "div"):
        raise template.TemplateSyntaxError("in_dutch wraps in a span or a div")
    return format_html(
        '<{0} lang="{1}">{2}</{0}>', mark_safe(element), settings.LANGUAGE_CODE, html
    )
