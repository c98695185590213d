"""The e-mail to the kartrekker about a join request from the public form."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import Aanmelding

logger = logging.getLogger(__name__)

SENT, ALREADY_SENT, NO_ADDRESS, GONE = "sent", "already-sent", "no-address", "gone"
# Requests older than this that were never mailed are not mailed any more: the kartrekker has
# long seen them in the werkruimte, and a stale e-mail would only confuse.
CATCH_UP_DAYS = 7


def aanmelding_notify(*, aanmelding_id: int, now=None) -> str:
    """Mail the kartrekker (settings.KARTREKKER_EMAIL) about one join request, once.

    Returns what happened. Without an address nothing is sent: the request waits in the
    werkruimte all the same. Mail-server errors propagate, so that the task retries; the
    request is not marked as mailed then.
    """
    with transaction.atomic():
        aanmelding = Aanmelding.objects.select_for_update().filter(pk=aanmelding_id).first()
        if aanmelding is None:
            return GONE
        if aanmelding.notified_at is not None:
            return ALREADY_SENT
        recipient = settings.KARTREKKER_EMAIL
        if not recipient:
            logger.warning("KARTREKKER_EMAIL is leeg: aanmelding %s niet gemaild", aanmelding.pk)
            return NO_ADDRESS
        # For the kartrekker: Dutch, with the Dutch address, whatever the language of the form
        # (an eager task runs inside the English request).
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "aanmelding": aanmelding,
                "url": settings.SITE_URL + reverse("coalitie_werkruimte:aanmeldingen"),
            }
            subject = render_to_string("coalitie/email/aanmelding_onderwerp.txt", context)
            body = render_to_string("coalitie/email/aanmelding.txt", context)
        send_mail(" ".join(subject.split()), body, None, [recipient])
        aanmelding.notified_at = now or timezone.now()
        aanmelding.save(update_fields=["notified_at"])
    return SENT


def aanmeldingen_unsent(*, now=None) -> list[int]:
    """Ids of recent join requests whose e-mail never went (broker or mail server was down)."""
    now = now or timezone.now()
    return list(
        Aanmelding.objects.filter(
            notified_at__isnull=True, created_at__gte=now - timedelta(days=CATCH_UP_DAYS)
        )
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    )
