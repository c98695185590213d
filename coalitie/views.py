"""Public page of the local coalition against loneliness (pillar SAMENWERKEN)."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from .models import Organisatie


@require_safe
def index(request):
    """The partner organisations, with what they do and how to reach them."""
    partners = Organisatie.objects.prefetch_related("wijken").order_by("name")
    return render(request, "coalitie/index.html", {"partners": partners})
