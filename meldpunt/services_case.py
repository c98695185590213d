"""Writes of the case workflow: status steps, contact attempts, notes, referrals, assignment.

Every function is keyword-only and atomic. Each change of status or team adds a StatusWijziging
row (who, when, from, to, reason); history rows are only ever added. The melding row is locked
while a step is checked and written, so two team members clicking at once cannot both pass a
check that only one of them should.
"""

from datetime import datetime
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import (
    CLOSED_STATUSES,
    AnnuleerReden,
    ContactKanaal,
    Status,
    ToegangSoort,
    UitberichtSoort,
    VerwijzingSoort,
)
from .models import (
    Buurtteam,
    ContactPoging,
    Melding,
    Notitie,
    StatusWijziging,
    Toegang,
    Uitbericht,
    Verwijzing,
)
from .notifications import uitbericht_for_reporter, uitberichten_for_new_melding
from .tasks import enqueue_notifications
from .workflow import Step, TransitionError, is_allowed, transition_check

REASON_MAX_LENGTH = 1000
# Room in the history's reason for the label of the cancel kind in front of it.
CANCEL_REASON_MAX_LENGTH = 900
NOTE_MAX_LENGTH = 2000
ATTEMPT_NOTE_MAX_LENGTH = 500
REFERRAL_NOTE_MAX_LENGTH = 300


def _locked(melding: Melding) -> Melding:
    """The melding as it is now in the database, locked until the transaction ends."""
    return Melding.objects.select_for_update().get(pk=melding.pk)


def _apply(
    fresh: Melding, *, user, to_status: str, reason: str, outcome: str, now, share: bool = False
) -> None:
    from_status = fresh.status
    fields = ["status"]
    fresh.status = to_status
    if to_status == Status.CONTACT_GELEGD and fresh.first_contact_at is None:
        fresh.first_contact_at = now
        fields.append("first_contact_at")
    if to_status in CLOSED_STATUSES:
        fresh.closed_at = now
        fields.append("closed_at")
    if to_status == Status.AFGESLOTEN:
        fresh.outcome = outcome
        fresh.outcome_may_be_shared = share
        fields += ["outcome", "outcome_may_be_shared"]
    fresh.save(update_fields=fields)
    StatusWijziging.objects.create(
        melding=fresh,
        user=user,
        at=now,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
    )


def _copy_back(melding: Melding, fresh: Melding) -> Melding:
    for name in ("status", "first_contact_at", "closed_at", "outcome", "buurtteam_id"):
        setattr(melding, name, getattr(fresh, name))
    return melding


def melding_transition(
    *,
    melding: Melding,
    user,
    to_status: str,
    reason: str = "",
    outcome: str = "",
    share_outcome: bool = False,
    now: datetime | None = None,
) -> Melding:
    """Move the melding to `to_status` when the workflow table allows it, and record the step.

    `share_outcome`: on closing, the person agreed that a professional referrer hears the
    outcome.

    Raises TransitionError (with a Dutch message) for a step that is not in the table or whose
    requirement is not met: OPGEPAKT only by a member of the melding's team, NIET_BEREIKT only
    after MELDPUNT_CONTACT_ATTEMPTS unsuccessful attempts, DOORVERWEZEN only with a referral,
    AFGESLOTEN only with an outcome, GEANNULEERD only with a reason and only by the team (the
    coördinator while the melding has no team). Sets first_contact_at on
    the first CONTACT_GELEGD, closed_at on closing or cancelling.
    """
    now = now or timezone.now()
    reason = (reason or "").strip()
    if len(reason) > REASON_MAX_LENGTH:
        raise TransitionError(
            _("Maak de reden korter: hooguit %(n)s tekens.") % {"n": REASON_MAX_LENGTH}
        )
    with transaction.atomic():
        fresh = _locked(melding)
        outcome = outcome if to_status == Status.AFGESLOTEN else ""
        transition_check(Step(fresh, user, reason, outcome), to_status)
        _apply(
            fresh,
            user=user,
            to_status=to_status,
            reason=reason,
            outcome=outcome,
            now=now,
            share=share_outcome and to_status == Status.AFGESLOTEN,
        )
        _tell_reporter(fresh, to_status, now)
    return _copy_back(melding, fresh)


