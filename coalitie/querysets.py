from datetime import date

from django.db import models
from django.utils import timezone


class LidmaatschapQuerySet(models.QuerySet):
    def current(self, today: date | None = None):
        """Memberships that have started and not ended on this day (Amsterdam time)."""
        today = today or timezone.localdate()
        return self.filter(since__lte=today).filter(
            models.Q(until__isnull=True) | models.Q(until__gte=today)
        )


class BijeenkomstQuerySet(models.QuerySet):
    def public(self):
        """Meetings anyone may come to; the campaign calendar shows these."""
        return self.filter(public=True)

    def from_date(self, day: date):
        return self.filter(date__gte=day)
