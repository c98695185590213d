"""Thin Celery task of the login: the password-reset e-mail."""

import logging
from datetime import timedelta
from urllib.parse import urlsplit

from celery import shared_task
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.utils import timezone

from .forms import link_hours

logger = logging.getLogger(__name__)


@shared_task(name="accounts.password_reset_mail", ignore_result=True)
def password_reset_mail(email: str) -> None:
    """Mail a reset link to each active account with this address; nothing when there is none.

    Run twice, it sends a second link; the first keeps working until the password changes or
    PASSWORD_RESET_TIMEOUT has passed, which does no harm.
    """
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return
    site = urlsplit(settings.SITE_URL)
    # Django's form logs (with the user id only) and swallows a mail-server error.
    form.save(
        domain_override=site.netloc,
        use_https=site.scheme == "https",
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.txt",
        extra_email_context={"site_url": settings.SITE_URL, "link_hours": link_hours()},
    )


def enqueue_password_reset_mail(email: str) -> None:
    """Queue the reset mail; never raises, so a broker that is down gives the same answer."""
    try:
        password_reset_mail.delay(email)
    except Exception:  # any broker trouble: the person can ask again
        logger.warning("Kon de mail voor een nieuw wachtwoord niet inplannen", exc_info=True)


@shared_task(name="accounts.forget_login_failures", ignore_result=True)
def forget_login_failures() -> int:
    """Periodic: delete django-axes' failed-login rows older than LOGIN_FAILURE_RETENTION_DAYS.

    They hold an account name, an IP address and a browser string: kept only as long as they
    help against break-ins. Returns how many rows went.
    """
    from axes.models import AccessAttempt, AccessFailureLog

    cutoff = timezone.now() - timedelta(days=settings.LOGIN_FAILURE_RETENTION_DAYS)
    deleted = 0
    for model in (AccessAttempt, AccessFailureLog):
        deleted += model.objects.filter(attempt_time__lt=cutoff).delete()[0]
    return deleted
