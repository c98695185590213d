"""Who may read and change the programme's staff pages (coalitie, pijlers): one rule for both.

- The kartrekker (and a superuser) reads and changes everything.
- A kerngroep member reads; every page that changes something answers 403, and the templates
  offer no edit buttons (they learn it from a flag on the request).
- Every other role, and a resident with an account, gets a 403. Anonymous visitors go to the
  login page.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.views.decorators.cache import never_cache

from . import roles


def may_edit_programme(user) -> bool:
    return bool(
        user.is_authenticated and (user.is_superuser or roles.has_role(user, roles.KARTREKKER))
    )


def may_read_programme(user) -> bool:
    return may_edit_programme(user) or roles.has_role(user, roles.KERNGROEP)


def programme_views(flag: str):
    """The decorators (read_required, edit_required) of one app; `flag` names the request
    attribute that tells its templates whether to offer editing."""

    def guard(check, edit):
        def decorator(view):
            @never_cache
            @login_required
            @wraps(view)
            def wrapper(request, *args, **kwargs):
                if not check(request.user):
                    raise PermissionDenied
                setattr(request, flag, edit(request.user))
                return view(request, *args, **kwargs)

            return wrapper

        return decorator

    read_required = guard(may_read_programme, may_edit_programme)
    edit_required = guard(may_edit_programme, lambda user: True)
    return read_required, edit_required
