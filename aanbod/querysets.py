from datetime import timedelta

from django.db import models
from django.utils import timezone

from .constants import Moderatie, Status

# An activity nobody confirmed for this long drops out of public search (not deleted).
STALE_AFTER = timedelta(days=365)


class ActiviteitQuerySet(models.QuerySet):
    def public(self, now=None):
        """Activities residents may find: active, approved, and confirmed within a year."""
        now = now or timezone.now()
        return self.filter(
            status=Status.ACTIEF,
            moderatie=Moderatie.GOEDGEKEURD,
            assured_at__gt=now - STALE_AFTER,
        )
