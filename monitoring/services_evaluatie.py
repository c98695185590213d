"""Writes of the half-yearly evaluation: create, texts, status, kerngroep scores, spending.

Rules: only the kartrekker writes texts and moves the status (the views check who); the
allowed moves are in constants.EVALUATIE_TRANSITIONS; a vastgesteld evaluation changes no
more, and its figures are frozen in the same transaction that makes it vastgesteld.
"""

from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coalitie.models import Medewerker

from .constants import CRITERIA_FIELDS, EVALUATIE_TRANSITIONS, EvaluatieStatus, RapportStatus
from .models import Beoordeling, Evaluatie, EvaluatieRapport, Uitgave
from .periods import is_period
from .selectors_evaluatie import evaluatie_compute, missing_texts

TEXT_FIELDS = ("samenvatting", *CRITERIA_FIELDS)


class EvaluatieError(ValidationError):
    """A write the evaluation's rules refuse; the message is for the person who tried."""


def evaluatie_create(*, period: str, user=None, now=None) -> Evaluatie:
    """A new evaluation in status concept. Refused when the half year already has one."""
    if not is_period(period):
        raise EvaluatieError(_("Kies een half jaar zoals 2025-H1."))
    now = now or timezone.now()
    evaluatie = Evaluatie(period=period, created_at=now, updated_at=now)
    try:
        with transaction.atomic():
            evaluatie.full_clean()
            evaluatie.save()
    except (IntegrityError, ValidationError) as error:
        if Evaluatie.objects.filter(period=period).exists():
            raise EvaluatieError(
                _("Er is al een evaluatie voor %(period)s.") % {"period": period}
            ) from None
        raise error
    return evaluatie


def _locked(evaluatie_id: int) -> Evaluatie:
    """The evaluation row, locked until the transaction ends (PostgreSQL; SQLite writes one
    at a time anyway), so a status change and a score or text edit cannot cross."""
    return Evaluatie.objects.select_for_update().get(pk=evaluatie_id)


def _refuse_when_decided(evaluatie: Evaluatie) -> None:
    if evaluatie.is_vastgesteld:
        raise EvaluatieError(
            _("Deze evaluatie is vastgesteld. Daarna verandert er niets meer aan.")
        )


@transaction.atomic
def evaluatie_texts_update(*, evaluatie: Evaluatie, data: dict, now=None) -> Evaluatie:
    """Save the summary and the texts per criterion (the kartrekker's part)."""
    evaluatie = _locked(evaluatie.pk)
    _refuse_when_decided(evaluatie)
    for field in TEXT_FIELDS:
        if field in data:
            setattr(evaluatie, field, (data[field] or "").strip())
    evaluatie.updated_at = now or timezone.now()
    evaluatie.full_clean()
    evaluatie.save(update_fields=[*TEXT_FIELDS, "updated_at"])
    return evaluatie


@transaction.atomic
def evaluatie_transition(
    *, evaluatie: Evaluatie, to: str, user, now=None, queue_pdf: bool = True
) -> Evaluatie:
    """Move the evaluation to status `to` when that move is allowed.

    Vaststellen needs a text for every criterion. It freezes the figures into the snapshot in
    this same transaction, and queues the final PDF after commit (unless `queue_pdf` is
    False: the demo data leaves it to be made when someone asks for it).
    """
    now = now or timezone.now()
    evaluatie = _locked(evaluatie.pk)
    if to not in EVALUATIE_TRANSITIONS.get(evaluatie.status, ()):
        raise EvaluatieError(
            _("Van ‘%(from)s’ kan een evaluatie niet naar ‘%(to)s’.")
            % {
                "from": evaluatie.get_status_display(),
                "to": dict(EvaluatieStatus.choices).get(to, to),
            }
        )
    fields = ["status", "updated_at"]
    if to == EvaluatieStatus.VASTGESTELD:
        missing = missing_texts(evaluatie)
        if missing:
            raise EvaluatieError(
                _("Schrijf eerst iets bij: %(criteria)s.") % {"criteria": ", ".join(missing)}
            )
        # The frozen figures are the record, in Dutch, whatever the language of who decided.
        with translation.override(settings.LANGUAGE_CODE):
            evaluatie.snapshot = evaluatie_compute(evaluatie, now=now)
        evaluatie.vastgesteld_at, evaluatie.vastgesteld_by = now, user
        fields += ["snapshot", "vastgesteld_at", "vastgesteld_by"]
    evaluatie.status = to
    evaluatie.updated_at = now
    evaluatie.save(update_fields=fields)
    if to == EvaluatieStatus.VASTGESTELD:
        rapport_final(evaluatie=evaluatie, user=user, now=now, queue=queue_pdf)
    return evaluatie


