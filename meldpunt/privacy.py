"""Requests of data subjects (AVG-verzoeken): find a person across meldingen, export, erase.

Only the coördinator handles them (see views_privacy.py). The steps, and what each one logs:

1. Search by name, e-mail, phone and/or address. The result is a `Verzoek` with its hits: which
   meldingen, and in which fields (codes like "betrokkene.telefoon"). The hits show no personal
   data, so the search itself is no way around the access log.
2. Open the data of the meldingen that belong to the person: a `Toegang` row per melding, as on
   the case page, and a `VerzoekActie` (INZAGE).
3. Export them (JSON or plain text): `Toegang` rows of kind EXPORT and a `VerzoekActie`.
4. Erase them: closed meldingen are anonymised with the retention job's own step, so exactly
   what the job removes goes, and the figures stay. A `VerzoekActie` (WISSEN) records it.

The search terms are not stored, in clear text or otherwise. A keyed hash of a phone number, a
postcode with house number or a common name can be reversed by trying every value by anyone
who holds the key, so it would be personal data in a log that outlives the meldingen it
points to, and the log would itself fall under the erasure it records. What the log needs to
answer "who looked up this person, and what was done?" it has without the terms: the kinds of
identifiers used and the meldingen found. A search that found nothing revealed nothing.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from . import retention
from .constants import CLOSED_STATUSES, ToegangSoort
from .constants_privacy import (
    AS_BETROKKENE,
    AS_MELDER,
    MAX_HITS,
    ROW_PLACES,
    VerzoekActieSoort,
    Vindplaats,
    ZoekSoort,
)
from .models import (
    Betrokkene,
    ContactPoging,
    Melder,
    Melding,
    Notitie,
    StatusWijziging,
    Toegang,
    Uitbericht,
    Verwijzing,
)
from .models_privacy import Verzoek, VerzoekActie, VerzoekTreffer

# Rows read per place at most: enough for MAX_HITS meldingen, never the whole table.
MAX_ROWS = 2000


@dataclass(frozen=True)
class Zoekvraag:
    """What the coördinator searches for, normalised as the meldingen store it; "" = not used."""

    naam: str = ""
    email: str = ""
    telefoon: str = ""
    postcode: str = ""
    huisnummer: str = ""
    straat: str = ""
    # Phone numbers in notes are typed as people say them ("06-1234 5678"): look for both.
    telefoon_getypt: str = ""

    def soorten(self) -> list[str]:
        used = {
            ZoekSoort.NAAM: self.naam,
            ZoekSoort.EMAIL: self.email,
            ZoekSoort.TELEFOON: self.telefoon,
            ZoekSoort.ADRES: self.straat or self.postcode,
        }
        return [kind.value for kind, value in used.items() if value]

    def text_terms(self) -> list[str]:
        """What to look for in free text: every identifier that can be written in a sentence."""
        terms = [self.naam, self.email, self.telefoon, self.telefoon_getypt, self.straat]
        return list(dict.fromkeys(term for term in terms if term))


def _any_text(name: str, terms: list[str]) -> Q | None:
    if not terms:
        return None
    return reduce(or_, (Q(**{f"{name}__icontains": term}) for term in terms))


def _address_q(vraag: Zoekvraag) -> Q | None:
    parts = []
    if vraag.postcode and vraag.huisnummer:
        parts.append(Q(postcode=vraag.postcode, huisnummer=vraag.huisnummer))
    if vraag.straat:
        street = Q(street__icontains=vraag.straat)
        if vraag.huisnummer:
            street &= Q(huisnummer=vraag.huisnummer)
        parts.append(street)
    return reduce(or_, parts) if parts else None


def _sources(vraag: Zoekvraag):
    """(queryset, melding key, {vindplaats: condition}) for every place a person can appear."""
    terms = vraag.text_terms()
    naam = Q(name__icontains=vraag.naam) if vraag.naam else None
    email = Q(email__iexact=vraag.email) if vraag.email else None
    phone = Q(phone=vraag.telefoon) if vraag.telefoon else None
    mail_row = _any_text("body", terms)
    if vraag.email:  # then mail_row exists: the address is one of the text terms
        mail_row |= Q(recipient__iexact=vraag.email)
    return [
        (Melding.objects.all(), "pk", {Vindplaats.TOELICHTING: _any_text("text", terms)}),
        (
            Melder.objects.all(),
            "melding_id",
            {
                Vindplaats.MELDER_NAAM: naam,
                Vindplaats.MELDER_EMAIL: email,
                Vindplaats.MELDER_TELEFOON: phone,
            },
        ),
        (
            Betrokkene.objects.all(),
            "melding_id",
            {
                Vindplaats.BETROKKENE_NAAM: naam,
                Vindplaats.BETROKKENE_ADRES: _address_q(vraag),
                Vindplaats.BETROKKENE_EMAIL: email,
                Vindplaats.BETROKKENE_TELEFOON: phone,
            },
        ),
        (Notitie.objects.all(), "melding_id", {Vindplaats.NOTITIE: _any_text("text", terms)}),
        (
            ContactPoging.objects.all(),
            "melding_id",
            {Vindplaats.CONTACTPOGING: _any_text("note", terms)},
        ),
        (
            Verwijzing.objects.all(),
            "melding_id",
            {Vindplaats.VERWIJZING: _any_text("description", terms)},
        ),
        (
            StatusWijziging.objects.all(),
            "melding_id",
            {Vindplaats.GESCHIEDENIS: _any_text("reason", terms)},
        ),
        (Uitbericht.objects.all(), "melding_id", {Vindplaats.EMAIL: mail_row}),
    ]


def _hits_in(queryset: QuerySet, key: str, checks: dict) -> Iterable[tuple[int, int, list[str]]]:
    """(melding id, row id, places) for the rows that match; one query, which says which check
    hit."""
    checks = {code: q for code, q in checks.items() if q is not None}
    if not checks:
        return []
    flags = {
        f"hit_{n}": ExpressionWrapper(q, output_field=BooleanField())
        for n, q in enumerate(checks.values())
    }
    rows = (
        queryset.filter(reduce(or_, checks.values()))
        .annotate(**flags)
        .values_list(key, "pk", *flags)
        .order_by()[:MAX_ROWS]
    )
    codes = list(checks)
    return [
        (row[0], row[1], [code for code, hit in zip(codes, row[2:], strict=True) if hit])
        for row in rows
    ]


@dataclass
class Gevonden:
    """Where in one melding the person was found: places, and for the kinds of rows of which
    a melding has many (notes, attempts, …) which rows, so an export can hold just those."""

    places: set[str] = field(default_factory=set)
    rows: dict[str, set[int]] = field(default_factory=dict)

    def add(self, row_id: int, codes: list[str]) -> None:
        self.places.update(codes)
        for code in codes:
            if code in ROW_PLACES:
                self.rows.setdefault(code, set()).add(row_id)


def meldingen_find(vraag: Zoekvraag) -> tuple[dict[int, Gevonden], bool]:
    """The meldingen in which the person appears, with where; and whether there were too many.

    Names and streets are matched as part of a field (case-insensitive; on SQLite only for
    ASCII letters), e-mail and phone numbers as a whole (both are stored normalised), the
    address as postcode with house number or as street (with house number, when given). Free
    text (the melding's explanation, notes, contact attempts, referrals, reasons in the
    history, e-mails) is searched for every identifier. One query per place, so the cost does
    not grow with the number of hits. With more than MAX_HITS meldingen, those found by name,
    address or contact details come first, the newest first.
    """
    found: dict[int, Gevonden] = {}
    for queryset, key, checks in _sources(vraag):
        for melding_id, row_id, codes in _hits_in(queryset, key, checks):
            found.setdefault(melding_id, Gevonden()).add(row_id, codes)
    if len(found) <= MAX_HITS:
        return found, False
    identity = AS_MELDER | AS_BETROKKENE
    ranked = sorted(found, key=lambda pk: (bool(found[pk].places & identity), pk), reverse=True)
    return {pk: found[pk] for pk in ranked[:MAX_HITS]}, True


def verzoek_search(*, user, vraag: Zoekvraag, now: datetime | None = None) -> Verzoek:
    """Search for a person and log the search: who, when, kinds of identifiers, what was found.

    The identifiers themselves are not stored (see the module's docstring).
    """
    if not vraag.soorten():
        raise ValidationError(_("Vul minstens één gegeven in om op te zoeken."))
    found, truncated = meldingen_find(vraag)
    order = list(Vindplaats.values)
    with transaction.atomic():
        verzoek = Verzoek.objects.create(
            user=user,
            created_at=now or timezone.now(),
            searched_on=vraag.soorten(),
            truncated=truncated,
        )
        VerzoekTreffer.objects.bulk_create(
            VerzoekTreffer(
                verzoek=verzoek,
                melding_id=pk,
                vindplaatsen=sorted(where.places, key=order.index),
                rijen={code: sorted(ids) for code, ids in sorted(where.rows.items())},
            )
            for pk, where in found.items()
        )
    return verzoek


# --- writes ----------------------------------------------------------------------------------


def _log(*, user, verzoek: Verzoek, kind: str, ids: list[int], now, formaat: str = "") -> None:
    actie = VerzoekActie.objects.create(
        verzoek=verzoek, user=user, at=now, kind=kind, formaat=formaat
    )
    VerzoekActie.meldingen.through.objects.bulk_create(
        VerzoekActie.meldingen.through(verzoekactie_id=actie.pk, melding_id=pk) for pk in ids
    )
    access = {
        VerzoekActieSoort.INZAGE: ToegangSoort.DETAIL,
        VerzoekActieSoort.EXPORT: ToegangSoort.EXPORT,
    }
    if kind in access:
        Toegang.objects.bulk_create(
            Toegang(user=user, melding_id=pk, at=now, what=access[kind]) for pk in ids
        )


def verzoek_inzage(
    *, user, verzoek: Verzoek, treffers: list[VerzoekTreffer], now: datetime | None = None
) -> None:
    """Record that the coördinator opened the personal data of these meldingen.

    A row in the access log per melding, as the case page writes, and one action on the request.
    """
    with transaction.atomic():
        _log(
            user=user,
            verzoek=verzoek,
            kind=VerzoekActieSoort.INZAGE,
            ids=[t.melding_id for t in treffers],
            now=now or timezone.now(),
        )


def verzoek_export_log(
    *,
    user,
    verzoek: Verzoek,
    treffers: list[VerzoekTreffer],
    formaat: str,
    now: datetime | None = None,
) -> None:
    """Record a download: access-log rows of kind EXPORT and one action with the file's form."""
    with transaction.atomic():
        _log(
            user=user,
            verzoek=verzoek,
            kind=VerzoekActieSoort.EXPORT,
            ids=[t.melding_id for t in treffers],
            now=now or timezone.now(),
            formaat=formaat,
        )


@dataclass
class Wisuitkomst:
    erased: list[str] = field(default_factory=list)
    still_open: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)


