"""Reads for the werkruimte of the sociale kaart: lists, proposals, freshness, schedules, coverage.

Every list is one query for its rows whatever their number (annotations and subqueries instead of
per-row lookups), so the pages' query counts stay fixed.
"""

import copy
from datetime import date, time, timedelta

from django.core.exceptions import FieldDoesNotExist
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wijken.models import Wijk

from .constants import Herhaling, Moderatie, Status, Vocabulaire, Weekdag, WeekVanDeMaand
from .models import Activiteit, Correctie, Locatie, Rooster, Term, Voorstel, Wijziging
from .permissions import activiteiten_for

# Freshness: a reminder to the provider at 180 days, the kartrekker's list at 210 days, out of
# public search at 365 days (STALE_AFTER, in querysets.py).
REMIND_AFTER = timedelta(days=180)
RECHECK_AFTER = timedelta(days=210)
# The Wijziging.field of the record that a reminder went out: the durable "sent in this cycle".
HERINNERING = "herinnering"
GECONTROLEERD = "gecontroleerd"

# The fields of an activity the werkruimte edits; the kartrekker may also move it to another
# organisation. Many-to-many fields are stored in proposals as lists of ids.
EDITABLE_FIELDS = (
    "name",
    "short_description",
    "description",
    "name_en",
    "short_description_en",
    "description_en",
    "status",
    "min_age",
    "max_age",
    "is_free",
    "cost_amount",
    "cost_description",
    "aanmelding",
    "aanmelding_uitleg",
    "heel_hilversum",
    "contact_name",
    "contact_email",
    "contact_phone",
    "website",
    "wat_werkt",
    "wat_werkt_url",
)
M2M_FIELDS = ("terms", "wijken")


def recheck_q(now) -> Q:
    """Approved, running activities the kartrekker should look at again."""
    due = Q(needs_review=True) | Q(assured_at__isnull=True) | Q(assured_at__lte=now - RECHECK_AFTER)
    return due & Q(moderatie=Moderatie.GOEDGEKEURD) & ~Q(status=Status.BEEINDIGD)


