"""Writes of the werkruimte: activities, proposals, moderation, schedules, locations, freshness.

The rule of the sociale kaart: what residents see changes only by the kartrekker's hand. An
aanbieder's new activity waits (moderatie WACHT) until approved; their change to an approved
activity is stored as a Voorstel and applied when approved. Activities that are not public yet
(waiting or rejected) the aanbieder edits directly, and such an edit puts them (back) in the
queue. Every applied change leaves Wijziging rows and reindexes the activity after the commit.
"""

import json
import logging
import re
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wijken.selectors import wijk_for_address

from .constants import Moderatie
from .indexing import activiteit_reindex
from .models import (
    Activiteit,
    Correctie,
    Locatie,
    Rooster,
    RoosterUitzondering,
    Voorstel,
    Wijziging,
)
from .permissions import KLOPT_NOG_MAX_AGE, is_kartrekker, klopt_nog_token, user_organisatie_id
from .querysets import STALE_AFTER
from .selectors import (
    EDITABLE_FIELDS,
    GECONTROLEERD,
    HERINNERING,
    M2M_FIELDS,
    current_values,
    describe_rooster,
    display_value,
    parse_item_times,
    pending_edit,
    proposed_values,
    rooster_item,
    voorstel_changes,
)

logger = logging.getLogger(__name__)

DAY_FIELDS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
ITEM_KEYS = ("locatie", "herhaling", "dagen", "week_van_de_maand", "start_date", "end_date")
ITEM_KEYS += ("start_time", "end_time", "note", "uitzonderingen")
EMAILLINK = "via e-maillink"


# --- helpers -----------------------------------------------------------------------------------


def serialise(values: dict) -> dict:
    """Form values as JSON for a proposal: m2m as sorted ids, Decimal and dates as strings."""
    data = {}
    for name, value in values.items():
        if name in M2M_FIELDS:
            data[name] = sorted(obj.pk for obj in value)
        elif name == "organisatie":
            data[name] = value.pk if value else None
        else:
            data[name] = json.loads(json.dumps(value, cls=DjangoJSONEncoder))
    return data


def _record(activiteit, user, changes) -> None:
    Wijziging.objects.bulk_create(
        Wijziging(activiteit=activiteit, user=user, field=field, old_value=old, new_value=new)
        for field, old, new in changes
    )


def _reindex_on_commit(pk: int) -> None:
    # robust: a failing reindex is logged; the saved change stands and the nightly run repairs it.
    transaction.on_commit(lambda: activiteit_reindex(ids=[pk]), robust=True)


def _assure(activiteit: Activiteit, user, now, name: str = "") -> None:
    activiteit.assured_at = now
    activiteit.assured_by = user
    activiteit.assured_by_name = name or (
        user.get_full_name() or user.get_username() if user else ""
    )


def _lock(activiteit: Activiteit) -> Activiteit:
    # Only the activity's row: edits of sibling activities of one organisation need not wait.
    queryset = Activiteit.objects.select_for_update(of=("self",)).select_related("organisatie")
    return queryset.get(pk=activiteit.pk)


def _is_proposal(activiteit: Activiteit, user) -> bool:
    return not is_kartrekker(user) and activiteit.moderatie == Moderatie.GOEDGEKEURD


