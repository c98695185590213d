"""Meetings in the werkruimte: list, page with attendance, forms for the kartrekker."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from .. import selectors, services
from ..forms import BijeenkomstForm
from ..forms_rows import AanwezigheidFormSet, aanwezigheid_rows
from ..models import Bijeenkomst
from ..permissions import edit_required, read_required
from .helpers import add_service_errors, paginate

MORE = "meer"


@read_required
@require_safe
def bijeenkomst_list(request):
    page = paginate(request, selectors.bijeenkomsten_list())
    return render(request, "coalitie/werkruimte/bijeenkomsten.html", {"page": page})


@read_required
@require_safe
def bijeenkomst_detail(request, pk: int):
    page = selectors.bijeenkomst_page(pk=pk)
    return render(request, "coalitie/werkruimte/bijeenkomst.html", {"p": page})


@edit_required
@require_http_methods(["GET", "HEAD", "POST"])
def bijeenkomst_create(request):
    return _bijeenkomst_form(request, bijeenkomst=None)


@edit_required
@require_http_methods(["GET", "HEAD", "POST"])
def bijeenkomst_edit(request, pk: int):
    return _bijeenkomst_form(request, bijeenkomst=get_object_or_404(Bijeenkomst, pk=pk))


def _bijeenkomst_form(request, *, bijeenkomst):
    form = BijeenkomstForm(request.POST or None, instance=bijeenkomst)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.bijeenkomst_save(values=form.cleaned_data, bijeenkomst=bijeenkomst)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De bijeenkomst is opgeslagen."))
            return redirect("coalitie_werkruimte:bijeenkomst", pk=saved.pk)
    context = {"form": form, "bijeenkomst": bijeenkomst}
    return render(request, "coalitie/werkruimte/bijeenkomst_form.html", context)


@edit_required
@require_http_methods(["GET", "HEAD", "POST"])
def bijeenkomst_aanwezigen(request, pk: int):
    """Who came: one row per organisation (and person); rows can be added and removed."""
    bijeenkomst = get_object_or_404(Bijeenkomst, pk=pk)
    initial = [
        {"organisatie": row.organisatie_id, "name": row.name}
        for row in bijeenkomst.aanwezigheden.order_by("organisatie__name", "name", "pk")
    ]
    formset = AanwezigheidFormSet(
        request.POST or None,
        initial=initial,
        prefix="aanwezig",
        form_kwargs={"organisaties": selectors.organisaties_for_choice()},
    )
    service_errors = []
    if request.method == "POST" and formset.is_valid():
        try:
            services.aanwezigheid_set(bijeenkomst=bijeenkomst, rows=aanwezigheid_rows(formset))
        except ValidationError as error:
            service_errors = error.messages
        else:
            messages.success(request, _("De aanwezigen zijn opgeslagen."))
            if MORE in request.POST:
                return redirect("coalitie_werkruimte:bijeenkomst_aanwezigen", pk=pk)
            return redirect("coalitie_werkruimte:bijeenkomst", pk=pk)
    context = {"formset": formset, "bijeenkomst": bijeenkomst, "service_errors": service_errors}
    return render(request, "coalitie/werkruimte/aanwezigen_form.html", context)
