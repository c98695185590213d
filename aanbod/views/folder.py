"""The printable folder of the aanbod in one wijk."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from wijken.models import Wijk

from ..folder import folder_pdf


@require_safe
def folder(request, wijk):
    wijk = get_object_or_404(Wijk, slug=wijk)
    pdf = folder_pdf(wijk, site_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="aanbod-{wijk.slug}.pdf"'
    return response
