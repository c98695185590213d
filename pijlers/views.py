"""Public information pages (pillars WETEN and INFORMEREN)."""

from django.shortcuts import render

from wijken.models import Wijk


def home(request):
    return render(request, "pijlers/home.html", {"wijken": Wijk.objects.all()})


def over(request):
    return render(request, "pijlers/over.html")


def eenzaamheid(request):
    return render(request, "pijlers/eenzaamheid.html")


def privacy(request):
    return render(request, "pijlers/privacy.html")


def toegankelijkheid(request):
    return render(request, "pijlers/toegankelijkheid.html")
