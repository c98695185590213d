"""Writes that residents make without an account."""

from django.db import transaction

from .models import Activiteit, Correctie


def correctie_create(*, activiteit: Activiteit, message: str, email: str = "") -> Correctie:
    """Record a resident's "Klopt er iets niet?" report and mark the activity for re-checking.

    The flag is set with an UPDATE so that the activity's modified_at stays as it was: a report
    is not a change of what the activity says.
    """
    correctie = Correctie(activiteit=activiteit, message=message.strip(), email=email.strip())
    correctie.full_clean()
    with transaction.atomic():
        correctie.save()
        Activiteit.objects.filter(pk=activiteit.pk).update(needs_review=True)
    activiteit.needs_review = True
    return correctie
