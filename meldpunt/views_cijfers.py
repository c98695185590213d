"""Counts of meldingen per wijk for the kartrekker and the coördinator: no persons, no cases."""

from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from hilversum_eenzaamheid import roles

from .constants import Uitkomst
from .figures import melding_figures


@require_safe
@never_cache
@login_required
def melding_cijfers(request):
    """Half-yearly figures per wijk since the start of last year; small cells are hidden."""
    user = request.user
    if not (
        user.is_superuser or roles.has_role(user, roles.KARTREKKER, roles.MELDPUNT_COORDINATOR)
    ):
        raise PermissionDenied
    today = timezone.localdate()
    rows = melding_figures(
        period="halfyear", start=date(today.year - 1, 1, 1), end=today + timedelta(days=1)
    )
    return render(
        request,
        "meldpunt/werkruimte/cijfers.html",
        {"rows": rows, "outcomes": Uitkomst.choices},
    )
