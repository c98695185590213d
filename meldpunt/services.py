"""Writes of the meldpunt: keyword-only, validated, in one transaction, side effects on commit."""

import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijken.models import Wijk

from . import deadlines, normalise, routing
from .constants import (
    CLOSED_STATUSES,
    LINK_WINDOW_DAYS,
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
    REFERENCE_PREFIX,
    Bekend,
    Bron,
    MelderRol,
    Signaal,
    Status,
)
from .insert import SqlValue, insert_with_children
from .models import Betrokkene, Melder, Melding, MeldingSignaal, StatusWijziging, Uitbericht
from .notifications import uitberichten_for_new_melding
from .tasks import enqueue_notifications

logger = logging.getLogger(__name__)

_REFERENCE_TRIES = 5


@dataclass(frozen=True)
class Contact:
    """Name and ways to reach someone; every part may be empty."""

    name: str = ""
    phone: str = ""
    email: str = ""

    def normalised(self) -> "Contact":
        return Contact(
            name=normalise.text_normalise(self.name),
            phone=normalise.phone_normalise(self.phone),
            email=normalise.email_normalise(self.email),
        )

    @property
    def reachable(self) -> bool:
        return bool(self.phone or self.email)


def reference_new() -> str:
    """A fresh reference like "HV-7K3M-Q9TX": random, so it tells nothing and can't be counted."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
    half = REFERENCE_LENGTH // 2
    return f"{REFERENCE_PREFIX}-{chars[:half]}-{chars[half:]}"


def _check_input(
    *, about_self: bool, consent: bool, person: Contact, signals: list[str], text: str
) -> None:
    errors = {}
    if not consent:
        errors["consent"] = _("Zonder toestemming kunnen we de melding niet behandelen.")
    if about_self and not person.name:
        errors["person_name"] = _("Bij een melding over uzelf hebben we uw naam nodig.")
    if about_self and not person.reachable:
        errors["person_phone"] = _(
            "Bij een melding over uzelf hebben we uw telefoonnummer of e-mailadres nodig."
        )
    if not signals and not text:
        errors["signals"] = _("Kies wat u merkt, of schrijf het op.")
    unknown = set(signals) - set(Signaal.values)
    if unknown:
        errors["signals"] = _("Onbekend signaal: %(codes)s") % {"codes": ", ".join(sorted(unknown))}
    if errors:
        raise ValidationError(errors)


def _repeat_query(*, betrokkene: Betrokkene, now: datetime):
    """The id of the earliest open melding of the last 30 days about the same address or person,
    as a query of at most one row; None when there is nothing to compare."""
    same = Q()
    if betrokkene.postcode and betrokkene.huisnummer:
        same |= Q(postcode=betrokkene.postcode, huisnummer=betrokkene.huisnummer)
    if betrokkene.name and betrokkene.postcode:
        same |= Q(name__iexact=betrokkene.name, postcode=betrokkene.postcode)
    if betrokkene.phone:
        same |= Q(phone=betrokkene.phone)
    if betrokkene.email:
        same |= Q(email=betrokkene.email)
    if not same:
        return None
    return (
        Betrokkene.objects.filter(same, melding__created_at__gte=now - timedelta(LINK_WINDOW_DAYS))
        .exclude(melding__status__in=CLOSED_STATUSES)
        .order_by("melding__created_at", "pk")
        .values("melding_id")[:1]
    )


def _store(melding: Melding, melder: Melder, betrokkene: Betrokkene, signals, receipt_to, now):
    """Write the melding and everything that belongs to it at once: all rows or none.

    The reference is drawn here; when it happens to exist already (one chance in billions),
    the whole write is tried again with a new one. On PostgreSQL the rows go in as one
    statement (insert.py), inside a savepoint only when a transaction is already open.
    """
    repeat = _repeat_query(betrokkene=betrokkene, now=now)
    for attempt in range(_REFERENCE_TRIES):
        melding.reference = reference_new()
        try:
            if connection.vendor == "postgresql":
                rows = _write_one_statement(
                    melding, melder, betrokkene, signals, receipt_to, repeat, now
                )
            else:
                rows = _write_orm(melding, melder, betrokkene, signals, receipt_to, repeat, now)
            break
        except IntegrityError as error:
            melding.pk = None
            if attempt == _REFERENCE_TRIES - 1 or "reference" not in str(error):
                raise
            logger.info("Kenmerk bestond al; nieuw kenmerk gekozen")
    # After commit; at once when no transaction is open. Sending never makes this call fail.
    transaction.on_commit(partial(enqueue_notifications, [row.pk for row in rows]), robust=True)


def _children(melding, melder, betrokkene, signals, receipt_to, now):
    """The unsaved rows of a new melding besides the melding itself."""
    history = StatusWijziging(user=melding.entered_by, at=now, to_status=Status.NIEUW)
    outbox = uitberichten_for_new_melding(melding=melding, receipt_to=receipt_to, now=now)
    return {
        "melder": [melder],
        "betrokkene": [betrokkene],
        "signals": [MeldingSignaal(code=code) for code in signals],
        "history": [history],
        "outbox": outbox,
    }


def _write_one_statement(melding, melder, betrokkene, signals, receipt_to, repeat, now):
    children = _children(melding, melder, betrokkene, signals, receipt_to, now)
    subqueries = {}
    if repeat is not None:
        subqueries["linked_to"] = SqlValue(*repeat.query.sql_with_params())
    pairs = [("melding", rows) for rows in children.values()]
    if connection.in_atomic_block:  # a savepoint, so that a retry can follow an error
        with transaction.atomic():
            insert_with_children(melding, pairs, subqueries)
    else:  # one statement is atomic by itself: no BEGIN and COMMIT round trips
        insert_with_children(melding, pairs, subqueries)
    return children["outbox"]


def _write_orm(melding, melder, betrokkene, signals, receipt_to, repeat, now):
    with transaction.atomic():
        ids = list(repeat) if repeat is not None else []
        melding.linked_to_id = ids[0]["melding_id"] if ids else None
        melding.save(force_insert=True)
        children = _children(melding, melder, betrokkene, signals, receipt_to, now)
        for rows in children.values():
            for row in rows:
                row.melding = melding
        melder.save(force_insert=True)
        betrokkene.save(force_insert=True)
        MeldingSignaal.objects.bulk_create(children["signals"])
        children["history"][0].save(force_insert=True)
        return Uitbericht.objects.bulk_create(children["outbox"])


def melding_create(
    *,
    about_self: bool,
    urgent: bool,
    consent: bool,
    reporter_role: str = "",
    person_knows: str = "",
    signals: Iterable[str] = (),
    text: str = "",
    postcode: str = "",
    huisnummer: str = "",
    street: str = "",
    wijk: Wijk | None = None,
    person: Contact | None = None,
    reporter: Contact | None = None,
    source: str = Bron.WEB,
    entered_by=None,
    language: str = "",
    now: datetime | None = None,
) -> Melding:
    """Store a new melding, route it to its buurtteam (or triage), and queue its e-mails.

    About oneself: the person's name and a phone number or e-mail address are required, the
    reporter is the person (role ZELF) and knows of it. A repeat about the same address or
    person within 30 days is linked to the open melding. The outbox rows are written in the
    same transaction; sending is queued after commit and never makes this call fail.
    """
    now = now or timezone.now()
    person = (person or Contact()).normalised()
    reporter = (reporter or Contact()).normalised()
    signals = sorted(set(signals))
    text = (text or "").strip()
    _check_input(about_self=about_self, consent=consent, person=person, signals=signals, text=text)
    if about_self:
        reporter_role, person_knows = MelderRol.ZELF, Bekend.JA

    plaats = routing.wijk_determine(postcode=postcode, huisnummer=huisnummer, wijk=wijk)
    melding = Melding(
        about_self=about_self,
        wijk=plaats.wijk,
        wijk_source=plaats.source,
        buurtteam=routing.buurtteam_for_wijk(plaats.wijk),
        status=Status.NIEUW,
        urgent=urgent,
        text=text,
        person_knows=person_knows,
        consent_at=now,
        source=source,
        entered_by=entered_by,
        language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
        created_at=now,
        first_contact_due=deadlines.first_contact_due(now, urgent=urgent),
    )
    melder = Melder(role=reporter_role, **vars(reporter))
    betrokkene = Betrokkene(
        street=normalise.text_normalise(street),
        postcode=normalise.postcode_normalise(postcode),
        huisnummer=normalise.huisnummer_normalise(huisnummer),
        **vars(person),
    )
    # The related rows were just read, and constraints and the unique reference are the
    # database's to check: validating them here would only cost queries.
    melding.full_clean(
        exclude={"reference", "wijk", "buurtteam", "entered_by", "linked_to"},
        validate_unique=False,
        validate_constraints=False,
    )
    melder.full_clean(exclude={"melding"}, validate_unique=False)
    betrokkene.full_clean(exclude={"melding"}, validate_unique=False)

    receipt_to = reporter.email or (person.email if about_self else "")
    _store(melding, melder, betrokkene, signals, receipt_to, now)
    return melding
