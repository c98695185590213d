""" "Klopt er iets niet?": residents report a mistake in an activity without logging in."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from hilversum_eenzaamheid.ratelimit import too_many

from ..forms_public import CorrectieForm
from ..models import Activiteit
from ..services_public import correctie_create

RATE = "5/h"


def _public_or_404(slug: str) -> Activiteit:
    activiteit = Activiteit.objects.public().filter(slug=slug).first()
    if activiteit is None:
        raise Http404
    return activiteit


@require_http_methods(["GET", "HEAD", "POST"])
def correctie(request, slug):
    activiteit = _public_or_404(slug)
    context = {"activiteit": activiteit}
    if request.method != "POST":
        return render(request, "aanbod/correctie.html", {**context, "form": CorrectieForm()})
    if too_many(request, group="aanbod.correctie", rate=RATE):
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
