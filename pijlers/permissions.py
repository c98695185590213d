"""Who may see and change the programme's pages in the werkruimte (/werkruimte/pijlers/).

- The kartrekker (and a superuser) reads and changes everything.
- A kerngroep member reads the boards, the timeline and the actions; every page that changes
  something answers 403, and no edit links are shown.
- Every other role, and a resident with an account, gets a 403. Anonymous visitors go to the
  login page.
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


def read_required(view):
    """Kartrekker or kerngroep; templates learn from request.pijlers_edit what to offer."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_read(request.user):
            raise PermissionDenied
        request.pijlers_edit = may_edit(request.user)
        return view(request, *args, **kwargs)

    return wrapper


def edit_required(view):
    """Changing the programme and the public texts is the kartrekker's work."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_edit(request.user):
            raise PermissionDenied
        request.pijlers_edit = True
        return view(request, *args, **kwargs)

    return wrapper