@transaction.atomic
def beoordeling_save(
    *,
    evaluatie: Evaluatie,
    user,
    resultaten: int,
    proces: int,
    samenwerking: int,
    comment: str = "",
    now=None,
) -> Beoordeling:
    """A kerngroep member's scores (1–10) with a comment: one set per member per evaluation,
    changed by saving again, until the evaluation is vastgesteld."""
    now = now or timezone.now()
    evaluatie = _locked(evaluatie.pk)
    _refuse_when_decided(evaluatie)
    beoordeling = Beoordeling.objects.filter(evaluatie=evaluatie, user=user).first()
    if beoordeling is None:
        beoordeling = Beoordeling(evaluatie=evaluatie, user=user, created_at=now)
    medewerker = Medewerker.objects.filter(user=user).select_related("organisatie").first()
    beoordeling.organisatie_name = medewerker.organisatie.name if medewerker else ""
    beoordeling.resultaten, beoordeling.proces = resultaten, proces
    beoordeling.samenwerking, beoordeling.comment = samenwerking, (comment or "").strip()
    beoordeling.updated_at = now
    beoordeling.full_clean()
    beoordeling.save()
    return beoordeling


@transaction.atomic
def uitgave_create(*, actie, post: str, date, amount, description: str, user=None, now=None):
    """Record money spent on an action from one budget line."""
    uitgave = Uitgave(
        actie=actie,
        post=post,
        date=date,
        amount=amount,
        description=description.strip(),
        created_by=user,
        created_at=now or timezone.now(),
    )
    uitgave.full_clean()
    uitgave.save()
    return uitgave


@transaction.atomic
def uitgave_delete(*, uitgave: Uitgave) -> None:
    """Remove a spending row entered by mistake. A decided evaluation keeps its figures."""
    uitgave.delete()


def _next_version(evaluatie: Evaluatie) -> int:
    last = evaluatie.rapporten.order_by("-version").values_list("version", flat=True).first()
    return (last or 0) + 1


def rapport_final(*, evaluatie: Evaluatie, user=None, now=None, queue=True) -> EvaluatieRapport:
    """The one final PDF of a vastgesteld evaluation, created once. Asked for again before it
    was made (its queueing was lost, or making it failed), it is queued again: the task leaves
    a finished file alone."""
    from .tasks import enqueue_rapport  # tasks imports services

    rapport = evaluatie.rapporten.filter(final=True).first()
    if rapport is None:
        rapport = EvaluatieRapport.objects.create(
            evaluatie=evaluatie,
            version=_next_version(evaluatie),
            final=True,
            requested_by=user,
            created_at=now or timezone.now(),
        )
    elif rapport.status == RapportStatus.KLAAR:
        return rapport
    elif rapport.status == RapportStatus.MISLUKT:
        rapport.status, rapport.message = RapportStatus.WACHTEND, ""
        rapport.save(update_fields=["status", "message"])
    if queue:
        transaction.on_commit(partial(enqueue_rapport, rapport.pk), robust=True)
    return rapport


@transaction.atomic
def rapport_request(
    *, evaluatie: Evaluatie, user=None, now=None, queue: bool = True
) -> EvaluatieRapport:
    """Ask for a PDF. Before vaststelling every request makes a new version; a vastgesteld
    evaluation has one final version, which is returned again and never re-rendered.
    `queue=False` leaves the rendering to the caller (the management command)."""
    from .tasks import enqueue_rapport

    evaluatie = _locked(evaluatie.pk)
    if evaluatie.is_vastgesteld:
        return rapport_final(evaluatie=evaluatie, user=user, now=now, queue=queue)
    rapport = EvaluatieRapport.objects.create(
        evaluatie=evaluatie,
        version=_next_version(evaluatie),
        requested_by=user,
        created_at=now or timezone.now(),
    )
    if queue:
        transaction.on_commit(partial(enqueue_rapport, rapport.pk), robust=True)
    return rapport