def _tell_reporter(melding: Melding, status: str, now) -> None:
    """Outbox row for the reporter's update, sent after commit like every notification."""
    row = uitbericht_for_reporter(melding=melding, status=status, now=now)
    if row is not None:
        row.save()
        transaction.on_commit(partial(enqueue_notifications, [row.pk]), robust=True)


def contactpoging_add(
    *,
    melding: Melding,
    user,
    channel: str,
    reached: bool,
    note: str = "",
    now: datetime | None = None,
) -> ContactPoging:
    """Log one attempt to reach the person; when reached, OPGEPAKT/NIET_BEREIKT → CONTACT_GELEGD.

    Attempts are logged only once the melding is picked up and while it is open.
    """
    now = now or timezone.now()
    note = (note or "").strip()
    if channel not in ContactKanaal.values:
        raise ValidationError({"channel": _("Kies hoe u contact zocht.")})
    if len(note) > ATTEMPT_NOTE_MAX_LENGTH:
        raise ValidationError(
            {"note": _("Maak de toelichting korter: hooguit %(n)s tekens.") % {"n": 500}}
        )
    with transaction.atomic():
        fresh = _locked(melding)
        if fresh.status in CLOSED_STATUSES:
            raise TransitionError(_("Deze melding is gesloten. U kunt geen poging meer toevoegen."))
        if fresh.status == Status.NIEUW:
            raise TransitionError(_("Pak de melding eerst op. Daarna kunt u pogingen vastleggen."))
        poging = ContactPoging.objects.create(
            melding=fresh, user=user, at=now, channel=channel, reached=reached, note=note
        )
        if reached and is_allowed(fresh.status, Status.CONTACT_GELEGD):
            reason = _("Contact gelegd via %(channel)s.") % {
                "channel": ContactKanaal(channel).label.lower()
            }
            _apply(
                fresh,
                user=user,
                to_status=Status.CONTACT_GELEGD,
                reason=reason,
                outcome="",
                now=now,
            )
    _copy_back(melding, fresh)
    return poging


