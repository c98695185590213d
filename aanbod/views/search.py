"""The public search page /aanbod/: filters, facet counts and results; a partial for htmx.

The rendered results, count and filters are cached for a short time (AANBOD_SEARCH_CACHE_SECONDS,
default 120) under a key made of the request's search parameters, the language, the day and a
version that every change to the data raises (aanbod.indexing.search_version_bump), so a popular
search costs two cache reads instead of eleven queries.
"""

import hashlib
import json
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ..filters import GROUP_ORDER, MAX_VALUES_PER_GROUP, filter_groups, parse_choices
from ..indexing import search_version
from ..search import activiteit_search

logger = logging.getLogger(__name__)

SEARCH_PARAMETERS = ("q", "pagina", *GROUP_ORDER)
FRAGMENTS = ("list", "count", "filters")


def _add_detail_urls(activities) -> None:
    for activiteit in activities:
        activiteit.detail_url = reverse("aanbod:detail", args=[activiteit.slug])


def _page_query(choices, page: int) -> str:
    # Built from the cleaned choices, so cached links never carry someone else's extra parameters.
    items = [("q", choices.q)] if choices.q else []
    for name in GROUP_ORDER:
        items += [(name, value) for value in choices.selected.get(name, [])]
    return "?" + urlencode([*items, ("pagina", page)])


def _chosen_wijken(groups, choices) -> list:
    """The wijk options the visitor chose: their printed folders are offered with the results."""
    chosen = set(choices.selected.get("wijk", []))
    wijk = next(group for group in groups if group.name == "wijk")
    return [option for option in wijk.options if option.value in chosen]


def _render_fragments(request) -> dict[str, str]:
    groups = filter_groups()
    choices = parse_choices(request.GET, groups)
    result = activiteit_search(choices=choices, groups=groups)
    _add_detail_urls(result.activities)
    context = {
        "result": result,
        "previous_url": _page_query(choices, result.page - 1) if result.page > 1 else "",
        "next_url": _page_query(choices, result.page + 1) if result.page < result.num_pages else "",
        "folders": _chosen_wijken(groups, choices),
    }
    fragments = {
        name: render_to_string(f"aanbod/_search_{name}.html", context, request)
        for name in FRAGMENTS
    }
    fragments["q"] = result.q
    return fragments


def _cache_key(request) -> str:
    asked = [
        (name, sorted(request.GET.getlist(name)[:MAX_VALUES_PER_GROUP]))
        for name in SEARCH_PARAMETERS
        if name in request.GET
    ]
    digest = hashlib.sha256(
        json.dumps(asked, ensure_ascii=False).encode("utf-8", "surrogatepass")
    ).hexdigest()
    # No database query here: a cached page must stay cheap. The version is raised on every
    # change; with Redis (production) that reaches every process at once.
    day = timezone.localdate().isoformat()
    return f"aanbod:zoek:{search_version()}:{get_language()}:{day}:{digest}"


def _fragments(request) -> dict[str, str]:
    seconds = settings.AANBOD_SEARCH_CACHE_SECONDS
    if not seconds:
        return _render_fragments(request)
    key = _cache_key(request)
    try:
        fragments = cache.get(key)
    except Exception:  # a cache that is down must not break the search
        logger.warning("cache unavailable for the search page", exc_info=True)
        return _render_fragments(request)
    if fragments is None:
        fragments = _render_fragments(request)
        try:
            cache.set(key, fragments, seconds)
        except Exception:
            logger.warning("cache unavailable for the search page", exc_info=True)
    return fragments


def _wants_partial(request) -> bool:
    # htmx asks for the whole page again when it restores history it no longer has cached.
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def index(request):
    fragments = _fragments(request)
    html = {name: mark_safe(fragments[name]) for name in FRAGMENTS}  # rendered, escaped HTML
    template = "aanbod/_search_partial.html" if _wants_partial(request) else "aanbod/search.html"
    response = render(request, template, {"fragments": html, "q": fragments["q"]})
    patch_vary_headers(response, ["HX-Request"])
    return response
