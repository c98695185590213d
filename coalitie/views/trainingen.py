"""Trainings in signalling loneliness: list, page with participants, forms for the kartrekker,
and making a participant an ambassador in one click."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from .. import selectors, services
from ..forms import TrainingForm
from ..forms_rows import DeelnemerFormSet, deelnemer_rows
from ..models import Training
from ..permissions import edit_required, read_required
from .helpers import add_service_errors, paginate

MORE = "meer"


@read_required
@require_safe
def training_list(request):
    page = paginate(request, selectors.trainingen_list())
    return render(request, "coalitie/werkruimte/trainingen.html", {"page": page})


@read_required
@require_safe
def training_detail(request, pk: int):
    training = selectors.training_get(pk=pk)
    context = {"training": training, "deelnemers": selectors.training_deelnemers(training)}
    return render(request, "coalitie/werkruimte/training.html", context)


@edit_required
@require_http_methods(["GET", "HEAD", "POST"])
def training_create(request):
    return _training_form(request, training=None)


@edit_required
@require_http_methods(["GET", "HEAD", "POST"])
def training_edit(request, pk: int):
    return _training_form(request, training=get_object_or_404(Training, pk=pk))


def _training_form(request, *, training):
    form = TrainingForm(request.POST or None, instance=training)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.training_save(values=form.cleaned_data, training=training)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De training is opgeslagen."))
            return redirect("coalitie_werkruimte:training", pk=saved.pk)
    context = {"form": form, "training": training}
    return render(request, "coalitie/werkruimte/training_form.html", context)


@edit_required
@require_http_methods(["GET", "HEAD", "POST"])
def training_deelnemers(request, pk: int):
    """Add, change and remove participants; existing ones keep their ambassador link."""
    training = get_object_or_404(Training, pk=pk)
    initial = [
        {"id": d.pk, "name": d.name, "organisatie": d.organisatie_id, "function": d.function}
        for d in training.deelnemers.order_by("name", "pk")
    ]
    formset = DeelnemerFormSet(
        request.POST or None,
        initial=initial,
        prefix="deelnemer",
        form_kwargs={"organisaties": selectors.organisaties_for_choice()},
    )
    service_errors = []
    if request.method == "POST" and formset.is_valid():
        try:
            services.deelnemers_save(training=training, rows=deelnemer_rows(formset))
        except ValidationError as error:
            service_errors = error.messages
        else:
            messages.success(request, _("De deelnemers zijn opgeslagen."))
            if MORE in request.POST:
                return redirect("coalitie_werkruimte:training_deelnemers", pk=pk)
            return redirect("coalitie_werkruimte:training", pk=pk)
    context = {"formset": formset, "training": training, "service_errors": service_errors}
    return render(request, "coalitie/werkruimte/deelnemers_form.html", context)


@edit_required
@require_POST
def deelnemer_ambassadeur(request, pk: int, deelnemer_pk: int):
    """Make one participant an ambassador (trained, since today)."""
    deelnemer = selectors.deelnemer_get(training_pk=pk, pk=deelnemer_pk)
    ambassadeur, created = services.ambassadeur_from_deelnemer(
        deelnemer=deelnemer, since=timezone.localdate()
    )
    if created:
        message = _("%(name)s is nu ambassadeur.") % {"name": ambassadeur.name}
    else:
        message = _("%(name)s was al ambassadeur.") % {"name": ambassadeur.name}
    messages.success(request, message)
    return redirect("coalitie_werkruimte:training", pk=pk)