def _unique_slug(name: str) -> str:
    base = slugify(name)[:180] or "activiteit"
    taken = set(Activiteit.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _apply_fields(activiteit: Activiteit, values: dict) -> list[tuple[str, str, str]]:
    """Set the changed plain fields; return (field, old, new) texts. M2m follow after saving."""
    changes = []
    for name, new in values.items():
        if name in M2M_FIELDS:
            continue
        old = getattr(activiteit, name)
        if old != new:
            changes.append((name, display_value(name, old), display_value(name, new)))
            setattr(activiteit, name, new)
    return changes


def _apply_m2m(activiteit: Activiteit, values: dict) -> list[tuple[str, str, str]]:
    changes = []
    for name in M2M_FIELDS:
        if name not in values:
            continue
        old, new = list(getattr(activiteit, name).all()), list(values[name])
        if {o.pk for o in old} != {n.pk for n in new}:
            changes.append((name, display_value(name, old), display_value(name, new)))
            getattr(activiteit, name).set(new)
    return changes


def _queue_for_review(activiteit: Activiteit, user, changes: list) -> None:
    """An aanbieder's edit of an activity that is not public: (back) into the kartrekker's queue."""
    if is_kartrekker(user):
        return
    if activiteit.moderatie == Moderatie.AFGEWEZEN:
        changes.append(
            ("moderatie", Moderatie.AFGEWEZEN.label, Moderatie.WACHT.label),
        )
        activiteit.moderatie, activiteit.moderatie_reden = Moderatie.WACHT, ""
        activiteit.save(update_fields=["moderatie", "moderatie_reden"])
    voorstel = activiteit.voorstellen.filter(status=Moderatie.WACHT, is_new=True).first()
    voorstel = voorstel or Voorstel(activiteit=activiteit, is_new=True)
    voorstel.submitted_by = user
    voorstel.data = serialise(current_values(activiteit, [*EDITABLE_FIELDS, *M2M_FIELDS]))
    voorstel.save()


def _propose(activiteit: Activiteit, user, data: dict, now) -> Voorstel | None:
    """Add to the pending proposal (or start one). A proposal that changes nothing is dropped
    and counts as a confirmation: the aanbieder looked and saved it as it is."""
    voorstel = pending_edit(activiteit) or Voorstel(activiteit=activiteit, is_new=False)
    voorstel.data = {**voorstel.data, **data}
    voorstel.submitted_by = user
    if voorstel_changes(voorstel):
        voorstel.save()
        return voorstel
    if voorstel.pk:
        voorstel.delete()
    activiteit_confirm(activiteit=activiteit, user=user, now=now)
    return None


# --- activities --------------------------------------------------------------------------------


@transaction.atomic
def activiteit_create(*, user, values: dict, now=None) -> Activiteit:
    """Create an activity from the werkruimte form.

    The kartrekker's activity is approved at once (for the organisation chosen in the form); an
    aanbieder's belongs to their own organisation and waits for approval with a Voorstel.
    """
    now = now or timezone.now()
    direct = is_kartrekker(user)
    values = dict(values)
    organisatie = values.pop("organisatie", None)
    activiteit = Activiteit(
        organisatie_id=organisatie.pk if direct and organisatie else user_organisatie_id(user),
        moderatie=Moderatie.GOEDGEKEURD if direct else Moderatie.WACHT,
        slug=_unique_slug(values.get("name", "")),
    )
    changes = []
    for name, value in values.items():
        if name not in M2M_FIELDS:
            setattr(activiteit, name, value)
            if display_value(name, value):
                changes.append((name, "", display_value(name, value)))
    _assure(activiteit, user, now)
    activiteit.full_clean()
    activiteit.save()
    changes += _apply_m2m(activiteit, values)
    _queue_for_review(activiteit, user, changes)
    _record(activiteit, user, changes)
    _reindex_on_commit(activiteit.pk)
    return activiteit


@transaction.atomic
def activiteit_update(*, activiteit: Activiteit, user, values: dict, now=None) -> Voorstel | None:
    """Save the werkruimte form of an activity; return the Voorstel when it became a proposal.

    Applied at once for the kartrekker and for activities that are not public yet; an aanbieder's
    change to an approved activity is added to its pending proposal.
    """
    now = now or timezone.now()
    activiteit = _lock(activiteit)
    if not is_kartrekker(user):
        values = {k: v for k, v in values.items() if k != "organisatie"}
    if _is_proposal(activiteit, user):
        return _propose(activiteit, user, serialise(values), now)
    changes = _apply_fields(activiteit, values)
    _assure(activiteit, user, now)
    activiteit.full_clean()
    activiteit.save()
    changes += _apply_m2m(activiteit, values)
    _queue_for_review(activiteit, user, changes)
    _record(activiteit, user, changes)
    _reindex_on_commit(activiteit.pk)
    return None


@transaction.atomic
def activiteit_confirm(*, activiteit: Activiteit, user=None, by_name: str = "", now=None) -> None:
    """ "Klopt nog": someone confirmed the activity as it is; a new freshness cycle starts.

    The kartrekker's confirmation also ends "opnieuw controleren" after a correction.
    """
    now = now or timezone.now()
    activiteit = _lock(activiteit)
    old = activiteit.assured_at
    _assure(activiteit, user, now, by_name)
    fields = ["assured_at", "assured_by", "assured_by_name", "modified_at"]
    if user is not None and is_kartrekker(user):
        activiteit.needs_review = False
        fields.append("needs_review")
    activiteit.save(update_fields=fields)
    old_text = date_format(timezone.localtime(old), "j F Y H:i") if old else ""
    new_text = date_format(timezone.localtime(now), "j F Y H:i")
    _record(activiteit, user, [(GECONTROLEERD, old_text, f"{new_text} {by_name}".strip())])
    _reindex_on_commit(activiteit.pk)


# --- moderation --------------------------------------------------------------------------------


def _lock_open_voorstel(voorstel: Voorstel) -> Voorstel:
    voorstel = Voorstel.objects.select_for_update().get(pk=voorstel.pk)
    if voorstel.status != Moderatie.WACHT:
        raise ValidationError(_("Dit voorstel is al beoordeeld."))
    return voorstel


@transaction.atomic
def voorstel_approve(*, voorstel: Voorstel, user, now=None) -> Voorstel:
    """Approve a proposal: a new activity goes public; a change is applied to the activity.

    Applied values are recorded in the name of the aanbieder who proposed them; the approval
    itself in the kartrekker's. Raises ValidationError when the proposal no longer fits.
    """
    now = now or timezone.now()
    voorstel = _lock_open_voorstel(voorstel)
    activiteit = _lock(voorstel.activiteit)
    author = voorstel.submitted_by or user
    changes = []
    if not voorstel.is_new:
        values = proposed_values(voorstel.data)
        changes = _apply_fields(activiteit, values)
        if "roosters" in voorstel.data:
            changes += _roosters_apply(activiteit, voorstel.data["roosters"])
    decision = ("voorstel", Moderatie.WACHT.label, Moderatie.GOEDGEKEURD.label)
    if activiteit.moderatie != Moderatie.GOEDGEKEURD:
        decision = ("moderatie", activiteit.get_moderatie_display(), Moderatie.GOEDGEKEURD.label)
    activiteit.moderatie, activiteit.moderatie_reden = Moderatie.GOEDGEKEURD, ""
    _assure(activiteit, author, now)
    activiteit.full_clean()
    activiteit.save()
    if not voorstel.is_new:
        changes += _apply_m2m(activiteit, values)
    _record(activiteit, author, changes)
    _record(activiteit, user, [decision])
    voorstel.status, voorstel.reviewed_by, voorstel.reviewed_at = Moderatie.GOEDGEKEURD, user, now
    voorstel.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    _reindex_on_commit(activiteit.pk)
    return voorstel


@transaction.atomic
def voorstel_reject(*, voorstel: Voorstel, user, reason: str, now=None) -> Voorstel:
    """Reject a proposal with a reason the aanbieder sees; a rejected new activity stays hidden."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Schrijf op waarom u het voorstel afwijst.")})
    now = now or timezone.now()
    voorstel = _lock_open_voorstel(voorstel)
    activiteit = _lock(voorstel.activiteit)
    if voorstel.is_new:
        old = activiteit.get_moderatie_display()
        activiteit.moderatie, activiteit.moderatie_reden = Moderatie.AFGEWEZEN, reason
        activiteit.save(update_fields=["moderatie", "moderatie_reden"])
        decision = ("moderatie", old, f"{Moderatie.AFGEWEZEN.label}: {reason}")
    else:
        decision = ("voorstel", Moderatie.WACHT.label, f"{Moderatie.AFGEWEZEN.label}: {reason}")
    _record(activiteit, user, [decision])
    voorstel.status, voorstel.reason = Moderatie.AFGEWEZEN, reason
    voorstel.reviewed_by, voorstel.reviewed_at = user, now
    voorstel.save(update_fields=["status", "reason", "reviewed_by", "reviewed_at"])
    return voorstel


@transaction.atomic
def correctie_handle(*, correctie: Correctie, user, now=None) -> Correctie:
    """Mark a resident's correction as handled; the last one handled ends "opnieuw controleren"."""
    now = now or timezone.now()
    correctie = Correctie.objects.select_for_update().get(pk=correctie.pk)
    if correctie.handled_at is not None:
        return correctie
    correctie.handled_at, correctie.handled_by = now, user
    correctie.save(update_fields=["handled_at", "handled_by"])
    activiteit = _lock(correctie.activiteit)
    still_open = activiteit.correcties.filter(handled_at__isnull=True).exists()
    if activiteit.needs_review and not still_open:
        activiteit.needs_review = False
        activiteit.save(update_fields=["needs_review"])
        _record(activiteit, user, [("needs_review", _("ja"), _("nee"))])
    return correctie


# --- schedules ---------------------------------------------------------------------------------


def _comparable(item: dict) -> dict:
    data = {key: item.get(key) for key in ITEM_KEYS}
    data["dagen"] = sorted(data["dagen"] or [])
    data["uitzonderingen"] = [
        {k: u.get(k) for k in ("start_date", "end_date", "reason")}
        for u in data["uitzonderingen"] or []
    ]
    return data


def _fill_rooster(rooster: Rooster, item: dict, locatie_ids: set[int]) -> None:
    for name, value in parse_item_times(item).items():
        setattr(rooster, name, value)
    days = set(item.get("dagen") or [])
    for index, name in enumerate(DAY_FIELDS):
        setattr(rooster, name, index in days)
    rooster.herhaling = item["herhaling"]
    rooster.week_van_de_maand = item.get("week_van_de_maand")
    rooster.note = item.get("note") or ""
    # A proposal may name a location that was merged away since; the schedule then has none.
    rooster.locatie_id = item.get("locatie") if item.get("locatie") in locatie_ids else None


def _uitzonderingen(rooster: Rooster, item: dict) -> list[RoosterUitzondering]:
    rows = []
    for u in item.get("uitzonderingen") or []:
        start, end = date.fromisoformat(u["start_date"]), date.fromisoformat(u["end_date"])
        if end < start:
            raise ValidationError(_("Een uitzondering eindigt voordat hij begint."))
        rows.append(
            RoosterUitzondering(
                rooster=rooster, start_date=start, end_date=end, reason=u.get("reason") or ""
            )
        )
    return rows


def _roosters_apply(activiteit: Activiteit, items: list[dict]) -> list[tuple[str, str, str]]:
    """Make the activity's schedules equal to the items: update, add, delete; return changes."""
    existing = {str(r.pk): r for r in activiteit.roosters.prefetch_related("uitzonderingen")}
    old_items = {key: rooster_item(r) for key, r in existing.items()}
    ids = {i.get("locatie") for i in [*items, *old_items.values()] if i.get("locatie")}
    locaties = Locatie.objects.in_bulk(ids)
    changes, kept = [], set()
    for item in items:
        key = str(item.get("key"))
        old = old_items.get(key)
        if old is not None and _comparable(old) == _comparable(item):
            kept.add(key)
            continue
        rooster = existing.get(key) or Rooster(activiteit=activiteit)
        _fill_rooster(rooster, item, set(locaties))
        rooster.full_clean()
        rooster.save()
        kept.add(str(rooster.pk))
        rooster.uitzonderingen.all().delete()
        RoosterUitzondering.objects.bulk_create(_uitzonderingen(rooster, item))
        old_text = describe_rooster(old, locaties) if old else ""
        changes.append(("rooster", old_text, describe_rooster(item, locaties)))
    for key, rooster in existing.items():
        if key not in kept:
            changes.append(("rooster", describe_rooster(old_items[key], locaties), ""))
            rooster.delete()
    return changes


@transaction.atomic
def roosters_save(*, activiteit: Activiteit, user, items: list[dict], now=None) -> Voorstel | None:
    """Replace the schedules of an activity by these items; return the Voorstel when proposed.

    Same rule as the activity form: direct for the kartrekker and for activities that are not
    public yet, a proposal (the whole list of schedules) for an aanbieder's approved activity.
    """
    now = now or timezone.now()
    activiteit = _lock(activiteit)
    items = [{"key": item.get("key"), **_comparable(item)} for item in items]
    if _is_proposal(activiteit, user):
        return _propose(activiteit, user, {"roosters": items}, now)
    changes = _roosters_apply(activiteit, items)
    _assure(activiteit, user, now)
    activiteit.save(update_fields=["assured_at", "assured_by", "assured_by_name", "modified_at"])
    _queue_for_review(activiteit, user, changes)
    _record(activiteit, user, changes)
    _reindex_on_commit(activiteit.pk)
    return None


# --- locations ---------------------------------------------------------------------------------

_HUISNUMMER_AT_END = re.compile(r"(\d+)\D{0,6}$")


@transaction.atomic
def locatie_save(*, values: dict, locatie: Locatie | None = None) -> Locatie:
    """Create or change a location. The wijk comes from the postcode (and the house number at
    the end of the address) when the lookup knows it; otherwise the chosen wijk stays."""
    locatie = locatie or Locatie()
    for name, value in values.items():
        setattr(locatie, name, value)
    number = _HUISNUMMER_AT_END.search(locatie.street_address or "")
    found = wijk_for_address(locatie.postcode, number.group(1) if number else None)
    if found is not None:
        locatie.wijk = found
    locatie.full_clean()
    locatie.save()
    ids = list(locatie.roosters.values_list("activiteit_id", flat=True).distinct())
    if ids:  # the search text of activities holds their locations' names and addresses
        transaction.on_commit(lambda: activiteit_reindex(ids=ids), robust=True)
    return locatie


# --- freshness ---------------------------------------------------------------------------------


def herinnering_send(*, activiteit: Activiteit, now=None) -> bool:
    """E-mail the provider the one-click "klopt nog" link and record that it went out.

    To the activity's contact address, else the organisation's. Returns False when there is no
    address. SMTP errors propagate so that the calling task retries; nothing is recorded then.
    """
    now = now or timezone.now()
    recipient = activiteit.contact_email or activiteit.organisatie.email
    if not recipient:
        logger.warning("Geen e-mailadres voor herinnering van activiteit %s", activiteit.pk)
        return False
    token = klopt_nog_token(activiteit)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "activiteit": activiteit,
            "link": settings.SITE_URL + reverse("aanbod:klopt_nog", args=[token]),
            "werkruimte": settings.SITE_URL
            + reverse("aanbod:werkruimte_edit", args=[activiteit.pk]),
            "gecontroleerd": timezone.localtime(activiteit.assured_at).date(),
            "geldig_tot": timezone.localtime(now + KLOPT_NOG_MAX_AGE).date(),
            "van_de_kaart": timezone.localtime(activiteit.assured_at + STALE_AFTER).date(),
        }
        subject = render_to_string("aanbod/email/klopt_nog_onderwerp.txt", context)
        body = render_to_string("aanbod/email/klopt_nog.txt", context)
    send_mail(" ".join(subject.split()), body, None, [recipient])
    row = Wijziging.objects.create(activiteit=activiteit, field=HERINNERING, new_value=recipient)
    # auto_now_add took the real clock; the cycle check compares with the moment of this run.
    Wijziging.objects.filter(pk=row.pk).update(changed_at=now)
    return True
