"""Texts staff enter in Dutch and, when they like, in English (issue #8).

A model keeps the English version of a field `x` in `x_en`. `vertaald(obj, "x")` gives the text
for the page's language: the English one on an English page when it was filled in, else the
Dutch one. A Dutch text on an English page says so (`.fallback`), so the template can mark it
lang="nl" and screen readers read it with a Dutch voice (WCAG 3.1.2).
"""

from django.conf import settings
from django.utils.translation import get_language


class Vertaald(str):
    """A text with the language it is in; `fallback` when it is Dutch on a non-Dutch page."""

    lang: str
    fallback: bool

    @classmethod
    def of(cls, text: str, lang: str, *, fallback: bool = False) -> "Vertaald":
        value = cls(text)
        value.lang = lang
        value.fallback = fallback
        return value


def vertaald(obj, field: str, language: str | None = None) -> Vertaald:
    """The field's text in `language` (default: the active one), or else the Dutch text."""
    language = language or get_language() or settings.LANGUAGE_CODE
    dutch = getattr(obj, field) or ""
    if language == settings.LANGUAGE_CODE:
        return Vertaald.of(dutch, language)
    other = getattr(obj, f"{field}_{language}", "") or ""
    if other.strip():
        return Vertaald.of(other, language)
    return Vertaald.of(dutch, settings.LANGUAGE_CODE, fallback=bool(dutch))
