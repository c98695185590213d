"""The staff case pages under /werkruimte/meldingen/: list, triage, detail and its small forms.

Each form on the detail page posts to its own view, which redirects back with a message
(post/redirect/get); a form with errors re-renders the detail page with what was typed.
Anonymous → login; roles without case work → 403; another team's melding → 404.

The coördinator opens a team's melding at the same address, but sees its stand only (status,
team, dates, the steps of its history without their reasons): no personal data, so nothing for
the access log. From there they give it to another team.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from . import selectors_case, services_case, workflow
from .constants import CLOSED_STATUSES, AnnuleerReden, JaNee, VerwijzingSoort
from .forms_case import (
    SEARCH_MAX_LENGTH,
    AssignForm,
    CancelForm,
    ContactPogingForm,
    MeldingFilterForm,
    NotitieForm,
    StatusForm,
    VerwijzingForm,
)

PER_PAGE = 50
DETAIL_TEMPLATE = "meldpunt/werkruimte/detail.html"
STAND_TEMPLATE = "meldpunt/werkruimte/stand.html"
CANCEL_PREFIX = "cancel"


def case_access(view):
    """Logged in, and a buurtteam member or the coördinator; anyone else gets a 403."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not selectors_case.may_see_list(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def coordinator_only(view):
    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not selectors_case.is_coordinator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@require_safe
@case_access
def melding_list(request):
    """The user's meldingen (no names): filters by status, wijk, overdue and, for the
    coördinator, team; overdue first."""
    coordinator = selectors_case.is_coordinator(request.user)
    teams = list(selectors_case.buurtteams_for_choice()) if coordinator else None
    form = MeldingFilterForm(request.GET, teams=teams)
    now = timezone.now()
    queryset = selectors_case.werkruimte_meldingen(user=request.user, now=now, **form.filters())
    page = Paginator(queryset, PER_PAGE).get_page(request.GET.get("pagina"))
    for melding in page.object_list:
        # The coördinator opens every melding: a team's one as its stand, without personal data.
        melding.openable = coordinator or selectors_case.may_open(request.user, melding)
    context = {
        "form": form,
        "page": page,
        "coordinator": coordinator,
        "unknown_filter": bool(form.errors),
        "querystring": _querystring(request),
    }
    return render(request, "meldpunt/werkruimte/list.html", context)


def _querystring(request) -> str:
    params = request.GET.copy()
    params.pop("pagina", None)
    return params.urlencode()


@require_safe
@coordinator_only
def melding_triage(request):
    """Open meldingen without a team; the coördinator gives each to a team, with a reason."""
    return _render_triage(request)


def _render_triage(request, *, bound: tuple[int, AssignForm] | None = None, status=200):
    meldingen = list(selectors_case.triage_meldingen())
    teams = list(selectors_case.buurtteams_for_choice())
    rows = [
        (m, bound[1] if bound and bound[0] == m.pk else AssignForm(prefix=f"m{m.pk}", teams=teams))
        for m in meldingen
    ]
    context = {"rows": rows, "error_form": bound[1] if bound else None}
    return render(request, "meldpunt/werkruimte/triage.html", context, status=status)


@require_POST
@coordinator_only
def melding_assign(request, reference):
    """Give a melding to a team, with a reason: from the triage queue, or away from a team.

    A melding from triage goes back to the triage page; a team's melding to its stand page.
    """
    melding = selectors_case.melding_by_reference(reference)
    from_triage = melding.buurtteam_id is None
    teams = list(selectors_case.buurtteams_for_choice(exclude=melding.buurtteam_id))
    form = AssignForm(request.POST, prefix=f"m{melding.pk}", teams=teams)
    if form.is_valid():
        try:
            services_case.melding_assign(
                melding=melding,
                user=request.user,
                buurtteam=form.cleaned_data["buurtteam"],
                reason=form.cleaned_data["reason"],
            )
        except (ValidationError, workflow.TransitionError) as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Melding %(ref)s is naar %(team)s gestuurd.")
                % {"ref": melding.reference, "team": form.cleaned_data["buurtteam"].name},
            )
            if from_triage:
                return redirect("meldpunt:werkruimte_triage")
            return redirect("meldpunt:werkruimte_detail", reference=melding.reference)
    if from_triage:
        return _render_triage(request, bound=(melding.pk, form))
    return _render_stand(request, melding, assign_form=form)


@require_POST
@coordinator_only
def melding_cancel(request, reference):
    """The coördinator lets a melding in triage lapse (a double, or abuse), with a reason.

    A team's melding is the team's to cancel (403 here). A form with errors shows the detail
    page again; once the melding is closed, the coördinator sees its stand only.
    """
    melding = selectors_case.melding_by_reference(reference)
    if melding.buurtteam_id is not None:
        raise PermissionDenied
    form = CancelForm(request.POST, prefix=CANCEL_PREFIX)
    if form.is_valid():
        kind = form.cleaned_data["kind"]
        try:
            services_case.melding_cancel(
                melding=melding, user=request.user, kind=kind, reason=form.cleaned_data["reason"]
            )
        except (ValidationError, workflow.TransitionError) as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Melding %(ref)s is vervallen: %(kind)s.")
                % {"ref": melding.reference, "kind": AnnuleerReden(kind).label.lower()},
            )
            return redirect("meldpunt:werkruimte_triage")
    # Read again: a refusal may mean someone gave the melding to a team meanwhile, and then its
    # personal data is no longer the coördinator's to see.
    melding, access = selectors_case.melding_for_case(user=request.user, reference=reference)
    if access.full:
        return _render_detail(request, melding, access, cancel_form=form)
    return _render_stand(request, melding, error_form=form)


