"""The outbox: e-mails are written as rows with the change that causes them, and sent later.

A row is sent at most once: the sender locks it (skipping rows another worker holds), checks
that it is still unsent, sends, and records `sent_at` in the same transaction. A failure is
recorded (attempts, last_error) and the row gets a later `next_attempt_at`, so the periodic task
tries again with growing pauses. Should a worker die between the SMTP server accepting the mail
and the commit, that one mail goes out again: twice is better than never for these messages.
"""

import logging
import smtplib
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hilversum_eenzaamheid import roles

from .constants import MelderRol, Status, UitberichtSoort
from .models import Melding, Uitbericht

logger = logging.getLogger(__name__)

SENT, SKIPPED, FAILED = "sent", "skipped", "failed"
# Transient trouble with the mail server: worth another try later.
SEND_ERRORS = (smtplib.SMTPException, OSError)
# After this many failed tries a row stays unsent and visible in the admin for a person to see.
MAX_ATTEMPTS = 12
# The task itself sends at once; the periodic task only takes what it left behind, so it waits
# this long before touching a fresh or just-failed row.
SWEEP_GRACE = timedelta(minutes=2)


def backoff(attempts: int) -> timedelta:
    """Pause after the n-th failed attempt: 1, 2, 4, … minutes, at most 6 hours."""
    return min(timedelta(minutes=2 ** max(attempts - 1, 0)), timedelta(hours=6))


def first_contact_workdays() -> int:
    return settings.MELDPUNT_FIRST_CONTACT_WORKDAYS


def melding_staff_url(melding: Melding) -> str:
    """Link to the melding in the werkruimte; the team logs in there to read the details."""
    with translation.override(settings.LANGUAGE_CODE):  # staff pages: the Dutch address
        return settings.SITE_URL + reverse("meldpunt:werkruimte_detail", args=[melding.reference])


