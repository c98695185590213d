"""Writes of join requests: the public form stores one, the kartrekker marks it handled."""

from datetime import datetime
from functools import partial

from django.db import transaction
from django.utils import timezone

from .models import Aanmelding
from .tasks import enqueue_aanmelding_mail


def aanmelding_create(
    *,
    organisation_name: str,
    contact_name: str,
    email: str,
    contribution: str,
    phone: str = "",
    now: datetime | None = None,
) -> Aanmelding:
    """Store a request to join the coalition and, after commit, mail the kartrekker.

    The row is the record: whatever happens to the e-mail, the kartrekker finds the request
    in the werkruimte.
    """
    aanmelding = Aanmelding(
        organisation_name=" ".join(organisation_name.split()),
        contact_name=" ".join(contact_name.split()),
        email=email.strip(),
        phone=phone.strip(),
        contribution=contribution.strip(),
        created_at=now or timezone.now(),
    )
    aanmelding.full_clean()
    with transaction.atomic():
        aanmelding.save()
        transaction.on_commit(partial(enqueue_aanmelding_mail, aanmelding.pk), robust=True)
    return aanmelding


@transaction.atomic
def aanmelding_handle(*, aanmelding: Aanmelding, user, now: datetime | None = None) -> bool:
    """Mark a join request as handled by this user; False when it already was."""
    aanmelding = Aanmelding.objects.select_for_update().get(pk=aanmelding.pk)
    if aanmelding.handled_at is not None:
        return False
    aanmelding.handled_at = now or timezone.now()
    aanmelding.handled_by = user
    aanmelding.save(update_fields=["handled_at", "handled_by"])
    return True
