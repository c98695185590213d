"""Werkruimte of the sociale kaart: the list of activities, the activity form, "klopt nog",
and the change log. Schedules, locations and the kartrekker's pages live in werkruimte_*.py."""

import copy

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import selectors, services
from ..constants import Moderatie
from ..forms import ActiviteitForm, LijstFilterForm
from ..permissions import get_activiteit_for, is_kartrekker, werkruimte_required

PER_PAGE = 50


@require_GET
@werkruimte_required
def activiteit_list(request):
    """Aanbieder: their organisation's activities; kartrekker: all, with filters."""
    kartrekker = is_kartrekker(request.user)
    form = LijstFilterForm(request.GET)
    form.is_valid()  # invalid values are dropped from cleaned_data and named in a note
    chosen = form.cleaned_data.get("filter", "")
    queryset = selectors.werkruimte_activiteiten(
        user=request.user, filter=chosen, q=form.cleaned_data.get("q", "")
    )
    page = Paginator(queryset, PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "aanbod/werkruimte/list.html",
        {
            "form": form,
            "page": page,
            "chosen": chosen,
            "filters": LijstFilterForm.FILTERS,
            "kartrekker": kartrekker,
            "unknown_filter": "filter" in form.errors,
            "open_voorstellen": selectors.voorstellen_open().count() if kartrekker else None,
        },
    )


@werkruimte_required
def activiteit_create(request):
    form = ActiviteitForm(request.POST or None, user_is_kartrekker=is_kartrekker(request.user))
    if request.method == "POST" and form.is_valid():
        activiteit = services.activiteit_create(user=request.user, values=form.values())
        if activiteit.moderatie == Moderatie.WACHT:
            messages.success(
                request,
                _(
                    "De activiteit is bewaard. De kartrekker bekijkt hem; daarna komt hij op de "
                    "sociale kaart. Voeg nu toe wanneer de activiteit is."
                ),
            )
        else:
            messages.success(request, _("De activiteit staat op de sociale kaart."))
        return redirect("aanbod:werkruimte_roosters", pk=activiteit.pk)
    return render(request, "aanbod/werkruimte/activiteit_form.html", {"form": form})


@werkruimte_required
def activiteit_edit(request, pk: int):
    """Edit an activity; for an aanbieder's approved activity this edits their proposal."""
    activiteit = get_activiteit_for(request.user, pk)
    kartrekker = is_kartrekker(request.user)
    voorstel = selectors.pending_edit(activiteit)
    form = ActiviteitForm(
        request.POST or None,
        # A copy: the form writes what was typed onto its instance, the page shows the saved name.
        instance=copy.copy(activiteit),
        user_is_kartrekker=kartrekker,
        voorstel=None if kartrekker else voorstel,
    )
    if request.method == "POST" and form.is_valid():
        proposed = services.activiteit_update(
            activiteit=activiteit, user=request.user, values=form.values()
        )
        if proposed is not None:
            messages.success(
                request,
                _(
                    "Uw wijziging is verstuurd naar de kartrekker. Tot die hem goedkeurt, "
                    "ziet iedereen de oude gegevens."
                ),
            )
        else:
            messages.success(request, _("De gegevens zijn opgeslagen."))
        return redirect("aanbod:werkruimte_list")
    return render(
        request,
        "aanbod/werkruimte/activiteit_form.html",
        {
            "form": form,
            "activiteit": activiteit,
            "voorstel": voorstel,
            "proposal_mode": not kartrekker and activiteit.moderatie == Moderatie.GOEDGEKEURD,
        },
    )


@require_POST
@werkruimte_required
def activiteit_confirm(request, pk: int):
    """ "Klopt nog" from the list: the activity is still right as it is."""
    activiteit = get_activiteit_for(request.user, pk)
    services.activiteit_confirm(activiteit=activiteit, user=request.user)
    messages.success(
        request,
        _("Bedankt. %(name)s staat nu als gecontroleerd op vandaag.") % {"name": activiteit.name},
    )
    return redirect("aanbod:werkruimte_list")


@require_GET
@werkruimte_required
def activiteit_history(request, pk: int):
    activiteit = get_activiteit_for(request.user, pk)
    page = Paginator(selectors.activiteit_history(activiteit), PER_PAGE).get_page(
        request.GET.get("pagina")
    )
    rows = [(w, selectors.field_label(w.field)) for w in page]
    return render(
        request,
        "aanbod/werkruimte/geschiedenis.html",
        {"activiteit": activiteit, "page": page, "rows": rows},
    )
