"""Public pages of the meldpunt, staff entry of a phoned-in melding, and the CSRF failure page."""

import json
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from hilversum_eenzaamheid import roles
from hilversum_eenzaamheid.context_processors import language_switch
from hilversum_eenzaamheid.ratelimit import too_many

from .constants import Bron, Over
from .forms import PublicMeldingForm, StaffMeldingForm, typed_initial
from .notifications import first_contact_workdays
from .services import melding_create, reference_new

logger = logging.getLogger(__name__)

# The thank-you page shows the reference only to the browser that sent the melding. A signed
# cookie remembers it (not a session: visitors of the form get no session, so the form costs
# no session reads and writes). It holds references only, never what was reported.
BEDANKT_COOKIE = "meldpunt_bedankt"
BEDANKT_SALT = "meldpunt.bedankt"
BEDANKT_MAX_AGE = 24 * 60 * 60
# The thank-you page only knows the last few meldingen sent from this browser.
BEDANKT_KEEP = 5
FORM_TEMPLATE = "meldpunt/melding_form.html"


def _remembered(request) -> dict:
    """The references this browser sent ({reference: urgent}); {} for a missing or bad cookie."""
    value = request.get_signed_cookie(
        BEDANKT_COOKIE, default="", salt=BEDANKT_SALT, max_age=BEDANKT_MAX_AGE
    )
    try:
        seen = json.loads(value) if value else {}
    except ValueError:
        return {}
    return seen if isinstance(seen, dict) else {}


def _remember(request, response, melding) -> None:
    """Let this browser, and only this one, see the reference on the thank-you page."""
    seen = _remembered(request)
    seen[melding.reference] = bool(melding.urgent)
    seen = dict(list(seen.items())[-BEDANKT_KEEP:])
    response.set_signed_cookie(
        BEDANKT_COOKIE,
        json.dumps(seen, separators=(",", ":")),
        salt=BEDANKT_SALT,
        max_age=BEDANKT_MAX_AGE,
        path=reverse("meldpunt:index"),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _submit(form, **extra):
    """Hand a valid form to the service; a refusal there shows on the form like any error."""
    try:
        return melding_create(**form.service_kwargs(), **extra)
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def melding_new(request):
    """The public form /meldpunt/: anyone may report, without an account."""
    if request.method != "POST":
        # A link can choose the first answer: the self-check links to ?over=zelf.
        about = request.GET.get("over")
        initial = {"about": about} if about in Over.values else None
        return render(request, FORM_TEMPLATE, {"form": PublicMeldingForm(initial=initial)})
    if too_many(request, group="meldpunt.melding", rate=settings.MELDPUNT_RATE_LIMIT):
        form = PublicMeldingForm(initial=typed_initial(PublicMeldingForm, request.POST))
        return render(request, FORM_TEMPLATE, {"form": form, "rate_limited": True}, status=429)
    form = PublicMeldingForm(request.POST)
    if form.is_spam():
        # Pretend it worked, so the program that filled in the hidden field learns nothing.
        return redirect("meldpunt:bedankt", reference=reference_new())
    # The reporter's e-mails follow the language of the form (/en/meldpunt/: English).
    melding = (
        _submit(form, source=Bron.WEB, language=request.LANGUAGE_CODE) if form.is_valid() else None
    )
    if melding is None:
        return render(request, FORM_TEMPLATE, {"form": form})
    response = redirect("meldpunt:bedankt", reference=melding.reference)
    _remember(request, response, melding)
    return response


@never_cache
@require_safe
def bedankt(request, reference):
    """What happens next. The reference shows only in the browser that sent the melding;
    anyone else sees the same page without it, so a guessed address reveals nothing."""
    seen = _remembered(request)
    context = {
        "reference": reference if reference in seen else None,
        "urgent": seen.get(reference) is True,
        "workdays": first_contact_workdays(),
        "language_switch": _switch_to_the_form(request),
    }
    response = render(request, "meldpunt/bedankt.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def _switch_to_the_form(request) -> list[dict[str, str]]:
    """The language switch of the thank-you page leads to the form in the other language.

    The page's own address holds the reference, which this page shows only to the browser that
    sent the melding; a link repeating it would show it to anyone who guessed the address.
    """
    links = language_switch(request)
    for link in links:
        link["url"] = translate_url(reverse("meldpunt:index"), link["code"])
    return links


def _may_enter_meldingen(user) -> bool:
    return user.is_superuser or roles.has_role(user, roles.MELDPUNT_COORDINATOR, roles.BUURTTEAM)


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def staff_melding_new(request):
    """A melding taken by phone or at the desk, entered by the coördinator or a team member."""
    if not _may_enter_meldingen(request.user):
        raise PermissionDenied
    if request.method != "POST":
        return render(request, "meldpunt/staff_melding_form.html", {"form": StaffMeldingForm()})
    form = StaffMeldingForm(request.POST)
    if form.is_valid():
        extra = {"source": form.cleaned_data["source"], "entered_by": request.user}
        melding = _submit(form, **extra)
        if melding is not None:
            team = melding.buurtteam.name if melding.buurtteam else None
            messages.success(request, _saved_message(melding.reference, team))
            return redirect("meldpunt:staff_melding_new")
    return render(request, "meldpunt/staff_melding_form.html", {"form": form})


def _saved_message(reference: str, team: str | None) -> str:
    if team:
        return _("Melding %(ref)s is opgeslagen en doorgestuurd naar %(team)s.") % {
            "ref": reference,
            "team": team,
        }
    return _("Melding %(ref)s is opgeslagen. De coördinator kiest er een buurtteam voor.") % {
        "ref": reference
    }


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a friendly page instead of Django's technical 403.

    On the melding form, the form comes back with everything typed, so nothing is lost; the
    new page carries a fresh token, and sending it again works.
    """
    logger.info("CSRF failure on %s: %s", request.path, reason)
    if request.method == "POST" and request.path == reverse("meldpunt:index"):
        form = PublicMeldingForm(initial=typed_initial(PublicMeldingForm, request.POST))
        context = {"form": form, "csrf_failed": True}
        return render(request, FORM_TEMPLATE, context, status=403)
    return render(request, "meldpunt/csrf_failure.html", status=403)
