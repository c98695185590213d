"""Staff pages for what the portal publishes: stories, the editable texts and the agenda.

Stories can be read by the kerngroep (they feed the half-yearly evaluation); changing anything
here is the kartrekker's work.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from . import selectors, services
from .constants import PaginaSlug
from .forms import AgendaItemForm, PaginaForm, VerhaalForm
from .models import Actie, AgendaItem, Verhaal
from .permissions import edit_required, read_required
from .views_werkruimte import FORM_METHODS, add_errors

PER_PAGE = 50


@require_safe
@read_required
def verhalen(request):
    page = Paginator(selectors.verhalen_staff(), PER_PAGE).get_page(request.GET.get("pagina"))
    return render(request, "pijlers/werkruimte/verhalen.html", {"page": page})


def _initial_actie(request) -> dict:
    value = request.GET.get("actie", "")
    if value.isdigit() and Actie.objects.filter(pk=value).exists():
        return {"actie": int(value)}
    return {}


@require_http_methods(FORM_METHODS)
@edit_required
def verhaal_create(request):
    form = VerhaalForm(request.POST or None, initial=_initial_actie(request))
    if request.method == "POST" and form.is_valid():
        try:
            verhaal = services.verhaal_create(data=form.cleaned_data, author=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Het verhaal is opgeslagen."))
            if verhaal.actie_id:
                return redirect("pijlers_werkruimte:actie", pk=verhaal.actie_id)
            return redirect("pijlers_werkruimte:verhalen")
    return render(request, "pijlers/werkruimte/verhaal_form.html", {"form": form, "verhaal": None})


@require_http_methods(FORM_METHODS)
@edit_required
def verhaal_edit(request, pk):
    verhaal = get_object_or_404(Verhaal, pk=pk)
    heading = verhaal.title
    form = VerhaalForm(request.POST or None, instance=verhaal)
    if request.method == "POST" and form.is_valid():
        try:
            services.verhaal_update(verhaal=verhaal, data=form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Het verhaal is opgeslagen."))
            return redirect("pijlers_werkruimte:verhalen")
    context = {"form": form, "verhaal": verhaal, "heading": heading}
    return render(request, "pijlers/werkruimte/verhaal_form.html", context)


@require_http_methods(FORM_METHODS)
@edit_required
def verhaal_delete(request, pk):
    verhaal = get_object_or_404(Verhaal, pk=pk)
    if request.method == "POST":
        services.verhaal_delete(verhaal=verhaal)
        messages.success(request, _("Het verhaal is verwijderd."))
        return redirect("pijlers_werkruimte:verhalen")
    context = {"object": verhaal, "cancel_url": "pijlers_werkruimte:verhalen"}
    return render(request, "pijlers/werkruimte/confirm_delete.html", context)


def _pagina_slug(slug: str) -> str:
    if slug not in PaginaSlug.values:
        raise Http404
    return slug


@require_safe
@edit_required
def paginas(request):
    rows = [(slug, label, selectors.pagina_get(slug)) for slug, label in PaginaSlug.choices]
    return render(request, "pijlers/werkruimte/paginas.html", {"rows": rows})


@require_http_methods(FORM_METHODS)
@edit_required
def pagina_edit(request, slug):
    pagina = selectors.pagina_get(_pagina_slug(slug))
    fields = ("title", "body", "title_en", "body_en")
    initial = {name: getattr(pagina, name) for name in fields}
    form = PaginaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.pagina_update(
                slug=slug, author=request.user, **{name: form.cleaned_data[name] for name in fields}
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("De pagina is opgeslagen. Iedereen ziet nu de nieuwe tekst.")
            )
            return redirect("pijlers_werkruimte:pagina_geschiedenis", slug=slug)
    context = {"form": form, "pagina": pagina, "label": PaginaSlug(slug).label}
    return render(request, "pijlers/werkruimte/pagina_form.html", context)


@require_safe
@edit_required
def pagina_geschiedenis(request, slug):
    """Every saved version of a page: who, when and the full text."""
    pagina = selectors.pagina_get(_pagina_slug(slug))
    page = Paginator(selectors.pagina_versies(slug), 20).get_page(request.GET.get("pagina"))
    context = {"pagina": pagina, "page": page, "label": PaginaSlug(slug).label}
    return render(request, "pijlers/werkruimte/pagina_geschiedenis.html", context)


@require_safe
@edit_required
def agenda(request):
    include_past = request.GET.get("eerder") == "1"
    items = selectors.agenda_staff(today=timezone.localdate(), include_past=include_past)
    context = {"items": items, "include_past": include_past}
    return render(request, "pijlers/werkruimte/agenda.html", context)


@require_http_methods(FORM_METHODS)
@edit_required
def agenda_create(request):
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_create(data=form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Het agendapunt is opgeslagen."))
            return redirect("pijlers_werkruimte:agenda")
    return render(request, "pijlers/werkruimte/agenda_form.html", {"form": form, "item": None})


@require_http_methods(FORM_METHODS)
@edit_required
def agenda_edit(request, pk):
    item = get_object_or_404(AgendaItem, pk=pk)
    heading = item.title
    form = AgendaItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_update(item=item, data=form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Het agendapunt is opgeslagen."))
            return redirect("pijlers_werkruimte:agenda")
    context = {"form": form, "item": item, "heading": heading}
    return render(request, "pijlers/werkruimte/agenda_form.html", context)


@require_http_methods(FORM_METHODS)
@edit_required
def agenda_delete(request, pk):
    item = get_object_or_404(AgendaItem, pk=pk)
    if request.method == "POST":
        services.agenda_item_delete(item=item)
        messages.success(request, _("Het agendapunt is verwijderd."))
        return redirect("pijlers_werkruimte:agenda")
    context = {"object": item, "cancel_url": "pijlers_werkruimte:agenda"}
    return render(request, "pijlers/werkruimte/confirm_delete.html", context)
