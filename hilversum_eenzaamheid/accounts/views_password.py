"""Password reset by e-mail: Django's views, with the same answer for every address."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from ..ratelimit import too_many
from .forms import QueuedPasswordResetForm, link_hours


@method_decorator(never_cache, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    """Ask for the e-mail address; whether it is known or not, the next page is the same."""

    form_class = QueuedPasswordResetForm

    def post(self, request, *args, **kwargs):
        if too_many(
            request, group="accounts.password_reset", rate=settings.PASSWORD_RESET_RATE_LIMIT
        ):
            context = self.get_context_data(form=self.get_form(), rate_limited=True)
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    """The same answer for every address: look in your e-mail."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(link_hours=link_hours(), **kwargs)
