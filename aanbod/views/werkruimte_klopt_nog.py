"""The one-click "klopt nog" page from the reminder e-mail: no login, a signed expiring link.

Opening the link changes nothing (mail scanners open links too); the button on the page does.
"""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import services
from ..permissions import klopt_nog_check

STATUS = {"geldig": 200, "bevestigd": 200, "verlopen": 410, "ongeldig": 404}


@never_cache
@require_http_methods(["GET", "POST"])
def klopt_nog(request, token: str):
    check = klopt_nog_check(token)
    state = check.state
    if state == "geldig" and request.method == "POST":
        services.activiteit_confirm(activiteit=check.activiteit, by_name=services.EMAILLINK)
        state = "klaar"
    response = render(
        request,
        "aanbod/werkruimte/klopt_nog.html",
        {"state": state, "activiteit": check.activiteit},
        status=STATUS.get(state, 200),
    )
    response["X-Robots-Tag"] = "noindex"
    return response
