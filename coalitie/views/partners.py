"""Partners in the werkruimte: list with filters, CSV export, partner page, edit forms and
contact persons. Permissions: see coalitie/permissions.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from .. import selectors, services
from ..constants import Rol
from ..export import partners_csv
from ..filters import PartnerFilter
from ..forms import ContactpersoonForm, PartnerCreateForm, PartnerForm
from ..models import Contactpersoon, Lidmaatschap
from ..permissions import edit_required, may_see_contact_details, read_required
from .helpers import add_service_errors, paginate

FORM_TEMPLATE = "coalitie/werkruimte/partner_form.html"


@read_required
@require_safe
def partner_list(request):
    """Partners, filtered by role, sector, wijk, signalling role and status (GET)."""
    filterset = PartnerFilter(request.GET, queryset=selectors.partners_list())
    page = paginate(request, filterset.qs)
    context = {
        "filter": filterset,
        "page": page,
        "unknown_filter": bool(filterset.form.errors),
        "open_aanmeldingen": selectors.aanmeldingen_open_count() if request.coalitie_edit else 0,
    }
    return render(request, "coalitie/werkruimte/partners.html", context)


@read_required
@require_safe
def partner_export(request):
    """The filtered list as CSV; contact persons only in the kartrekker's file."""
    filterset = PartnerFilter(request.GET, queryset=selectors.partners_list())
    with_contacts = may_see_contact_details(request.user)
    leden = selectors.partners_for_export(filterset.qs, with_contacts=with_contacts)
    return partners_csv(leden, with_contacts=with_contacts)


@read_required
@require_safe
def partner_detail(request, slug: str):
    page = selectors.partner_page(slug=slug)
    context = {"p": page, "contact_details": may_see_contact_details(request.user)}
    return render(request, "coalitie/werkruimte/partner.html", context)


@edit_required
@require_http_methods(["GET", "HEAD", "POST"])
def partner_create(request):
    form = PartnerCreateForm(
        request.POST or None,
        organisaties=selectors.organisaties_without_membership(),
        initial={"since": timezone.localdate(), "role": Rol.SCHILPARTNER},
    )
    if request.method == "POST" and form.is_valid():
        try:
            lid = services.partner_create(
                values=form.cleaned_data, organisatie=form.cleaned_data.get("organisatie")
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("%(name)s is toegevoegd aan de coalitie.") % {"name": lid.organisatie}
            )
            return redirect("coalitie_werkruimte:partner", slug=lid.organisatie.slug)
    return render(request, FORM_TEMPLATE, {"form": form})


@edit_required
@require_http_methods(["GET", "HEAD", "POST"])
def partner_edit(request, slug: str):
    lid = get_object_or_404(
        Lidmaatschap.objects.select_related("organisatie"), organisatie__slug=slug
    )
    form = PartnerForm(request.POST or None, instance=lid)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_update(lidmaatschap=lid, values=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De gegevens zijn opgeslagen."))
            return redirect("coalitie_werkruimte:partner", slug=slug)
    return render(request, FORM_TEMPLATE, {"form": form, "organisatie": lid.organisatie})


def _lid_or_404(slug: str) -> Lidmaatschap:
    return get_object_or_404(
        Lidmaatschap.objects.select_related("organisatie"), organisatie__slug=slug
    )


@edit_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_create(request, slug: str):
    organisatie = _lid_or_404(slug).organisatie
    return _contact_form(request, organisatie=organisatie, contactpersoon=None)


@edit_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_edit(request, pk: int):
    contactpersoon = get_object_or_404(Contactpersoon.objects.select_related("organisatie"), pk=pk)
    return _contact_form(
        request, organisatie=contactpersoon.organisatie, contactpersoon=contactpersoon
    )


def _contact_form(request, *, organisatie, contactpersoon):
    form = ContactpersoonForm(request.POST or None, instance=contactpersoon)
    if request.method == "POST" and form.is_valid():
        try:
            services.contactpersoon_save(
                organisatie=organisatie, values=form.cleaned_data, contactpersoon=contactpersoon
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De contactpersoon is opgeslagen."))
            return redirect("coalitie_werkruimte:partner", slug=organisatie.slug)
    context = {"form": form, "organisatie": organisatie, "contactpersoon": contactpersoon}
    return render(request, "coalitie/werkruimte/contact_form.html", context)


@edit_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_delete(request, pk: int):
    contactpersoon = get_object_or_404(Contactpersoon.objects.select_related("organisatie"), pk=pk)
    organisatie = contactpersoon.organisatie
    if request.method == "POST":
        services.contactpersoon_delete(contactpersoon=contactpersoon)
        messages.success(request, _("De contactpersoon is verwijderd."))
        return redirect("coalitie_werkruimte:partner", slug=organisatie.slug)
    context = {
        "title": _("Contactpersoon verwijderen"),
        "question": _("Wilt u %(name)s van %(org)s verwijderen? Dit kunt u niet ongedaan maken.")
        % {"name": contactpersoon.name, "org": organisatie.name},
        "back_url": reverse("coalitie_werkruimte:partner", args=[organisatie.slug]),
        "current": "partners",
    }
    return render(request, "coalitie/werkruimte/confirm_delete.html", context)
