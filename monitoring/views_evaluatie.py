"""Pages of the half-yearly evaluation.

Kartrekker and kerngroep read every evaluation. The kartrekker creates one, writes its texts
and moves its status; each kerngroep member scores it. Other roles get a 403, anonymous
visitors go to the login page.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import selectors, selectors_evaluatie, services_evaluatie
from .constants import (
    CRITERIA,
    EVALUATIE_TRANSITIONS,
    SCORE_NORM,
    TRANSITION_LABELS,
    EvaluatieStatus,
)
from .forms_evaluatie import BeoordelingForm, EvaluatieCreateForm, EvaluatieTextForm
from .periods import HalfYear
from .views import figures_access
from .views_dashboard import csv_response


def manage_access(view):
    """Logged in as kartrekker (or superuser); kerngroep and other roles get a 403."""

    @figures_access
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not selectors.may_manage_evaluations(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _evaluatie_or_404(period: str):
    evaluatie = selectors_evaluatie.evaluatie_get(period)
    if evaluatie is None:
        raise Http404
    return evaluatie


def _message(error: ValidationError) -> str:
    return " ".join(error.messages)


@require_http_methods(["GET", "HEAD", "POST"])
@figures_access
def evaluatie_list(request):
    """Every evaluation with its status; the kartrekker starts a new one here."""
    may_manage = selectors.may_manage_evaluations(request.user)
    evaluaties = list(selectors_evaluatie.evaluaties_list())
    existing = {e.period for e in evaluaties}
    form = None
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied
        form = EvaluatieCreateForm(request.POST, existing=existing)
        if form.is_valid():
            try:
                evaluatie = services_evaluatie.evaluatie_create(
                    period=form.cleaned_data["period"], user=request.user
                )
            except ValidationError as error:
                form.add_error("period", _message(error))
            else:
                return redirect("monitoring:evaluatie", period=evaluatie.period)
    elif may_manage:
        form = EvaluatieCreateForm(existing=existing)
    context = {"evaluaties": evaluaties, "form": form}
    return render(request, "monitoring/evaluatie/list.html", context)


@require_safe
@figures_access
def evaluatie_detail(request, period: str):
    """One evaluation: texts, the kerngroep's scores, the figures (frozen once vastgesteld),
    the status with what the kartrekker may do next, and the PDF versions."""
    evaluatie = selectors_evaluatie.evaluatie_for_page(period)
    if evaluatie is None:
        raise Http404
    data = selectors_evaluatie.evaluatie_data(evaluatie)
    user = request.user
    own = next((b for b in evaluatie.beoordelingen.all() if b.user_id == user.pk), None)
    csv_urls = {
        key: reverse("monitoring:evaluatie_csv", args=[evaluatie.period, key])
        for key in data["charts"]
    }
    context = {
        "evaluatie": evaluatie,
        "data": data,
        "charts": data["charts"],
        "csv_urls": csv_urls,
        "criteria": [
            {"name": c.name, "description": c.description, "text": getattr(evaluatie, c.field)}
            for c in CRITERIA[:-1]
        ],
        "lessen": {
            "name": CRITERIA[-1].name,
            "description": CRITERIA[-1].description,
            "text": evaluatie.lessen,
        },
        "missing": [
            *_missing_line(evaluatie),
            *data["missing"],
        ],
        "may_manage": selectors.may_manage_evaluations(user),
        "may_score": selectors.may_score(user) and not evaluatie.is_vastgesteld,
        "own_score": own,
        "transitions": [
            (to, TRANSITION_LABELS[to]) for to in EVALUATIE_TRANSITIONS[evaluatie.status]
        ],
        "can_vaststellen": EvaluatieStatus.VASTGESTELD in EVALUATIE_TRANSITIONS[evaluatie.status],
        "rapporten": list(evaluatie.rapporten.all()),
        "statuses": EvaluatieStatus,
        # In the page's language; the snapshot of a vastgesteld evaluation keeps the Dutch one.
        "period_label": HalfYear.parse(evaluatie.period).label,
    }
    return render(request, "monitoring/evaluatie/detail.html", context)


def _missing_line(evaluatie) -> list[str]:
    missing = selectors_evaluatie.missing_texts(evaluatie)
    if not missing:
        return []
    return [
        _("De kartrekker heeft nog niets geschreven bij: %(criteria)s.")
        % {"criteria": ", ".join(missing)}
    ]


@require_safe
@figures_access
def evaluatie_csv(request, period: str, key: str):
    """The data of one chart of an evaluation (frozen when vastgesteld) as CSV."""
    evaluatie = _evaluatie_or_404(period)
    chart = selectors_evaluatie.evaluatie_data(evaluatie)["charts"].get(key)
    if chart is None:
        raise Http404
    return csv_response(chart, f"evaluatie-{evaluatie.period}-{key.replace('_', '-')}")


@require_http_methods(["GET", "HEAD", "POST"])
@manage_access
def evaluatie_texts(request, period: str):
    """The kartrekker writes the summary and a text per criterion."""
    evaluatie = _evaluatie_or_404(period)
    if evaluatie.is_vastgesteld:
        messages.info(
            request, _("Deze evaluatie is vastgesteld. Daarna verandert er niets meer aan.")
        )
        return redirect("monitoring:evaluatie", period=period)
    form = EvaluatieTextForm(request.POST or None, instance=evaluatie)
    if request.method == "POST" and form.is_valid():
        try:
            services_evaluatie.evaluatie_texts_update(evaluatie=evaluatie, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, _message(error))
        else:
            messages.success(request, _("De teksten zijn opgeslagen."))
            return redirect("monitoring:evaluatie", period=period)
    return render(
        request, "monitoring/evaluatie/texts.html", {"evaluatie": evaluatie, "form": form}
    )


@require_POST
@manage_access
def evaluatie_status(request, period: str):
    """Move the evaluation to the status that was chosen (only an allowed move works)."""
    evaluatie = _evaluatie_or_404(period)
    to = request.POST.get("naar", "")
    try:
        services_evaluatie.evaluatie_transition(evaluatie=evaluatie, to=to, user=request.user)
    except ValidationError as error:
        messages.error(request, _message(error))
    else:
        label = dict(EvaluatieStatus.choices)[to]
        messages.success(request, _("De evaluatie staat nu op ‘%(status)s’.") % {"status": label})
    return redirect("monitoring:evaluatie", period=period)


@require_http_methods(["GET", "HEAD", "POST"])
@figures_access
def beoordeling(request, period: str):
    """A kerngroep member gives (or changes) their scores, until the evaluation is
    vastgesteld."""
    if not selectors.may_score(request.user):
        raise PermissionDenied
    evaluatie = _evaluatie_or_404(period)
    if evaluatie.is_vastgesteld:
        messages.info(request, _("Deze evaluatie is vastgesteld. De cijfers liggen vast."))
        return redirect("monitoring:evaluatie", period=period)
    current = selectors_evaluatie.beoordeling_of(evaluatie, request.user)
    initial = {}
    if current is not None:
        initial = {f: getattr(current, f) for f in ("resultaten", "proces", "samenwerking")}
        initial["comment"] = current.comment
    form = BeoordelingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services_evaluatie.beoordeling_save(
                evaluatie=evaluatie, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, _message(error))
        else:
            messages.success(request, _("Dank u wel. Uw cijfers zijn opgeslagen."))
            return redirect("monitoring:evaluatie", period=period)
    context = {"evaluatie": evaluatie, "form": form, "current": current, "norm": SCORE_NORM}
    return render(request, "monitoring/evaluatie/beoordeling.html", context)
