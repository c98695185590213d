"""The kartrekker's pages of the werkruimte: the moderation queue, corrections, coverage gaps.

A proposal's page is also open to the aanbieder who owns the activity (read only), so that they
can see what they proposed and why it was rejected.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import selectors, services
from ..constants import Moderatie
from ..filters import term_label
from ..forms import AfwijzenForm
from ..models import Correctie
from ..permissions import get_voorstel_for, is_kartrekker, kartrekker_required, werkruimte_required

PER_PAGE = 50


@require_GET
@kartrekker_required
def voorstel_list(request):
    page = Paginator(selectors.voorstellen_open(), PER_PAGE).get_page(request.GET.get("pagina"))
    return render(request, "aanbod/werkruimte/voorstellen.html", {"page": page})


@require_http_methods(["GET", "POST"])
@werkruimte_required
def voorstel_detail(request, pk: int):
    """What a proposal changes; the kartrekker approves it or rejects it with a reason."""
    voorstel = get_voorstel_for(request.user, pk)
    can_decide = is_kartrekker(request.user) and voorstel.status == Moderatie.WACHT
    form = AfwijzenForm()
    if request.method == "POST":
        if not can_decide:
            messages.error(request, _("Dit voorstel kunt u niet (meer) beoordelen."))
            return redirect("aanbod:werkruimte_voorstel", pk=voorstel.pk)
        if request.POST.get("besluit") == "goedkeuren":
            return _approve(request, voorstel)
        form = AfwijzenForm(request.POST)
        if form.is_valid():
            services.voorstel_reject(
                voorstel=voorstel, user=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("Het voorstel is afgewezen. De aanbieder ziet uw reden."))
            return redirect("aanbod:werkruimte_voorstellen")
    return render(
        request,
        "aanbod/werkruimte/voorstel.html",
        {
            "voorstel": voorstel,
            "activiteit": voorstel.activiteit,
            "changes": selectors.voorstel_changes(voorstel),
            "can_decide": can_decide,
            "form": form,
        },
    )


def _approve(request, voorstel):
    try:
        services.voorstel_approve(voorstel=voorstel, user=request.user)
    except ValidationError as error:
        # The activity changed since the proposal so that it no longer fits: say why.
        for message in error.messages:
            messages.error(request, message)
        return redirect("aanbod:werkruimte_voorstel", pk=voorstel.pk)
    messages.success(request, _("Het voorstel is goedgekeurd en staat op de sociale kaart."))
    return redirect("aanbod:werkruimte_voorstellen")


@require_GET
@kartrekker_required
def correctie_list(request):
    afgehandeld = request.GET.get("toon") == "afgehandeld"
    page = Paginator(selectors.correcties_list(afgehandeld=afgehandeld), PER_PAGE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "aanbod/werkruimte/correcties.html",
        {"page": page, "afgehandeld": afgehandeld},
    )


@require_POST
@kartrekker_required
def correctie_handle(request, pk: int):
    correctie = get_object_or_404(Correctie, pk=pk)
    services.correctie_handle(correctie=correctie, user=request.user)
    messages.success(request, _("De correctie is afgehandeld."))
    return redirect("aanbod:werkruimte_correcties")


@require_GET
@kartrekker_required
def dekking(request):
    context = selectors.coverage_gaps()
    # The database holds the Dutch labels; the column headings follow the page's language.
    context["doelgroep_labels"] = [term_label(term) for term in context["doelgroepen"]]
    return render(request, "aanbod/werkruimte/dekking.html", context)
