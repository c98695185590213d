"""Staff pages for requests of data subjects (/werkruimte/privacy/) and the access log.

Requests are the coördinator's (and a superuser's); every other role gets a 403, anonymous
visitors the login page. The search is a POST, so that names and addresses never end up in
a URL (browser history, server logs, the Referer header); its result is a stored request
that shows references and the fields that matched, no personal data. Opening, downloading and
erasing each take the meldingen the coördinator ticked among the request's hits.

The access log is the coördinator's to search, and each buurtteam member's for their own
team's meldingen.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import privacy, selectors_privacy
from .constants_privacy import CONFIRM_WORD, MAX_HITS
from .forms_privacy import ExportForm, ToegangFilterForm, WisForm, ZoekForm
from .privacy_export import export_build
from .selectors_case import is_coordinator

LOG_PER_PAGE = 50
TEMPLATES = "meldpunt/privacy/"


def coordinator_required(view):
    """The coördinator or a superuser; never cached, not even by the browser."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@require_http_methods(["GET", "HEAD", "POST"])
@coordinator_required
def zoeken(request):
    """The search form, and the latest requests. A valid search is stored and shown."""
    form = ZoekForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            verzoek = privacy.verzoek_search(user=request.user, vraag=form.zoekvraag())
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            return redirect("meldpunt:privacy_verzoek", pk=verzoek.pk)
    context = {"form": form, "verzoeken": selectors_privacy.verzoeken_recent()}
    return render(request, TEMPLATES + "zoeken.html", context)


@require_safe
@coordinator_required
def verzoek(request, pk):
    """The hits of a search: references, status and where the person was found."""
    verzoek = selectors_privacy.verzoek_get(pk)
    context = {
        "verzoek": verzoek,
        "treffers": selectors_privacy.verzoek_treffers(verzoek),
        "acties": selectors_privacy.verzoek_acties(verzoek),
        "max_hits": MAX_HITS,
    }
    return render(request, TEMPLATES + "verzoek.html", context)


def _chosen(request, verzoek):
    """The ticked hits of this request (from ?m= or the posted m); [] when none are valid."""
    params = request.POST if request.method == "POST" else request.GET
    return selectors_privacy.treffers_selected(verzoek, params.getlist("m"))


def _nothing_chosen(request, verzoek):
    messages.error(request, _("Kies minstens één melding."))
    return redirect("meldpunt:privacy_verzoek", pk=verzoek.pk)


@require_safe
@coordinator_required
def gegevens(request, pk):
    """The personal data of the ticked meldingen; written to the access log per melding."""
    verzoek = selectors_privacy.verzoek_get(pk)
    treffers = _chosen(request, verzoek)
    if not treffers:
        return _nothing_chosen(request, verzoek)
    return _render_gegevens(request, verzoek, treffers, ExportForm())


def _render_gegevens(request, verzoek, treffers, export_form, status=200):
    privacy.verzoek_inzage(user=request.user, verzoek=verzoek, treffers=treffers)
    rows = selectors_privacy.with_meldingen(treffers)
    context = {
        "verzoek": verzoek,
        "rows": rows,
        "references": [t.melding.reference for t in treffers],
        "export_form": export_form,
        "error_form": export_form if export_form.is_bound else None,
    }
    return render(request, TEMPLATES + "gegevens.html", context, status=status)


@require_POST
@coordinator_required
def export(request, pk):
    """Download the person's data of the ticked meldingen (JSON or text); logged per melding."""
    verzoek = selectors_privacy.verzoek_get(pk)
    treffers = _chosen(request, verzoek)
    if not treffers:
        return _nothing_chosen(request, verzoek)
    form = ExportForm(request.POST)
    if not form.is_valid():
        return _render_gegevens(request, verzoek, treffers, form)
    now = timezone.now()
    formaat = form.cleaned_data["formaat"]
    privacy.verzoek_export_log(
        user=request.user, verzoek=verzoek, treffers=treffers, formaat=formaat, now=now
    )
    pairs = selectors_privacy.with_meldingen(treffers)
    file = export_build(verzoek=verzoek, pairs=pairs, formaat=formaat, now=now)
    response = HttpResponse(file.content, content_type=file.content_type)
    response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@coordinator_required
def wissen(request, pk):
    """Confirm, then erase the personal data of the ticked closed meldingen. No way back."""
    verzoek = selectors_privacy.verzoek_get(pk)
    treffers = _chosen(request, verzoek)
    if not treffers:
        return _nothing_chosen(request, verzoek)
    form = WisForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = privacy.verzoek_erase(user=request.user, verzoek=verzoek, treffers=treffers)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _erased_message(plan))
            return redirect("meldpunt:privacy_verzoek", pk=verzoek.pk)
    context = {
        "verzoek": verzoek,
        "plan": privacy.erase_plan(t.melding for t in treffers),
        "references": [t.melding.reference for t in treffers],
        "form": form,
        "confirm_word": CONFIRM_WORD,
    }
    return render(request, TEMPLATES + "wissen.html", context)


def _erased_message(plan) -> str:
    text = ngettext(
        "De persoonsgegevens in %(n)s melding zijn gewist: %(refs)s.",
        "De persoonsgegevens in %(n)s meldingen zijn gewist: %(refs)s.",
        len(plan.erased),
    ) % {"n": len(plan.erased), "refs": ", ".join(plan.erased)}
    if plan.still_open:
        text += " " + _("Nog open, dus niet gewist: %(refs)s.") % {
            "refs": ", ".join(plan.still_open)
        }
    return text


@require_safe
@never_cache
@login_required
def toegang_log(request):
    """Who opened which melding's personal data, when: all for the coördinator, the own team's
    meldingen for a buurtteam member. Filters by staff member and by melding."""
    if not selectors_privacy.may_see_access_log(request.user):
        raise PermissionDenied
    viewers = selectors_privacy.toegang_viewers(request.user)
    form = ToegangFilterForm(request.GET, viewers=viewers)
    rows = selectors_privacy.toegang_rows(user=request.user, **form.filters())
    page = Paginator(rows, LOG_PER_PAGE).get_page(request.GET.get("pagina"))
    params = request.GET.copy()
    params.pop("pagina", None)
    context = {
        "form": form,
        "page": page,
        "coordinator": is_coordinator(request.user),
        "unknown_filter": bool(form.errors),
        "querystring": params.urlencode(),
    }
    return render(request, TEMPLATES + "toegang.html", context)
