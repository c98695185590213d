"""The lock-out backend, first in AUTHENTICATION_BACKENDS."""

from axes.backends import AxesStandaloneBackend


class WebLoginLockoutBackend(AxesStandaloneBackend):
    """django-axes' lock-out check, for logins that come with a request.

    Axes raises ValueError when `authenticate()` is called without a request. Every login form
    of the portal passes its request (Django's LoginView does), so what calls without one is a
    shell, a management command or a test: none of them is a way in from the web, and there is
    no address to count. Those calls go straight on to the password check.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
