"""Spending per action, entered by the kartrekker; the evaluation sets it against the budget."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import services_evaluatie
from .forms_evaluatie import UitgaveForm
from .models import Uitgave
from .selectors_uitgaven import begroting_per_jaar, uitgaven_list
from .views_evaluatie import manage_access


@require_http_methods(["GET", "HEAD", "POST"])
@manage_access
def uitgaven(request):
    """The spending so far, newest first, and a form to add one."""
    form = UitgaveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_evaluatie.uitgave_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(request, _("De uitgave is opgeslagen."))
            return redirect("monitoring:uitgaven")
    context = {"form": form, "uitgaven": uitgaven_list(), "begroting": begroting_per_jaar()}
    return render(request, "monitoring/uitgaven.html", context)


@require_POST
@manage_access
def uitgave_delete(request, pk: int):
    uitgave = get_object_or_404(Uitgave, pk=pk)
    services_evaluatie.uitgave_delete(uitgave=uitgave)
    messages.success(request, _("De uitgave is verwijderd."))
    return redirect("monitoring:uitgaven")
