"""The printable folder of the aanbod in one wijk."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from wijken.models import Wijk

from ..folder import folder_get

RETRY_AFTER_SECONDS = 30


@require_safe
def folder(request, wijk):
    wijk = get_object_or_404(Wijk, slug=wijk)
    # In the language of the page the visitor came from (Dutch unless they chose English).
    pdf = folder_get(wijk, language=get_language())
    if pdf is None:
        # A worker is still making it: say so, in words, instead of an error or a blank tab.
        response = render(request, "aanbod/folder_bezig.html", {"wijk": wijk}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="aanbod-{wijk.slug}.pdf"'
    return response
