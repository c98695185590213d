"""Ambassadors, and the join requests from the public form (kartrekker only)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from .. import selectors, services
from ..forms import AmbassadeurForm
from ..models import Aanmelding, Ambassadeur
from ..permissions import edit_required, read_required
from ..services_aanmelding import aanmelding_handle
from .helpers import add_service_errors, paginate


@read_required
@require_safe
def ambassadeur_list(request):
    page = paginate(request, selectors.ambassadeurs_list())
    return render(request, "coalitie/werkruimte/ambassadeurs.html", {"page": page})


@edit_required
@require_http_methods(["GET", "HEAD", "POST"])
def ambassadeur_create(request):
    return _ambassadeur_form(request, ambassadeur=None)


@edit_required
@require_http_methods(["GET", "HEAD", "POST"])
def ambassadeur_edit(request, pk: int):
    return _ambassadeur_form(request, ambassadeur=get_object_or_404(Ambassadeur, pk=pk))


def _ambassadeur_form(request, *, ambassadeur):
    initial = {} if ambassadeur else {"since": timezone.localdate()}
    form = AmbassadeurForm(request.POST or None, instance=ambassadeur, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.ambassadeur_save(values=form.cleaned_data, ambassadeur=ambassadeur)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De ambassadeur is opgeslagen."))
            return redirect("coalitie_werkruimte:ambassadeurs")
    context = {"form": form, "ambassadeur": ambassadeur}
    return render(request, "coalitie/werkruimte/ambassadeur_form.html", context)


@edit_required
@require_http_methods(["GET", "HEAD", "POST"])
def ambassadeur_delete(request, pk: int):
    ambassadeur = get_object_or_404(Ambassadeur, pk=pk)
    if request.method == "POST":
        services.ambassadeur_delete(ambassadeur=ambassadeur)
        messages.success(request, _("De ambassadeur is verwijderd."))
        return redirect("coalitie_werkruimte:ambassadeurs")
    context = {
        "title": _("Ambassadeur verwijderen"),
        "question": _(
            "Wilt u %(name)s verwijderen als ambassadeur? Dit kunt u niet ongedaan maken."
        )
        % {"name": ambassadeur.name},
        "back_url": reverse("coalitie_werkruimte:ambassadeurs"),
        "current": "ambassadeurs",
    }
    return render(request, "coalitie/werkruimte/confirm_delete.html", context)


@edit_required
@require_safe
def aanmelding_list(request):
    """Join requests: open ones, oldest first; ?toon=alle adds the handled ones."""
    show_handled = request.GET.get("toon") == "alle"
    page = paginate(request, selectors.aanmeldingen_list(show_handled=show_handled))
    context = {"page": page, "show_handled": show_handled}
    return render(request, "coalitie/werkruimte/aanmeldingen.html", context)


@edit_required
@require_POST
def aanmelding_afhandelen(request, pk: int):
    aanmelding = get_object_or_404(Aanmelding, pk=pk)
    if aanmelding_handle(aanmelding=aanmelding, user=request.user):
        messages.success(
            request,
            _("De aanmelding van %(name)s is afgehandeld.")
            % {"name": aanmelding.organisation_name},
        )
    else:
        messages.info(request, _("Deze aanmelding was al afgehandeld."))
    return redirect("coalitie_werkruimte:aanmeldingen")
