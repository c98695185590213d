"""The kartrekker's synonym list for the search ("eten" ~ "maaltijd")."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..forms_search import SynoniemForm
from ..models import Synoniem
from ..permissions import is_kartrekker
from ..search import synoniem_delete, synoniem_save


def kartrekker_required(view):
    """Anonymous visitors go to the login page; other roles get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_kartrekker(request.user):  # a superuser too, as on every kartrekker page
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _save(request, form: SynoniemForm, synoniem: Synoniem | None) -> bool:
    if not form.is_valid():
        return False
    try:
        synoniem_save(
            synoniem=synoniem,
            term=form.cleaned_data["term"],
            synonyms=form.cleaned_data["synonyms"],
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return False
    return True


def _page(request, form: SynoniemForm, editing: Synoniem | None = None):
    context = {"form": form, "editing": editing, "synoniemen": Synoniem.objects.all()}
    return render(request, "aanbod/synoniemen.html", context)


@kartrekker_required
def synoniemen(request):
    form = SynoniemForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and _save(request, form, None):
        messages.success(request, _("Het synoniem is toegevoegd."))
        return redirect("aanbod:synoniemen")
    return _page(request, form)


@kartrekker_required
def synoniem_wijzigen(request, pk: int):
    synoniem = get_object_or_404(Synoniem, pk=pk)
    form = SynoniemForm(request.POST if request.method == "POST" else None, instance=synoniem)
    if request.method == "POST" and _save(request, form, synoniem):
        messages.success(request, _("Het synoniem is opgeslagen."))
        return redirect("aanbod:synoniemen")
    return _page(request, form, editing=synoniem)


@kartrekker_required
@require_POST
def synoniem_verwijderen(request, pk: int):
    synoniem_delete(synoniem=get_object_or_404(Synoniem, pk=pk))
    messages.success(request, _("Het synoniem is verwijderd."))
    return redirect("aanbod:synoniemen")
