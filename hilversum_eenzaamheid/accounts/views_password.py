"""Password reset by e-mail: Django's views, with the same answer for every address."""

import logging

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited

from .forms import QueuedPasswordResetForm, link_hours

logger = logging.getLogger(__name__)


def _too_many(request) -> bool:
    """Count this POST against the client's address, so nobody can flood an inbox with links.
    A cache that is down lets it through (and says so in the log)."""
    try:
        return is_ratelimited(
            request,
            group="accounts.password_reset",
            key="ip",
            rate=settings.PASSWORD_RESET_RATE_LIMIT,
            method="POST",
            increment=True,
        )
    except Exception:
        logger.warning("Rate limit for password resets unavailable", exc_info=True)
        return False


@method_decorator(never_cache, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    """Ask for the e-mail address; whether it is known or not, the next page is the same."""

    form_class = QueuedPasswordResetForm

    def post(self, request, *args, **kwargs):
        if _too_many(request):
            context = self.get_context_data(form=self.get_form(), rate_limited=True)
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    """The same answer for every address: look in your e-mail."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(link_hours=link_hours(), **kwargs)
