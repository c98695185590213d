"""Public information pages (pillars WETEN and INFORMEREN)."""

from django.conf import settings
from django.shortcuts import render

from wijken.models import Wijk


def home(request):
    return render(request, "pijlers/home.html", {"wijken": Wijk.objects.all()})


def over(request):
    return render(request, "pijlers/over.html")


def eenzaamheid(request):
    return render(request, "pijlers/eenzaamheid.html")


def privacy(request):
    # The same settings drive the retention job, so the statement cannot drift from it.
    return render(
        request,
        "pijlers/privacy.html",
        {
            "contact_days": settings.MELDPUNT_RETENTION_CONTACT_DAYS,
            "retention_days": settings.MELDPUNT_RETENTION_DAYS,
        },
    )


def toegankelijkheid(request):
    return render(request, "pijlers/toegankelijkheid.html")