def _render_stand(request, melding, *, assign_form=None, error_form=None):
    """A team's melding as the coördinator sees it: the stand, and a form to give it away."""
    stand = selectors_case.melding_stand(melding.pk)
    closed = stand.status in CLOSED_STATUSES
    if assign_form is None and not closed:
        teams = selectors_case.buurtteams_for_choice(exclude=stand.buurtteam_id)
        assign_form = AssignForm(prefix=f"m{stand.pk}", teams=teams)
    context = {
        "melding": stand,
        "closed": closed,
        "now": timezone.now(),
        "assign_form": assign_form,
        "error_form": error_form or (assign_form if assign_form and assign_form.is_bound else None),
    }
    return render(request, STAND_TEMPLATE, context)


def _add_errors(form, error) -> None:
    if isinstance(error, workflow.TransitionError):
        form.add_error(None, error.message)
        return
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@require_safe
@case_access
def melding_detail(request, reference):
    """The melding with its personal data: every showing is written to the access log.

    For the coördinator a team's melding (or a closed one) shows as its stand only.
    """
    melding, access = selectors_case.melding_for_case(user=request.user, reference=reference)
    if access.full:
        return _render_detail(request, melding, access)
    if not selectors_case.is_coordinator(request.user):
        raise PermissionDenied
    return _render_stand(request, melding)


def _render_detail(request, melding, access, **forms):
    services_case.toegang_log(user=request.user, melding=melding)
    melding = selectors_case.melding_detail(melding.pk)
    query = (request.GET.get("zoek") or request.POST.get("zoek") or "").replace("\x00", "")
    query = query.strip()
    query = query[:SEARCH_MAX_LENGTH]
    next_statuses = workflow.next_statuses(melding.status) if access.work else []
    bound = next((form for form in forms.values() if form.is_bound), None)
    context = {
        "melding": melding,
        "access": access,
        "now": timezone.now(),
        "next_statuses": next_statuses,
        "status_form": StatusForm(next_statuses=next_statuses),
        "contact_form": ContactPogingForm(),
        "notitie_form": NotitieForm(),
        "verwijzing_form": VerwijzingForm(),
        # The coördinator's forms for a melding in triage (a team member never sees them).
        "assign_form": None if access.work else AssignForm(prefix=f"m{melding.pk}"),
        "cancel_form": CancelForm(prefix=CANCEL_PREFIX),
        "query": query,
        "results": selectors_case.activiteiten_search(query) if query and access.work else [],
        "error_form": bound,
        **forms,
    }
    return render(request, DETAIL_TEMPLATE, context)


def _workable(request, reference):
    melding, access = selectors_case.melding_for_case(user=request.user, reference=reference)
    if not access.work:
        raise PermissionDenied
    return melding, access


def _case_post(request, reference, *, key, form, act, success):
    """Run a case form: valid → service → message and back to the page; else the page again."""
    melding, access = _workable(request, reference)
    form = form(melding)
    if form.is_valid():
        try:
            act(melding, form.cleaned_data)
        except (ValidationError, workflow.TransitionError) as error:
            _add_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("meldpunt:werkruimte_detail", reference=melding.reference)
    return _render_detail(request, melding, access, **{key: form})


@require_POST
@case_access
def melding_status(request, reference):
    def act(melding, data):
        services_case.melding_transition(
            melding=melding,
            user=request.user,
            to_status=data["to_status"],
            reason=data["reason"],
            outcome=data["outcome"],
            share_outcome=data.get("share_outcome") == "ja",
        )

    return _case_post(
        request,
        reference,
        key="status_form",
        form=lambda m: StatusForm(request.POST, next_statuses=workflow.next_statuses(m.status)),
        act=act,
        success=_("De status is gewijzigd."),
    )


@require_POST
@case_access
def melding_contact(request, reference):
    def act(melding, data):
        services_case.contactpoging_add(
            melding=melding,
            user=request.user,
            channel=data["channel"],
            reached=data["reached"] == JaNee.JA,
            note=data["note"],
        )

    return _case_post(
        request,
        reference,
        key="contact_form",
        form=lambda m: ContactPogingForm(request.POST),
        act=act,
        success=_("De contactpoging is vastgelegd."),
    )


@require_POST
@case_access
def melding_notitie(request, reference):
    def act(melding, data):
        services_case.notitie_add(melding=melding, user=request.user, text=data["text"])

    return _case_post(
        request,
        reference,
        key="notitie_form",
        form=lambda m: NotitieForm(request.POST),
        act=act,
        success=_("De notitie is opgeslagen."),
    )


@require_POST
@case_access
def melding_verwijzing(request, reference):
    def act(melding, data):
        services_case.verwijzing_add(
            melding=melding,
            user=request.user,
            kind=data["kind"],
            activiteit=data["activiteit"] if data["kind"] == VerwijzingSoort.AANBOD else None,
            organisatie=data["organisatie"],
            description=data["description"],
        )

    return _case_post(
        request,
        reference,
        key="verwijzing_form",
        form=lambda m: VerwijzingForm(request.POST),
        act=act,
        success=_("De verwijzing is opgeslagen."),
    )