def werkruimte_activiteiten(*, user, filter: str = "", q: str = "", now=None):
    """The werkruimte list: the user's activities with moderation and freshness state."""
    now = now or timezone.now()
    voorstellen = Voorstel.objects.filter(activiteit=OuterRef("pk")).order_by(
        "-submitted_at", "-pk"
    )
    open_correcties = (
        Correctie.objects.filter(activiteit=OuterRef("pk"), handled_at__isnull=True)
        .order_by()
        .values("activiteit")
        .annotate(n=Count("pk"))
        .values("n")
    )
    queryset = (
        activiteiten_for(user)
        .select_related("organisatie")
        .annotate(
            open_voorstel=Subquery(voorstellen.filter(status=Moderatie.WACHT).values("pk")[:1]),
            laatste_voorstel=Subquery(voorstellen.values("pk")[:1]),
            laatste_status=Subquery(voorstellen.values("status")[:1]),
            laatste_reden=Subquery(voorstellen.values("reason")[:1]),
            open_correcties=Coalesce(
                Subquery(open_correcties, output_field=IntegerField()), Value(0)
            ),
            opnieuw_controleren=Case(
                When(recheck_q(now), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
        .order_by("name", "pk")
    )
    if filter == "wacht":
        queryset = queryset.filter(Q(moderatie=Moderatie.WACHT) | Q(open_voorstel__isnull=False))
    elif filter == "controleren":
        queryset = queryset.filter(recheck_q(now))
    elif filter == "correcties":
        queryset = queryset.filter(open_correcties__gt=0)
    if q:
        queryset = queryset.filter(name__icontains=q[:100])
    return queryset


def voorstellen_open():
    """Proposals waiting for the kartrekker, oldest first (first come, first served)."""
    return (
        Voorstel.objects.filter(status=Moderatie.WACHT)
        .select_related("activiteit__organisatie", "submitted_by")
        .order_by("submitted_at", "pk")
    )


def pending_edit(activiteit: Activiteit) -> Voorstel | None:
    """The provider's proposed change to an approved activity that waits for the kartrekker."""
    return (
        activiteit.voorstellen.filter(status=Moderatie.WACHT, is_new=False)
        .order_by("-submitted_at", "-pk")
        .first()
    )


def correcties_list(*, afgehandeld: bool = False):
    """Residents' corrections, open ones (or handled ones) newest first."""
    return (
        Correctie.objects.filter(handled_at__isnull=not afgehandeld)
        .select_related("activiteit__organisatie", "handled_by")
        .order_by("-created_at", "-pk")
    )


def activiteit_history(activiteit: Activiteit):
    return activiteit.wijzigingen.select_related("user").order_by("-changed_at", "-pk")


def activiteiten_due_for_reminder(*, now=None, ids=None):
    """Approved activities unconfirmed for 180 days whose provider got no reminder this cycle.

    A cycle starts when someone confirms (assured_at). Activities with a proposal waiting for the
    kartrekker are left alone: their provider is already at work on them.
    """
    now = now or timezone.now()
    reminded = Wijziging.objects.filter(
        activiteit=OuterRef("pk"), field=HERINNERING, changed_at__gte=OuterRef("assured_at")
    )
    waiting = Voorstel.objects.filter(activiteit=OuterRef("pk"), status=Moderatie.WACHT)
    queryset = (
        Activiteit.objects.filter(
            moderatie=Moderatie.GOEDGEKEURD, assured_at__lte=now - REMIND_AFTER
        )
        .exclude(status=Status.BEEINDIGD)
        .exclude(Exists(reminded))
        .exclude(Exists(waiting))
        .select_related("organisatie")
        .order_by("pk")
    )
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    return queryset


# --- values of an activity, for proposals, diffs and the change log ---------------------------


def display_value(name: str, value) -> str:
    """A field's value as people read it: labels for choices, "ja"/"nee", joined m2m labels."""
    if value is None or value == "":
        return ""
    field = Activiteit._meta.get_field(name)
    if field.many_to_many:
        # In the models' own order, so that old and new values read alike.
        ordered = sorted(value, key=lambda obj: [getattr(obj, f) for f in obj._meta.ordering])
        return ", ".join(str(item) for item in ordered)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    return str(value)


def current_values(activiteit: Activiteit, names) -> dict:
    """The activity's values of these fields; m2m as lists of objects."""
    values = {}
    for name in names:
        if name in M2M_FIELDS:
            values[name] = list(getattr(activiteit, name).all())
        else:
            values[name] = getattr(activiteit, name)
    return values


def proposed_values(data: dict) -> dict:
    """A proposal's stored JSON as Python values (Decimal, objects); unknown keys are ignored."""
    values = {}
    for name in (*EDITABLE_FIELDS, "organisatie"):
        if name in data:
            field = Activiteit._meta.get_field(name)
            raw = data[name]
            values[name] = raw if field.is_relation else field.to_python(raw)
    if "organisatie" in values:
        values.pop("organisatie")  # proposals never move an activity to another organisation
    for name, model in (("terms", Term), ("wijken", Wijk)):
        if name in data:
            values[name] = list(model.objects.filter(pk__in=data[name]))
    return values


def field_label(name: str) -> str:
    """The label of a field of the form, or of a change-log row."""
    extra = {
        "roosters": _("Roosters"),
        "rooster": _("Rooster"),
        "voorstel": _("Voorstel"),
        HERINNERING: _("Herinnering verstuurd naar"),
        GECONTROLEERD: _("Gecontroleerd"),
    }
    if name in extra:
        return extra[name]
    try:
        return capfirst(str(Activiteit._meta.get_field(name).verbose_name))
    except FieldDoesNotExist:  # a field removed since the row was written
        return name


def voorstel_changes(voorstel: Voorstel) -> list[dict]:
    """What approving this proposal changes: label, current and proposed text per field.

    A new activity shows all its filled-in values (there is nothing public to compare with).
    """
    activiteit = voorstel.activiteit
    if voorstel.is_new:
        names = [*EDITABLE_FIELDS, *M2M_FIELDS]
        current = {name: None for name in names}
        proposed = current_values(activiteit, names)
        current["roosters"], proposed["roosters"] = [], rooster_rows(rooster_items(activiteit))
    else:
        proposed = proposed_values(voorstel.data)
        current = current_values(activiteit, proposed.keys())
        if "roosters" in voorstel.data:
            current["roosters"] = rooster_rows(rooster_items(activiteit))
            proposed["roosters"] = rooster_rows(copy.deepcopy(voorstel.data["roosters"]))
    changes = []
    for name, new in proposed.items():
        if name == "roosters":
            old_text = [row["omschrijving"] for row in current["roosters"]]
            new_text = [row["omschrijving"] for row in new]
            if old_text != new_text:
                changes.append(
                    {"label": field_label(name), "old": old_text, "new": new_text, "lines": True}
                )
            continue
        old_text, new_text = display_value(name, current[name]), display_value(name, new)
        if old_text != new_text:
            changes.append({"label": field_label(name), "old": old_text, "new": new_text})
    return changes


# --- schedules as plain data: the same shape in the database and in a proposal --------------


def rooster_item(rooster: Rooster) -> dict:
    """A schedule as JSON-ready data (uses prefetched exceptions)."""
    return {
        "key": str(rooster.pk),
        "locatie": rooster.locatie_id,
        "herhaling": rooster.herhaling,
        "dagen": rooster.weekdays,
        "week_van_de_maand": rooster.week_van_de_maand,
        "start_date": rooster.start_date.isoformat(),
        "end_date": rooster.end_date.isoformat() if rooster.end_date else None,
        "start_time": rooster.start_time.isoformat(timespec="minutes"),
        "end_time": rooster.end_time.isoformat(timespec="minutes") if rooster.end_time else None,
        "note": rooster.note,
        "uitzonderingen": [
            {
                "start_date": u.start_date.isoformat(),
                "end_date": u.end_date.isoformat(),
                "reason": u.reason,
            }
            for u in rooster.uitzonderingen.all()
        ],
    }


def rooster_items(activiteit: Activiteit, *, voorstel: Voorstel | None = None) -> list[dict]:
    """The schedules being edited: the proposal's if it proposes schedules, else the saved ones."""
    if voorstel is not None and "roosters" in voorstel.data:
        return copy.deepcopy(voorstel.data["roosters"])
    roosters = activiteit.roosters.prefetch_related("uitzonderingen").order_by("start_time", "pk")
    return [rooster_item(r) for r in roosters]


def _day(value: str | None) -> str:
    return date_format(date.fromisoformat(value), "j F Y") if value else ""


def _days_text(days: list[int]) -> str:
    names = [str(Weekdag(d).label) for d in sorted(days)]
    if len(names) <= 1:
        return "".join(names)
    return _("%(first)s en %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _when_text(item: dict) -> str:
    herhaling = item["herhaling"]
    start = date.fromisoformat(item["start_date"])
    days = item.get("dagen") or [start.weekday()]
    if herhaling == Herhaling.EENMALIG:
        return _("Op %(day)s") % {"day": date_format(start, "l j F Y")}
    if herhaling == Herhaling.MAANDELIJKS:
        week = WeekVanDeMaand(item.get("week_van_de_maand") or 1).label
        return _("Elke %(week)s %(day)s van de maand") % {
            "week": week,
            "day": Weekdag(days[0]).label,
        }
    if herhaling == Herhaling.TWEEWEKELIJKS:
        return _("Om de week op %(days)s") % {"days": _days_text(days)}
    return _("Elke week op %(days)s") % {"days": _days_text(days)}


def describe_rooster(item: dict, locaties: dict) -> str:
    """One sentence for a schedule, e.g. "Elke week op dinsdag, 14:00–16:00, vanaf 6 januari
    2026, Buurthuis De Geus"; also the text of its change-log rows."""
    parts = [_when_text(item)]
    start, end = item["start_time"], item.get("end_time")
    parts.append(f"{start}–{end}" if end else _("om %(time)s") % {"time": start})
    if item["herhaling"] != Herhaling.EENMALIG:
        period = _("vanaf %(day)s") % {"day": _day(item["start_date"])}
        if item.get("end_date"):
            period += " " + _("tot en met %(day)s") % {"day": _day(item["end_date"])}
        parts.append(period)
    if item.get("locatie") in locaties:
        parts.append(str(locaties[item["locatie"]]))
    text = ", ".join(parts)
    if item.get("note"):
        text += f" ({item['note']})"
    for u in item.get("uitzonderingen", []):
        text += "; " + describe_uitzondering(u)
    return text


def describe_uitzondering(u: dict) -> str:
    if u["start_date"] == u["end_date"]:
        text = _("niet op %(day)s") % {"day": _day(u["start_date"])}
    else:
        text = _("niet van %(start)s tot en met %(end)s") % {
            "start": _day(u["start_date"]),
            "end": _day(u["end_date"]),
        }
    return f"{text} ({u['reason']})" if u.get("reason") else text


def rooster_rows(items: list[dict]) -> list[dict]:
    """Items with their location object and description, for pages (one query for locations)."""
    ids = {item["locatie"] for item in items if item.get("locatie")}
    locaties = Locatie.objects.in_bulk(ids) if ids else {}
    for item in items:
        item["locatie_obj"] = locaties.get(item.get("locatie"))
        item["omschrijving"] = describe_rooster(item, locaties)
        for index, u in enumerate(item.get("uitzonderingen", [])):
            u["index"] = index
            u["omschrijving"] = describe_uitzondering(u)
    return items


def parse_item_times(item: dict) -> dict:
    """Date and time strings of a schedule item as Python values (for forms and the database)."""
    return {
        "start_date": date.fromisoformat(item["start_date"]),
        "end_date": date.fromisoformat(item["end_date"]) if item.get("end_date") else None,
        "start_time": time.fromisoformat(item["start_time"]),
        "end_time": time.fromisoformat(item["end_time"]) if item.get("end_time") else None,
    }


# --- coverage gaps -----------------------------------------------------------------------------


def coverage_gaps(*, now=None) -> dict:
    """Per wijk: how many public activities serve each target group and each weekday.

    An activity serves a wijk when it lists the wijk or is for all of Hilversum. Weekdays come
    from its current schedules. Six queries, whatever the number of activities.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    public = Activiteit.objects.public(now=now).values("pk")
    wijken = list(Wijk.objects.order_by("name"))
    doelgroepen = list(Term.objects.filter(vocabulaire=Vocabulaire.DOELGROEP))
    all_wijken = {w.pk for w in wijken}
    serves: dict[int, set[int]] = {}
    for act, wijk in Activiteit.wijken.through.objects.filter(activiteit__in=public).values_list(
        "activiteit_id", "wijk_id"
    ):
        serves.setdefault(act, set()).add(wijk)
    for act in (
        Activiteit.objects.public(now=now).filter(heel_hilversum=True).values_list("pk", flat=True)
    ):
        serves[act] = all_wijken
    by_term: dict[tuple[int, int], set[int]] = {}
    for act, term in Activiteit.terms.through.objects.filter(
        activiteit__in=public, term__vocabulaire=Vocabulaire.DOELGROEP
    ).values_list("activiteit_id", "term_id"):
        for wijk in serves.get(act, ()):
            by_term.setdefault((wijk, term), set()).add(act)
    by_day: dict[tuple[int, int], set[int]] = {}
    roosters = (
        Rooster.objects.filter(activiteit__in=public)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .exclude(herhaling=Herhaling.EENMALIG, start_date__lt=today)
        .only("activiteit_id", "start_date", *(day.name.lower() for day in Weekdag))
    )
    for rooster in roosters:
        for day in rooster.weekdays or [rooster.start_date.weekday()]:
            for wijk in serves.get(rooster.activiteit_id, ()):
                by_day.setdefault((wijk, day), set()).add(rooster.activiteit_id)
    rows = []
    for wijk in wijken:
        terms = [len(by_term.get((wijk.pk, t.pk), ())) for t in doelgroepen]
        days = [len(by_day.get((wijk.pk, d.value), ())) for d in Weekdag]
        rows.append(
            {"wijk": wijk, "doelgroepen": terms, "dagen": days, "gaten": (terms + days).count(0)}
        )
    return {"doelgroepen": doelgroepen, "dagen": list(Weekdag), "rows": rows}
