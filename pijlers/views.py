"""Public information pages (pillars WETEN and INFORMEREN)."""

from django.shortcuts import render


def home(request):
    return render(request, "pijlers/home.html")


def over(request):
    return render(request, "pijlers/over.html")


def eenzaamheid(request):
    return render(request, "pijlers/eenzaamheid.html")


def privacy(request):
    return render(request, "pijlers/privacy.html")


def toegankelijkheid(request):
    return render(request, "pijlers/toegankelijkheid.html")