def notitie_add(*, melding: Melding, user, text: str, now: datetime | None = None) -> Notitie:
    """Add a case note (personal data: the retention job removes it later)."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Schrijf een notitie.")})
    if len(text) > NOTE_MAX_LENGTH:
        raise ValidationError(
            {"text": _("Maak de notitie korter: hooguit %(n)s tekens.") % {"n": NOTE_MAX_LENGTH}}
        )
    with transaction.atomic():
        return Notitie.objects.create(
            melding=melding, user=user, text=text, created_at=now or timezone.now()
        )


# A referral follows a conversation: before contact there is nobody to refer.
REFERRAL_STATUSES = (Status.CONTACT_GELEGD, Status.DOORVERWEZEN)


def _check_referral(*, kind, activiteit, organisatie, description) -> None:
    errors = {}
    if kind not in VerwijzingSoort.values:
        errors["kind"] = _("Kies waarheen u verwijst.")
    elif kind == VerwijzingSoort.AANBOD and activiteit is None:
        errors["activiteit"] = _("Zoek en kies een activiteit van de sociale kaart.")
    elif kind == VerwijzingSoort.ORGANISATIE and organisatie is None:
        errors["organisatie"] = _("Kies een organisatie.")
    if len(description) > REFERRAL_NOTE_MAX_LENGTH:
        errors["description"] = _("Maak de toelichting korter: hooguit %(n)s tekens.") % {
            "n": REFERRAL_NOTE_MAX_LENGTH
        }
    if errors:
        raise ValidationError(errors)


def verwijzing_add(
    *,
    melding: Melding,
    user,
    kind: str,
    activiteit=None,
    organisatie=None,
    description: str = "",
    now: datetime | None = None,
) -> Verwijzing:
    """Record a referral: an activity of the sociale kaart, an organisation, or GP/WoR.

    Only after contact (CONTACT_GELEGD or DOORVERWEZEN). Keeps only the link that fits the kind.
    """
    description = (description or "").strip()
    _check_referral(
        kind=kind, activiteit=activiteit, organisatie=organisatie, description=description
    )
    with transaction.atomic():
        fresh = _locked(melding)
        if fresh.status not in REFERRAL_STATUSES:
            raise TransitionError(
                _("Verwijzen kan als er contact is gelegd. Deze melding is nu: %(status)s.")
                % {"status": Status(fresh.status).label.lower()}
            )
        return Verwijzing.objects.create(
            melding=fresh,
            user=user,
            kind=kind,
            activiteit=activiteit if kind == VerwijzingSoort.AANBOD else None,
            organisatie=organisatie if kind == VerwijzingSoort.ORGANISATIE else None,
            description=description,
            created_at=now or timezone.now(),
        )


def melding_assign(
    *, melding: Melding, user, buurtteam: Buurtteam, reason: str, now: datetime | None = None
) -> Melding:
    """Give an open melding to a (different) buurtteam: the coördinator's triage and reassigning.

    The reason is required and goes into the history (status unchanged; the old team, if any,
    and the new team named). The new team gets the usual "new melding" e-mail (reference and
    link only) through the outbox. The deadline for first contact stays (the person has waited
    as long), but the reminder is sent again: the one sent before went to the old team.
    """
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Schrijf op waarom de melding naar dit team gaat.")})
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            {"reason": _("Maak de reden korter: hooguit %(n)s tekens.") % {"n": REASON_MAX_LENGTH}}
        )
    with transaction.atomic():
        fresh = _locked(melding)
        if fresh.status in CLOSED_STATUSES:
            raise TransitionError(_("Deze melding is gesloten en gaat niet meer naar een team."))
        if fresh.buurtteam_id == buurtteam.pk:
            raise ValidationError({"buurtteam": _("De melding is al van dit team.")})
        old_team = fresh.buurtteam
        fresh.buurtteam = buurtteam
        fresh.reminded_at = None
        fresh.save(update_fields=["buurtteam", "reminded_at"])
        StatusWijziging.objects.create(
            melding=fresh,
            user=user,
            at=now,
            from_status=fresh.status,
            to_status=fresh.status,
            reason=_assign_reason(old_team, buurtteam, reason),
        )
        rows = [
            row
            for row in uitberichten_for_new_melding(melding=fresh, receipt_to="", now=now)
            if row.kind == UitberichtSoort.TEAM_NIEUW
        ]
        ids = [row.pk for row in Uitbericht.objects.bulk_create(rows)]
        transaction.on_commit(partial(enqueue_notifications, ids), robust=True)
    melding.buurtteam = buurtteam
    return _copy_back(melding, fresh)


def _assign_reason(old_team: Buurtteam | None, new_team: Buurtteam, reason: str) -> str:
    if old_team is None:
        return _("Naar %(team)s: %(reason)s") % {"team": new_team.name, "reason": reason}
    return _("Van %(old)s naar %(new)s: %(reason)s") % {
        "old": old_team.name,
        "new": new_team.name,
        "reason": reason,
    }


def melding_cancel(
    *, melding: Melding, user, kind: str, reason: str, now: datetime | None = None
) -> Melding:
    """Let a melding lapse (GEANNULEERD) as a double or as abuse, with a reason.

    A step of the transition table like any other (melding_transition): it checks who may
    cancel (the melding's team, or the coördinator while no team has it) and that the melding
    is still open, and writes the history row, which starts with the kind in words
    ("Dubbele melding: …"). Raises ValidationError for a missing kind or reason, and
    TransitionError when the workflow refuses the step.
    """
    reason = (reason or "").strip()
    errors = {}
    if kind not in AnnuleerReden.values:
        errors["kind"] = _("Kies waarom de melding vervalt.")
    if not reason:
        errors["reason"] = _("Schrijf op waarom de melding vervalt.")
    elif len(reason) > CANCEL_REASON_MAX_LENGTH:
        errors["reason"] = _("Maak de toelichting korter: hooguit %(n)s tekens.") % {
            "n": CANCEL_REASON_MAX_LENGTH
        }
    if errors:
        raise ValidationError(errors)
    return melding_transition(
        melding=melding,
        user=user,
        to_status=Status.GEANNULEERD,
        reason=f"{AnnuleerReden(kind).label}: {reason}",
        now=now,
    )


def toegang_log(*, user, melding: Melding, what: str = ToegangSoort.DETAIL) -> Toegang:
    """Record that a staff member opened the personal data of a melding."""
    return Toegang.objects.create(user=user, melding=melding, what=what)
