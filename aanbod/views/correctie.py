""" "Klopt er iets niet?": residents report a mistake in an activity without logging in."""

import logging

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import is_ratelimited

from ..forms_public import CorrectieForm
from ..models import Activiteit
from ..services_public import correctie_create

logger = logging.getLogger(__name__)

RATE = "5/h"


def _public_or_404(slug: str) -> Activiteit:
    activiteit = Activiteit.objects.public().filter(slug=slug).first()
    if activiteit is None:
        raise Http404
    return activiteit


def _too_many(request) -> bool:
    """Count this POST against the client's IP; a cache that is down lets it through.

    Refusing every report while Redis is away would hurt residents more than a few extra
    reports hurt the kartrekker, so the limit fails open, and says so in the log.
    """
    try:
        return is_ratelimited(
            request, group="aanbod.correctie", key="ip", rate=RATE, method="POST", increment=True
        )
    except Exception:
        logger.warning("Rate limit for corrections unavailable; request let through", exc_info=True)
        return False


@require_http_methods(["GET", "HEAD", "POST"])
def correctie(request, slug):
    activiteit = _public_or_404(slug)
    context = {"activiteit": activiteit}
    if request.method != "POST":
        return render(request, "aanbod/correctie.html", {**context, "form": CorrectieForm()})
    if _too_many(request):
        typed = {name: request.POST.get(name, "") for name in ("message", "email")}
        form = CorrectieForm(initial=typed)
        context.update(form=form, rate_limited=True)
        return render(request, "aanbod/correctie.html", context, status=429)
    form = CorrectieForm(request.POST)
    if form.is_spam():
        # Pretend it worked, so the program that filled in the hidden field learns nothing.
        return redirect("aanbod:correctie_bedankt", slug=activiteit.slug)
    if not form.is_valid():
        return render(request, "aanbod/correctie.html", {**context, "form": form})
    correctie_create(
        activiteit=activiteit,
        message=form.cleaned_data["message"],
        email=form.cleaned_data["email"],
    )
    return redirect("aanbod:correctie_bedankt", slug=activiteit.slug)


@require_safe
def bedankt(request, slug):
    activiteit = _public_or_404(slug)
    return render(request, "aanbod/correctie_bedankt.html", {"activiteit": activiteit})
