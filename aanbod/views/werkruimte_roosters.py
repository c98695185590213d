"""Schedules of an activity in the werkruimte: add, change and delete them, and their exceptions.

Every page works on the whole list of schedules (selectors.rooster_items) and saves the whole
list (services.roosters_save): directly, or as the aanbieder's proposal for an approved activity.
"""

import uuid

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import selectors, services
from ..constants import Moderatie
from ..forms_rooster import RoosterForm, UitzonderingForm, initial_from_item
from ..permissions import get_activiteit_for, is_kartrekker, werkruimte_required


class Werk:
    """The activity, whether changes become a proposal, and the schedules being edited."""

    def __init__(self, request, pk: int):
        self.activiteit = get_activiteit_for(request.user, pk)
        self.proposal_mode = (
            not is_kartrekker(request.user) and self.activiteit.moderatie == Moderatie.GOEDGEKEURD
        )
        self.voorstel = selectors.pending_edit(self.activiteit)
        mine = self.voorstel if self.proposal_mode else None
        self.items = selectors.rooster_items(self.activiteit, voorstel=mine)

    def find(self, key: str) -> dict:
        for item in self.items:
            if str(item.get("key")) == key:
                return item
        raise Http404

    def new_key(self) -> str | None:
        # Saved schedules are known by their id; a proposed new one needs a key of its own.
        return f"n{uuid.uuid4().hex[:8]}" if self.proposal_mode else None

    def save(self, request, message: str):
        proposed = services.roosters_save(
            activiteit=self.activiteit, user=request.user, items=self.items
        )
        if proposed is not None:
            message += " " + _(
                "Dit is een voorstel: de kartrekker bekijkt het. Tot dan ziet iedereen het oude "
                "rooster."
            )
        messages.success(request, message)
        return redirect("aanbod:werkruimte_roosters", pk=self.activiteit.pk)

    def context(self, **extra) -> dict:
        return {
            "activiteit": self.activiteit,
            "proposal_mode": self.proposal_mode,
            "voorstel": self.voorstel,
            **extra,
        }


@require_GET
@werkruimte_required
def rooster_list(request, pk: int):
    werk = Werk(request, pk)
    rows = selectors.rooster_rows(werk.items)
    return render(request, "aanbod/werkruimte/roosters.html", werk.context(rows=rows))


def _locatie_initial(request) -> dict:
    # Coming back from "nieuwe locatie": that location is preselected.
    value = request.GET.get("locatie", "")
    return {"locatie": int(value)} if value.isdigit() and len(value) < 12 else {}


@werkruimte_required
def rooster_create(request, pk: int):
    werk = Werk(request, pk)
    form = RoosterForm(request.POST or None, initial=_locatie_initial(request))
    if request.method == "POST" and form.is_valid():
        werk.items.append(form.item(werk.new_key()))
        return werk.save(request, _("Het rooster is toegevoegd."))
    return render(request, "aanbod/werkruimte/rooster_form.html", werk.context(form=form))


@werkruimte_required
def rooster_edit(request, pk: int, key: str):
    werk = Werk(request, pk)
    item = werk.find(key)
    initial = {**initial_from_item(item), **_locatie_initial(request)}
    form = RoosterForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        item.update(form.item(item.get("key"), item.get("uitzonderingen")))
        return werk.save(request, _("Het rooster is aangepast."))
    return render(
        request, "aanbod/werkruimte/rooster_form.html", werk.context(form=form, item=item)
    )


@require_http_methods(["GET", "POST"])
@werkruimte_required
def rooster_delete(request, pk: int, key: str):
    werk = Werk(request, pk)
    item = werk.find(key)
    if request.method == "POST":
        werk.items.remove(item)
        return werk.save(request, _("Het rooster is verwijderd."))
    selectors.rooster_rows([item])
    return render(request, "aanbod/werkruimte/rooster_delete.html", werk.context(item=item))


@werkruimte_required
def uitzondering_create(request, pk: int, key: str):
    werk = Werk(request, pk)
    item = werk.find(key)
    form = UitzonderingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item.setdefault("uitzonderingen", []).append(form.item())
        item["uitzonderingen"].sort(key=lambda u: u["start_date"])
        return werk.save(request, _("De uitzondering is toegevoegd."))
    selectors.rooster_rows([item])
    return render(
        request, "aanbod/werkruimte/uitzondering_form.html", werk.context(form=form, item=item)
    )


@require_POST
@werkruimte_required
def uitzondering_delete(request, pk: int, key: str, index: int):
    werk = Werk(request, pk)
    item = werk.find(key)
    uitzonderingen = item.get("uitzonderingen") or []
    if index >= len(uitzonderingen):
        raise Http404
    del uitzonderingen[index]
    return werk.save(request, _("De uitzondering is verwijderd."))
