"""Security headers that Django's SecurityMiddleware does not set.

Content-Security-Policy comes from django-csp (settings.CONTENT_SECURITY_POLICY); HSTS,
nosniff, Referrer-Policy and Cross-Origin-Opener-Policy from SecurityMiddleware. What is left
is Permissions-Policy: the portal never needs a camera, microphone or location, so a script
that got in anyway (or a page that frames a third party) cannot ask for them either.
"""

from django.conf import settings

PERMISSIONS_POLICY_HEADER = "Permissions-Policy"


def permissions_policy_value(features: dict[str, list[str]]) -> str:
    """The header value: `feature=(origins)` joined by commas; an empty list allows nobody."""
    return ", ".join(f"{name}=({' '.join(origins)})" for name, origins in features.items())


class PermissionsPolicyMiddleware:
    """Add Permissions-Policy to every response that does not have one yet."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = permissions_policy_value(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.value:
            response.headers.setdefault(PERMISSIONS_POLICY_HEADER, self.value)
        return response
