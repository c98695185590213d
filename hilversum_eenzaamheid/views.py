"""Site-wide views: the health check and the staff landing page."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import broker_state
from .roles import is_staff_user, user_roles


@require_GET
@never_cache
def healthz(request):
    """Database and broker state as JSON; 503 when the database does not answer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except Exception:  # any failure means "not healthy", never a traceback
        database = "unavailable"
    body = {"database": database, "broker": broker_state()}
    body["status"] = "ok" if database == "ok" else "unavailable"
    return JsonResponse(body, status=200 if database == "ok" else 503)


@login_required
def werkruimte(request):
    """The staff landing page: what each of the user's roles can reach."""
    if not is_staff_user(request.user):
        raise PermissionDenied
    return render(
        request,
        "werkruimte.html",
        {"roles": user_roles(request.user), "is_superuser": request.user.is_superuser},
    )