def erase_plan(meldingen: Iterable[Melding]) -> Wisuitkomst:
    """Which of these meldingen can be erased now, which are still open, which are done."""
    plan = Wisuitkomst()
    for melding in meldingen:
        if melding.status not in CLOSED_STATUSES:
            plan.still_open.append(melding.reference)
        elif melding.anonymised_at is not None:
            plan.already.append(melding.reference)
        else:
            plan.erased.append(melding.reference)
    return plan


def verzoek_erase(
    *, user, verzoek: Verzoek, treffers: list[VerzoekTreffer], now: datetime | None = None
) -> Wisuitkomst:
    """Erase the personal data of the chosen closed meldingen, as the retention job does.

    Irreversible. The retention job's own anonymising step runs on them, so the same fields are
    blanked (reporter, person concerned, the explanation, notes, notes on contact attempts and
    referrals, reasons in the history, address and text of every e-mail) and the same figures
    stay (wijk, dates, roles, signals, status, outcome, source, urgency, referral kinds).
    An open melding is left alone: the team closes it first (the case must end before its data
    can go). Raises ValidationError when none of the meldingen can be erased.
    """
    now = now or timezone.now()
    ids = [t.melding_id for t in treffers]
    with transaction.atomic():
        fresh = list(Melding.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
        plan = erase_plan(fresh)
        todo = [m.pk for m in fresh if m.reference in plan.erased]
        if not todo:
            raise ValidationError(_("Geen van deze meldingen kan nu gewist worden."))
        # The job's step itself, so that an erasure on request can never differ from it.
        retention.anonymise_meldingen(todo, now)
        _log(user=user, verzoek=verzoek, kind=VerzoekActieSoort.WISSEN, ids=todo, now=now)
    return plan
