"""The self-check /zelftest/: the form, and the result rendered straight from the POST.

Nothing is stored: no database row, no session, no cookie beyond CSRF's. The answers never
appear in a URL either (the result is the response to the POST, not a redirect), and the pages
are marked not to be cached, so a shared computer does not keep them.
"""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from aanbod.filters import filter_groups, parse_choices
from aanbod.search import activiteit_search

from .forms_zelftest import ZelftestForm
from .zelftest import Leeftijd, score, zoekadres, zoekvragen

FORM_TEMPLATE = "pijlers/zelftest.html"
RESULT_TEMPLATE = "pijlers/zelftest_uitslag.html"
SUGGESTIONS_SHOWN = 3


@dataclass
class Suggesties:
    activiteiten: list = field(default_factory=list)
    total: int = 0
    url: str = ""  # the same search on /aanbod/


def activiteiten_suggesties(*, params: list[tuple[str, str]], now=None) -> Suggesties:
    """The first few public activities of the aanbod search with these GET parameters.

    Goes through the sociale kaart's own search, so the count shown here is what the linked
    /aanbod/ page finds. Queries: wijken and terms, then the search's (fixed) queries.
    """
    groups = filter_groups()
    query = QueryDict(mutable=True)
    for name, value in params:
        query.appendlist(name, value)
    choices = parse_choices(query, groups)
    result = activiteit_search(choices=choices, groups=groups, now=now)
    # A term that is not (or no longer) in the vocabulary stays out of the link as well.
    kept = [(name, value) for name, value in params if value in choices.selected.get(name, ())]
    activiteiten = result.activities[:SUGGESTIONS_SHOWN]
    for activiteit in activiteiten:
        activiteit.detail_url = reverse("aanbod:detail", args=[activiteit.slug])
    return Suggesties(
        activiteiten=activiteiten,
        total=result.total,
        url=reverse("aanbod:index") + zoekadres(kept),
    )


def _keuzes(result, leeftijd: str, wijk_name: str) -> list[str]:
    """What the suggestions were chosen on, in words."""
    keuzes = [soort.label.lower() for soort in result.soorten]
    if leeftijd:
        keuzes.append(Leeftijd(leeftijd).label.lower())
    if wijk_name:
        keuzes.append(gettext("wijk %(wijk)s") % {"wijk": wijk_name})
    return keuzes


@never_cache
@require_safe
def index(request):
    return render(request, FORM_TEMPLATE, {"form": ZelftestForm()})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def uitslag(request):
    """The result of the self-check, for the answers posted; a GET shows the empty form."""
    if request.method != "POST":
        # An old bookmark, a reload after the browser forgot the post, or a typed address.
        context = {"form": ZelftestForm(), "geen_antwoorden": True}
        return render(request, FORM_TEMPLATE, context)
    form = ZelftestForm(request.POST)
    if not form.is_valid():
        return render(request, FORM_TEMPLATE, {"form": form})
    result = score(form.antwoorden())
    leeftijd, wijk = form.cleaned_data["leeftijd"], form.cleaned_data["wijk"]
    suggesties = activiteiten_suggesties(params=zoekvragen(result, leeftijd=leeftijd, wijk=wijk))
    context = {
        "uitslag": result,
        "suggesties": suggesties,
        "keuzes": _keuzes(result, leeftijd, form.wijk_name(wijk)),
    }
    response = render(request, RESULT_TEMPLATE, context)
    response["X-Robots-Tag"] = "noindex"
    return response
