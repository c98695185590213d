"""Locations in the werkruimte: everyone picks from the list or adds a place; only the
kartrekker changes an existing one, because other organisations' activities may use it too."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import services
from ..forms import LocatieForm
from ..models import Locatie
from ..permissions import is_kartrekker, kartrekker_required, werkruimte_required

PER_PAGE = 50


@require_GET
@werkruimte_required
def locatie_list(request):
    q = request.GET.get("q", "").strip()[:100]
    queryset = Locatie.objects.select_related("wijk").order_by("name", "pk")
    if q:
        queryset = queryset.filter(name__icontains=q)
    page = Paginator(queryset, PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "aanbod/werkruimte/locaties.html",
        {"page": page, "q": q, "kartrekker": is_kartrekker(request.user)},
    )


def _next_url(request) -> str:
    # Back to the schedule form the provider came from, only if it is a page of this site.
    url = request.POST.get("volgende") or request.GET.get("volgende") or ""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return url
    return ""


@werkruimte_required
def locatie_create(request):
    form = LocatieForm(request.POST or None)
    volgende = _next_url(request)
    if request.method == "POST" and form.is_valid():
        locatie = services.locatie_save(values=form.cleaned_data)
        messages.success(request, _("De locatie %(name)s is toegevoegd.") % {"name": locatie})
        if volgende:
            separator = "&" if "?" in volgende else "?"
            return redirect(f"{volgende}{separator}locatie={locatie.pk}")
        return redirect("aanbod:werkruimte_locaties")
    return render(
        request, "aanbod/werkruimte/locatie_form.html", {"form": form, "volgende": volgende}
    )


@kartrekker_required
def locatie_edit(request, pk: int):
    locatie = get_object_or_404(Locatie, pk=pk)
    form = LocatieForm(request.POST or None, instance=locatie)
    if request.method == "POST" and form.is_valid():
        services.locatie_save(values=form.cleaned_data, locatie=locatie)
        messages.success(request, _("De locatie is opgeslagen."))
        return redirect("aanbod:werkruimte_locaties")
    return render(
        request, "aanbod/werkruimte/locatie_form.html", {"form": form, "locatie": locatie}
    )
