"""The printable folder of the aanbod in one wijk."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from wijken.models import Wijk

from ..folder import folder_pdf


@require_safe
def folder(request, wijk):
    wijk = get_object_or_404(Wijk, slug=wijk)
    # In the language of the page the visitor came from (Dutch unless they chose English).
    site_url = request.build_absolute_uri("/")
    pdf = folder_pdf(wijk, site_url=site_url, language=get_language())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="aanbod-{wijk.slug}.pdf"'
    return response
