"""Markdown of the editable pages, turned into HTML that is safe to show.

Markdown passes raw HTML through, so its output goes through nh3 with an allow-list: only
text markup survives, links only to web, mail and phone addresses or to the portal itself.
"""

import re

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# The page itself has the only <h1>; a "# Kop" in the text becomes a second-level heading.
_H1 = re.compile(r"<(/?)h1\b", re.IGNORECASE)


def render_markdown(text: str) -> SafeString:
    """The text as sanitised HTML, ready for a template."""
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    html = _H1.sub(r"<\1h2", html)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 - nh3 has just removed everything not allow-listed