def coordinator_addresses() -> list[str]:
    """E-mail addresses of the active meldpunt-coördinatoren (and the shared one, if set)."""
    addresses = set(
        get_user_model()
        .objects.filter(groups__name=roles.MELDPUNT_COORDINATOR, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    shared = settings.MELDPUNT_COORDINATOR_EMAIL
    if shared:
        addresses.add(shared)
    return sorted(addresses)


def _row(melding, kind, recipient, subject, template, now, **context) -> Uitbericht:
    context = {
        "melding": melding,
        "link": melding_staff_url(melding),
        "workdays": first_contact_workdays(),
        **context,
    }
    body = render_to_string(f"meldpunt/email/{template}.txt", context)
    return Uitbericht(
        melding=melding,
        kind=kind,
        recipient=recipient,
        subject=" ".join(subject.split())[:200],
        body=body,
        urgent=melding.urgent,
        created_at=now,
        next_attempt_at=now + SWEEP_GRACE,
    )


def uitberichten_for_new_melding(
    *, melding: Melding, receipt_to: str, now: datetime
) -> list[Uitbericht]:
    """The (unsaved) outbox rows a new melding causes.

    A receipt when the reporter gave an e-mail address; the team's message, or the
    coördinatoren's when no team covers the wijk; for an urgent melding the coördinatoren hear
    of it too, so that someone acts on it the same day.
    """
    ref = melding.reference
    rows = []
    with translation.override(settings.LANGUAGE_CODE):
        spoed = _("SPOED") + ": " if melding.urgent else ""
        if receipt_to:
            # The reporter's receipt in the language they made the melding in.
            with translation.override(melding.language or settings.LANGUAGE_CODE):
                subject = _("Uw melding is ontvangen (kenmerk %(ref)s)") % {"ref": ref}
                rows.append(
                    _row(melding, UitberichtSoort.ONTVANGST, receipt_to, subject, "ontvangst", now)
                )
        if melding.buurtteam is not None:
            subject = spoed + _("Nieuwe melding %(ref)s") % {"ref": ref}
            rows.append(
                _row(
                    melding,
                    UitberichtSoort.TEAM_NIEUW,
                    melding.buurtteam.email,
                    subject,
                    "team_nieuw",
                    now,
                    team=melding.buurtteam,
                )
            )
        if melding.buurtteam is None or melding.urgent:
            subject = spoed + _("Nieuwe melding %(ref)s") % {"ref": ref}
            for address in coordinator_addresses():
                rows.append(
                    _row(
                        melding,
                        UitberichtSoort.COORDINATOR_NIEUW,
                        address,
                        subject,
                        "coordinator_nieuw",
                        now,
                        team=melding.buurtteam,
                    )
                )
    if melding.buurtteam is None and not any(r.kind != UitberichtSoort.ONTVANGST for r in rows):
        logger.error("Melding %s wacht op triage, maar er is geen coördinator met e-mail", ref)
    return rows


REPORTER_UPDATES = {
    Status.OPGEPAKT: (
        UitberichtSoort.MELDER_OPGEPAKT,
        "melder_opgepakt",
        gettext_lazy("Uw melding %(ref)s is opgepakt"),
    ),
    Status.AFGESLOTEN: (
        UitberichtSoort.MELDER_AFGESLOTEN,
        "melder_afgesloten",
        gettext_lazy("Uw melding %(ref)s is afgesloten"),
    ),
}


def uitbericht_for_reporter(*, melding: Melding, status: str, now: datetime) -> Uitbericht | None:
    """The (unsaved) update to the reporter when their melding is picked up or closed.

    Only to a reporter who left an e-mail address (not yet erased), and without the outcome or
    anything else from the case: the reporter is often not the person concerned.
    """
    update = REPORTER_UPDATES.get(status)
    melder = getattr(melding, "melder", None)
    if update is None or melder is None or not melder.email:
        return None
    kind, template, subject = update
    # A GP or care professional may hear how it ended, and only when the person agreed.
    outcome = ""
    if (
        status == Status.AFGESLOTEN
        and melding.outcome_may_be_shared
        and melder.role in (MelderRol.PROFESSIONAL, MelderRol.VERWIJZER)
    ):
        outcome = melding.get_outcome_display()
    with translation.override(melding.language or settings.LANGUAGE_CODE):
        return _row(
            melding,
            kind,
            melder.email,
            str(subject) % {"ref": melding.reference},
            template,
            now,
            outcome=outcome,
        )


# Outbox kinds of the deadline run. Plain codes until UitberichtSoort lists them (that change
# needs constants.py and a migration, which belong to the models' owner).
KIND_HERINNERING = UitberichtSoort.HERINNERING
KIND_ESCALATIE = UitberichtSoort.ESCALATIE


def team_addresses(team) -> list[str]:
    """The team's shared address and its active members' addresses, each once.

    Reads `team.members.all()`, so a prefetch of the members saves the query.
    """
    addresses = {team.email} if team.email else set()
    addresses.update(u.email for u in team.members.all() if u.is_active and u.email)
    return sorted(addresses, key=str.lower)


def uitberichten_for_reminder(
    *, melding: Melding, recipients: list[str], now: datetime
) -> list[Uitbericht]:
    """The (unsaved) outbox rows reminding that first contact is overdue: reference and link.

    For a melding without a team the recipients are the coördinatoren, who must assign it.
    """
    team = melding.buurtteam
    template = "team_herinnering" if team else "coordinator_herinnering"
    with translation.override(settings.LANGUAGE_CODE):
        spoed = _("SPOED") + ": " if melding.urgent else ""
        subject = spoed + _("Herinnering: nog geen contact bij melding %(ref)s") % {
            "ref": melding.reference
        }
        return [
            _row(
                melding,
                KIND_HERINNERING,
                address,
                subject,
                template,
                now,
                team=team,
                due=melding.first_contact_due,
            )
            for address in recipients
        ]


def uitberichten_for_escalation(
    *, melding: Melding, recipients: list[str], now: datetime
) -> list[Uitbericht]:
    """The (unsaved) outbox rows telling the coördinatoren that first contact is twice overdue."""
    with translation.override(settings.LANGUAGE_CODE):
        spoed = _("SPOED") + ": " if melding.urgent else ""
        subject = spoed + _("Melding %(ref)s: nog steeds geen contact") % {"ref": melding.reference}
        return [
            _row(
                melding,
                KIND_ESCALATIE,
                address,
                subject,
                "coordinator_escalatie",
                now,
                team=melding.buurtteam,
                due=melding.first_contact_due,
            )
            for address in recipients
        ]


def _locked_unsent(uitbericht_id: int) -> Uitbericht | None:
    queryset = Uitbericht.objects.filter(pk=uitbericht_id, sent_at__isnull=True)
    if connection.features.has_select_for_update_skip_locked:
        # Another worker holding the row is sending it right now: leave it to them.
        queryset = queryset.select_for_update(skip_locked=True)
    return queryset.first()


def uitbericht_send(*, uitbericht_id: int, now: datetime | None = None) -> str:
    """Send one outbox row unless it went out already; return SENT, SKIPPED or FAILED.

    Running it twice, or in two workers at once, sends one e-mail. Mail-server errors are
    recorded on the row (attempts, last_error, next_attempt_at) and not raised.
    """
    now = now or timezone.now()
    with transaction.atomic():
        row = _locked_unsent(uitbericht_id)
        if row is None:
            return SKIPPED
        row.attempts += 1
        try:
            EmailMessage(row.subject, row.body, None, [row.recipient]).send()
        except SEND_ERRORS as exc:
            row.last_error = f"{type(exc).__name__}: {exc}"[:1000]
            row.next_attempt_at = now + backoff(row.attempts) + SWEEP_GRACE
            row.save(update_fields=["attempts", "last_error", "next_attempt_at"])
            log = logger.error if row.attempts >= MAX_ATTEMPTS else logger.warning
            # The error text can name the recipient: the log gets its kind only.
            log(
                "Uitbericht %s niet verstuurd (poging %s): %s",
                row.pk,
                row.attempts,
                type(exc).__name__,
            )
            return FAILED
        row.sent_at = now
        row.save(update_fields=["attempts", "sent_at"])
    return SENT


def uitberichten_due(*, now: datetime, limit: int = 200) -> list[int]:
    """Ids of unsent rows whose next attempt is due, oldest first."""
    return list(
        Uitbericht.objects.filter(
            sent_at__isnull=True, next_attempt_at__lte=now, attempts__lt=MAX_ATTEMPTS
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
