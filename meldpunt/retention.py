"""Retention: personal data of closed meldingen is removed on a schedule; the figures stay.

Counted from `closed_at` of a closed melding (AFGESLOTEN or GEANNULEERD):
- after MELDPUNT_RETENTION_CONTACT_DAYS (default 30) the reporter's contact details go: the
  Melder's name, e-mail and phone, and the address and text of the e-mails sent to the
  reporter (`contact_erased_at` is set);
- after MELDPUNT_RETENTION_DAYS (default 365) all other personal data goes too: the person
  concerned (Betrokkene), the melding's free text, case notes, notes on contact attempts,
  referral notes, reasons in the status history (they may name people) and the address and
  text of every remaining e-mail (`anonymised_at` is set).
What the figures need stays: wijk, dates, reporter role, signals, status, outcome, source,
urgency, referral kinds, the history's statuses and times.

A day counts whole: a melding closed at 10:00 on 1 March loses the reporter's contact in the
run at or after 10:00 on 31 March. Work is done in batches, one transaction per batch; each
step only takes what is not done yet, so a second run, or a run that stopped halfway, does no
harm.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import CLOSED_STATUSES, UitberichtSoort
from .models import (
    Betrokkene,
    ContactPoging,
    Melder,
    Melding,
    Notitie,
    StatusWijziging,
    Uitbericht,
    Verwijzing,
)
from .notifications import MAX_ATTEMPTS

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
ERASED_NOTE = "Niet verstuurd: gegevens verwijderd volgens de bewaartermijn."


@dataclass(frozen=True)
class RetentionReport:
    contact_erased: int
    anonymised: int
    dry_run: bool

    def lines(self) -> list[str]:
        """The report in Dutch, one line per count, for the command and the logs."""
        if self.dry_run:
            return [
                _("Proefdraai: er is niets veranderd."),
                _("Meldingen waarvan de contactgegevens van de melder weg zouden gaan: %(n)s")
                % {"n": self.contact_erased},
                _("Meldingen die geanonimiseerd zouden worden: %(n)s") % {"n": self.anonymised},
            ]
        return [
            _("Meldingen waarvan de contactgegevens van de melder zijn verwijderd: %(n)s")
            % {"n": self.contact_erased},
            _("Meldingen geanonimiseerd: %(n)s") % {"n": self.anonymised},
        ]


def _closed_before(cutoff: datetime) -> Q:
    return Q(status__in=CLOSED_STATUSES, closed_at__isnull=False, closed_at__lte=cutoff)


def contact_erase_due(*, now: datetime) -> QuerySet:
    """Closed meldingen whose reporter's contact details are due for removal."""
    cutoff = now - timedelta(days=settings.MELDPUNT_RETENTION_CONTACT_DAYS)
    return Melding.objects.filter(_closed_before(cutoff), contact_erased_at__isnull=True)


def anonymise_due(*, now: datetime) -> QuerySet:
    """Closed meldingen whose remaining personal data is due for removal."""
    cutoff = now - timedelta(days=settings.MELDPUNT_RETENTION_DAYS)
    return Melding.objects.filter(_closed_before(cutoff), anonymised_at__isnull=True)


def _blank_uitberichten(rows: QuerySet) -> None:
    # An unsent row without an address can never go out: park it for good, and say why.
    rows.filter(sent_at__isnull=True).update(attempts=MAX_ATTEMPTS, last_error=ERASED_NOTE)
    rows.update(recipient="", body="")


def _erase_contact(ids: list[int], now: datetime) -> int:
    reporter_mail = Q(kind=UitberichtSoort.ONTVANGST) | (
        # Later messages to the reporter (other kinds) went to the reporter's own address.
        ~Q(melding__melder__email="") & Q(recipient__iexact=F("melding__melder__email"))
    )
    _blank_uitberichten(Uitbericht.objects.filter(reporter_mail, melding_id__in=ids))
    Melder.objects.filter(melding_id__in=ids).update(name="", email="", phone="")
    return Melding.objects.filter(pk__in=ids, contact_erased_at__isnull=True).update(
        contact_erased_at=now
    )


def anonymise_meldingen(ids: list[int], now: datetime) -> int:
    """Remove the personal data of these meldingen and keep what statistics need.

    The daily retention job and a data subject's erasure request (meldpunt/privacy.py) both
    use it, so an erasure removes exactly what retention removes.
    """
    _erase_contact(ids, now)  # when the contact step never ran (e.g. shorter periods set)
    Betrokkene.objects.filter(melding_id__in=ids).update(
        name="", street="", postcode="", huisnummer="", phone="", email=""
    )
    Notitie.objects.filter(melding_id__in=ids).update(text="")
    ContactPoging.objects.filter(melding_id__in=ids).update(note="")
    Verwijzing.objects.filter(melding_id__in=ids).update(description="")
    StatusWijziging.objects.filter(melding_id__in=ids).update(reason="")
    _blank_uitberichten(Uitbericht.objects.filter(melding_id__in=ids))
    return Melding.objects.filter(pk__in=ids, anonymised_at__isnull=True).update(
        text="", anonymised_at=now
    )


def _in_batches(queryset: QuerySet, step, now: datetime, batch_size: int) -> int:
    done = 0
    while True:
        ids = list(queryset.order_by("pk").values_list("pk", flat=True)[:batch_size])
        if not ids:
            return done
        with transaction.atomic():
            changed = step(ids, now)
        if not changed:  # nothing more could be done: never loop for ever
            logger.error("Bewaartermijn: %s meldingen bleven onveranderd", len(ids))
            return done
        done += changed


def retention_apply(
    *, now: datetime | None = None, dry_run: bool = False, batch_size: int = BATCH_SIZE
) -> RetentionReport:
    """Remove the personal data of closed meldingen whose retention periods have passed.

    A dry run counts what would be removed and changes nothing. Open meldingen are never
    touched. Returns the number of meldingen dealt with in each step.
    """
    now = now or timezone.now()
    if dry_run:
        return RetentionReport(
            contact_erased=contact_erase_due(now=now).count(),
            anonymised=anonymise_due(now=now).count(),
            dry_run=True,
        )
    # Contact first, so that a melding due for both counts in both lines, as in a dry run.
    contact_erased = _in_batches(contact_erase_due(now=now), _erase_contact, now, batch_size)
    anonymised = _in_batches(anonymise_due(now=now), anonymise_meldingen, now, batch_size)
    report = RetentionReport(contact_erased=contact_erased, anonymised=anonymised, dry_run=False)
    if contact_erased or anonymised:
        logger.info("Bewaartermijn: %s", "; ".join(report.lines()))
    return report
