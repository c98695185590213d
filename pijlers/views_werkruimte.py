"""Staff pages of the programme under /werkruimte/pijlers/: overview, boards, timeline, actions.

Kartrekker and kerngroep read; only the kartrekker changes (see permissions.py). A form with
errors re-renders with what was typed; a valid one goes through a service and redirects.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from . import kwartalen, selectors, services
from .forms import ActieForm, TellingForm, VoortgangForm
from .models import Pijler, Telling
from .permissions import edit_required, read_required

FORM_METHODS = ["GET", "POST"]


def add_errors(form, error: ValidationError) -> None:
    """Put a service's validation errors on the form's fields (or on top when unknown)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _quarter() -> str:
    return kwartalen.current_quarter(timezone.now())


@require_safe
@read_required
def overzicht(request):
    """The six pillars with the number of actions per status."""
    context = {"summaries": selectors.board_overview(quarter=_quarter()), "current": _quarter()}
    return render(request, "pijlers/werkruimte/overzicht.html", context)


@require_safe
@read_required
def bord(request, code):
    """The board of one pillar: its sub-goals and its actions in a column per status."""
    pijler, columns = selectors.pijler_board(code=code, quarter=_quarter())
    context = {"pijler": pijler, "columns": columns, "current": _quarter()}
    return render(request, "pijlers/werkruimte/bord.html", context)


@require_safe
@read_required
def tijdlijn(request):
    """Every action on a timeline of quarters, with today's quarter marked."""
    plan = selectors.timeline(quarter=_quarter())
    return render(request, "pijlers/werkruimte/tijdlijn.html", {"timeline": plan})


@require_safe
@read_required
def actie_detail(request, pk):
    actie = selectors.actie_detail(pk=pk, quarter=_quarter())
    return render(request, "pijlers/werkruimte/actie.html", {"actie": actie})


def _actie_partners_and_data(form) -> tuple[dict, list]:
    data = dict(form.cleaned_data)
    partners = list(data.pop("partners", []))
    return data, partners


@require_http_methods(FORM_METHODS)
@edit_required
def actie_edit(request, pk):
    actie = selectors.actie_for_edit(pk=pk)
    heading = actie.title
    form = ActieForm(request.POST or None, instance=actie)
    if request.method == "POST" and form.is_valid():
        data, partners = _actie_partners_and_data(form)
        try:
            services.actie_update(actie=actie, data=data, partners=partners)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("De actie is opgeslagen."))
            return redirect("pijlers_werkruimte:actie", pk=actie.pk)
    context = {"form": form, "actie": actie, "heading": heading, "pijler": actie.pijler}
    return render(request, "pijlers/werkruimte/actie_form.html", context)


@require_http_methods(FORM_METHODS)
@edit_required
def actie_create(request, code):
    pijler = get_object_or_404(Pijler, code=code)
    form = ActieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data, partners = _actie_partners_and_data(form)
        try:
            actie = services.actie_create(pijler=pijler, data=data, partners=partners)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("De actie is toegevoegd."))
            return redirect("pijlers_werkruimte:actie", pk=actie.pk)
    context = {"form": form, "actie": None, "heading": "", "pijler": pijler}
    return render(request, "pijlers/werkruimte/actie_form.html", context)


@require_http_methods(FORM_METHODS)
@edit_required
def voortgang_add(request, pk):
    actie = selectors.actie_for_edit(pk=pk)
    form = VoortgangForm(request.POST or None, initial={"day": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.voortgang_add(
                actie=actie,
                day=form.cleaned_data["day"],
                text=form.cleaned_data["text"],
                author=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("De voortgang is toegevoegd."))
            return redirect("pijlers_werkruimte:actie", pk=actie.pk)
    return render(request, "pijlers/werkruimte/voortgang_form.html", {"form": form, "actie": actie})


@require_http_methods(FORM_METHODS)
@edit_required
def telling_create(request, pk):
    actie = selectors.actie_for_edit(pk=pk)
    form = TellingForm(request.POST or None, initial={"achieved": 0})
    if request.method == "POST" and form.is_valid():
        try:
            services.telling_create(actie=actie, data=form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Het doel is toegevoegd."))
            return redirect("pijlers_werkruimte:actie", pk=actie.pk)
    context = {"form": form, "actie": actie, "telling": None}
    return render(request, "pijlers/werkruimte/telling_form.html", context)


@require_http_methods(FORM_METHODS)
@edit_required
def telling_edit(request, pk):
    telling = get_object_or_404(Telling.objects.select_related("actie"), pk=pk)
    form = TellingForm(request.POST or None, instance=telling)
    if request.method == "POST" and form.is_valid():
        try:
            services.telling_update(telling=telling, data=form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Het doel is bijgewerkt."))
            return redirect("pijlers_werkruimte:actie", pk=telling.actie_id)
    context = {"form": form, "actie": telling.actie, "telling": telling}
    return render(request, "pijlers/werkruimte/telling_form.html", context)
