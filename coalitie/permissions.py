"""Who may see and change the coalition's pages in the werkruimte.

- The kartrekker (and a superuser) reads and changes everything, and is the only one who sees
  the e-mail addresses and phone numbers of contact persons and the join requests.
- A kerngroep member reads the partners, meetings, trainings and ambassadors: no edit buttons,
  and every page that changes something answers 403.
- Every other role (aanbieder, buurtteam, meldpunt-coördinator) and a resident with an account
  get a 403: the coalition's contacts are not theirs to see. Anonymous visitors go to the login.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.views.decorators.cache import never_cache

from hilversum_eenzaamheid import roles


def may_edit(user) -> bool:
    return bool(
        user.is_authenticated and (user.is_superuser or roles.has_role(user, roles.KARTREKKER))
    )


def may_read(user) -> bool:
    return may_edit(user) or roles.has_role(user, roles.KERNGROEP)


def may_see_contact_details(user) -> bool:
    """E-mail and phone of contact persons, and join requests: the kartrekker's only."""
    return may_edit(user)


def read_required(view):
    """Kartrekker or kerngroep; the templates learn from request.coalitie_edit what to show."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_read(request.user):
            raise PermissionDenied
        request.coalitie_edit = may_edit(request.user)
        return view(request, *args, **kwargs)

    return wrapper


def edit_required(view):
    """Changing the coalition's data is the kartrekker's work."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_edit(request.user):
            raise PermissionDenied
        request.coalitie_edit = True
        return view(request, *args, **kwargs)

    return wrapper
