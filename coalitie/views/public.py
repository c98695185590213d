"""Public pages of the local coalition (pillar SAMENWERKEN): the partners, and the join form."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from hilversum_eenzaamheid.ratelimit import too_many

from .. import selectors
from ..forms_public import AanmeldingForm, typed_initial
from ..services_aanmelding import aanmelding_create
from .helpers import add_service_errors

FORM_TEMPLATE = "coalitie/aanmelden.html"


@require_safe
def index(request):
    """The partners by ring, what they do, their activities, and how to join."""
    context = {"groepen": selectors.public_partners(), "form": AanmeldingForm()}
    return render(request, "coalitie/index.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def aanmelden(request):
    """The join form: stores an Aanmelding and mails the kartrekker after commit."""
    if request.method != "POST":
        return render(request, FORM_TEMPLATE, {"form": AanmeldingForm()})
    if too_many(request, group="coalitie.aanmelding", rate=settings.COALITIE_AANMELDING_RATE_LIMIT):
        form = AanmeldingForm(initial=typed_initial(request.POST))
        return render(request, FORM_TEMPLATE, {"form": form, "rate_limited": True}, status=429)
    form = AanmeldingForm(request.POST)
    if form.is_spam():
        # Pretend it worked, so the program that filled in the hidden field learns nothing.
        return redirect("coalitie:bedankt")
    if form.is_valid():
        try:
            aanmelding_create(**form.service_kwargs())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("coalitie:bedankt")
    return render(request, FORM_TEMPLATE, {"form": form})


@require_safe
def bedankt(request):
    return render(request, "coalitie/bedankt.html")
