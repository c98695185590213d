"""The evaluation as PDF: ask for it, follow its progress, download it.

The request only queues the work (a Celery task renders it) and shows a status page that
refreshes itself: htmx polling with JavaScript, a <meta> refresh inside <noscript> without it
(axe-core fails a <meta> refresh that a browser with JavaScript would also obey).
"""

from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from . import selectors_evaluatie, services_evaluatie
from .constants import RapportStatus
from .views import HTMX_STOP_POLLING, REFRESH_SECONDS, figures_access


@require_POST
@figures_access
def rapport_request(request, period: str):
    """Queue a new PDF version (or, once vastgesteld, find the one final version)."""
    evaluatie = selectors_evaluatie.evaluatie_get(period)
    if evaluatie is None:
        raise Http404
    rapport = services_evaluatie.rapport_request(evaluatie=evaluatie, user=request.user)
    return redirect("monitoring:rapport", period=period, version=rapport.version)


@require_safe
@figures_access
def rapport_status(request, period: str, version: int):
    """How far the PDF is; the download link once it is ready."""
    rapport = selectors_evaluatie.rapport_get(period=period, version=version)
    if rapport is None:
        raise Http404
    context = {
        "rapport": rapport,
        "evaluatie": rapport.evaluatie,
        "auto_refresh": request.GET.get("verversen") != "uit",
        "refresh_seconds": REFRESH_SECONDS,
    }
    if request.headers.get("HX-Request") == "true":
        context["announce"] = not rapport.is_active
        status = 200 if rapport.is_active else HTMX_STOP_POLLING
        return render(request, "monitoring/rapport/_voortgang.html", context, status=status)
    return render(request, "monitoring/rapport/status.html", context)


@require_safe
@figures_access
def rapport_download(request, period: str, version: int):
    """The stored PDF file of a finished version."""
    rapport = selectors_evaluatie.rapport_get(period=period, version=version)
    if rapport is None or rapport.status != RapportStatus.KLAAR or not rapport.file:
        raise Http404
    try:
        stream = rapport.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        stream, as_attachment=True, filename=rapport.file_name, content_type="application/pdf"
    )
