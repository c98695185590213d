"""Pages of the monitoring app: GGD import (upload and status) and the list of figures.

Kartrekker: everything. Kerngroep: reads the figures and the import status, cannot upload.
Other roles get a 403; anonymous visitors go to the login page.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from . import selectors, services
from .forms import FigureFilterForm, UploadForm

# Seconds between refreshes of the status page while an import runs.
REFRESH_SECONDS = 5
# htmx stops polling when a response has this status code.
HTMX_STOP_POLLING = 286


def figures_access(view):
    """Logged in, and kartrekker or kerngroep (or superuser); anyone else gets a 403."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not selectors.may_view_figures(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@require_http_methods(["GET", "HEAD", "POST"])
@figures_access
def import_page(request):
    """The upload form (kartrekker) and the latest import runs (kartrekker and kerngroep)."""
    may_import = selectors.may_import(request.user)
    form = None
    if request.method == "POST":
        if not may_import:
            raise PermissionDenied
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            batch = services.import_batch_create(
                upload=form.cleaned_data["file"],
                source=form.cleaned_data["source"],
                user=request.user,
            )
            return redirect("monitoring:import_status", pk=batch.pk)
    elif may_import:
        form = UploadForm()
    context = {"form": form, "batches": selectors.import_batches_recent()}
    return render(request, "monitoring/import.html", context)


@require_safe
@figures_access
def import_status(request, pk):
    """How far an import is. Refreshes itself while it runs: htmx polling with JavaScript,
    a <meta> refresh without it (which ?verversen=uit switches off).
    """
    batch = selectors.import_batch_detail(pk)
    if batch is None:
        raise Http404
    context = {
        "batch": batch,
        "auto_refresh": request.GET.get("verversen") != "uit",
        "refresh_seconds": REFRESH_SECONDS,
    }
    if request.headers.get("HX-Request") == "true":
        context["announce"] = not batch.is_active
        status = 200 if batch.is_active else HTMX_STOP_POLLING
        return render(request, "monitoring/_import_voortgang.html", context, status=status)
    return render(request, "monitoring/import_status.html", context)


@require_safe
@figures_access
def figure_list(request):
    """The stored figures per indicator, year and age group, in plain tables."""
    form = FigureFilterForm(
        request.GET or None,
        years=selectors.observation_years(),
        indicators=selectors.indicator_choices(),
    )
    tables = selectors.figure_tables(**form.filters())
    context = {
        "form": form,
        "tables": tables,
        "unknown_filter": form.is_bound and not form.is_valid(),
    }
    return render(request, "monitoring/cijfers.html", context)
