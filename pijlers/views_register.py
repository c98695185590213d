"""The processing register (verwerkingsregister) for staff: every role may read it."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from hilversum_eenzaamheid import roles

from . import privacy_register


@require_safe
@never_cache
@login_required
def verwerkingsregister(request):
    """Per kind of personal data what the privacy statement says, with legal basis and open
    points; built from the same list (pijlers/privacy_register.py). Staff only (403 else)."""
    if not roles.is_staff_user(request.user):
        raise PermissionDenied
    context = {
        "categorieen": privacy_register.categorieen(),
        "algemeen": privacy_register.algemeen(),
    }
    return render(request, "pijlers/verwerkingsregister.html", context)
