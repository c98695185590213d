"""Demo activities of the sociale kaart; the data itself is in `demo_data`.

`seed()` is idempotent: it creates what is missing, repairs what differs from the data, and
leaves everything else alone, so a second run changes no row and no timestamp.
"""

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from coalitie import demo as coalitie_demo
from coalitie.models import Organisatie
from wijken.models import Wijk

from .constants import DAG_CODES, Moderatie, Status, Vocabulaire
from .demo_data import ACTIVITEITEN, LOCATIES, ORGANISATIES
from .demo_data.types import Demo, Tijd
from .indexing import activiteit_reindex
from .models import Activiteit, Locatie, Rooster, RoosterUitzondering, Term

# Recurring demo schedules run from this Monday on; single dates are the next one from today.
START = date(2025, 1, 6)
EXAMPLE_TEXT = (
    "Dit is een voorbeeld: deze activiteit is verzonnen om te laten zien hoe de sociale kaart "
    "werkt."
)
EXAMPLE_TIMES = "De dagen en tijden zijn een voorbeeld. Vraag de organisatie naar de echte tijden."
EXAMPLE_NOTE = "Voorbeeldtijden"
DAY_FIELDS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
ROOSTER_FIELDS = (
    "locatie_id",
    "herhaling",
    *DAY_FIELDS,
    "week_van_de_maand",
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "note",
)


@transaction.atomic
def seed(*, today: date | None = None, now: datetime | None = None) -> int:
    """Create or repair the demo activities; return how many were created or changed."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    coalitie_demo.seed()  # the programme partners the activities belong to
    organisaties = _organisaties()
    wijken = {w.slug: w for w in Wijk.objects.all()}
    terms = {(t.vocabulaire, t.code): t for t in Term.objects.all()}
    locaties = {key: _locatie(*spec, wijken=wijken) for key, spec in LOCATIES.items()}
    changed = []
    for demo in ACTIVITEITEN:
        activiteit, was_changed = _activiteit(demo, organisaties[demo.org], now=now)
        was_changed |= _set_related(activiteit.terms, [terms[key] for key in _term_keys(demo)])
        was_changed |= _set_related(activiteit.wijken, [wijken[slug] for slug in demo.wijken])
        was_changed |= _roosters(activiteit, _rooster_specs(demo, locaties, today))
        if was_changed:
            changed.append(activiteit.pk)
    if changed:
        activiteit_reindex(ids=changed, now=now)
    return len(changed)


def _organisaties() -> dict[str, Organisatie]:
    for slug, name, description in ORGANISATIES:
        Organisatie.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
    needed = {demo.org for demo in ACTIVITEITEN}
    return {o.slug: o for o in Organisatie.objects.filter(slug__in=needed)}


def _locatie(name: str, wijk_slug: str, rolstoel: bool, *, wijken: dict) -> Locatie:
    wanted = {"wijk_id": wijken[wijk_slug].pk, "rolstoel": rolstoel, "invalidentoilet": rolstoel}
    locatie = Locatie.objects.filter(name=name, city="Hilversum").order_by("pk").first()
    if locatie is None:
        locatie = Locatie(name=name, city="Hilversum", **wanted)
        locatie.full_clean()
        locatie.save()
        return locatie
    different = [f for f, value in wanted.items() if getattr(locatie, f) != value]
    if different:
        for f in different:
            setattr(locatie, f, wanted[f])
        locatie.full_clean()
        locatie.save(update_fields=[f.removesuffix("_id") for f in different])
    return locatie


def _fields(demo: Demo, organisatie: Organisatie) -> dict:
    description = demo.tekst
    if demo.voorbeeld:
        description = f"{EXAMPLE_TEXT} {description}"
    elif demo.tijden and not demo.tijden_bekend:
        description = f"{description} {EXAMPLE_TIMES}"
    return {
        "name": f"{demo.name} (voorbeeld)" if demo.voorbeeld else demo.name,
        "short_description": demo.kort,
        "description": description,
        "organisatie_id": organisatie.pk,
        "status": Status.ACTIEF,
        "moderatie": Moderatie.GOEDGEKEURD,
        "min_age": demo.min_age,
        "max_age": demo.max_age,
        "is_free": demo.kosten is None,
        "cost_amount": demo.kosten,
        "cost_description": demo.kosten_uitleg,
        "aanmelding": demo.aanmelding,
        "aanmelding_uitleg": demo.aanmelding_uitleg,
        "heel_hilversum": demo.heel,
        "contact_phone": demo.telefoon,
        "contact_email": demo.email,
        "wat_werkt": bool(demo.wat_werkt_url),
        "wat_werkt_url": demo.wat_werkt_url,
    }


def _activiteit(demo: Demo, organisatie: Organisatie, *, now: datetime):
    """Create the activity, or update only the fields that differ (assured_at stays)."""
    fields = _fields(demo, organisatie)
    activiteit = Activiteit.objects.filter(slug=demo.slug).first()
    if activiteit is None:
        activiteit = Activiteit(slug=demo.slug, assured_at=now, **fields)
        activiteit.full_clean()
        activiteit.save()
        return activiteit, True
    different = [f for f, value in fields.items() if getattr(activiteit, f) != value]
    if not different:
        return activiteit, False
    for f in different:
        setattr(activiteit, f, fields[f])
    activiteit.full_clean()
    activiteit.save(update_fields=[*(f.removesuffix("_id") for f in different), "modified_at"])
    return activiteit, True


def _term_keys(demo: Demo) -> list[tuple[str, str]]:
    return [
        *((Vocabulaire.DOELGROEP, code) for code in demo.doelgroep),
        *((Vocabulaire.SOORT, code) for code in demo.soort),
        *((Vocabulaire.TYPE, code) for code in demo.type),
        *((Vocabulaire.TAAL, code) for code in demo.taal),
        *((Vocabulaire.VORM, code) for code in demo.vorm),
    ]


def _set_related(manager, wanted: list) -> bool:
    if set(manager.values_list("pk", flat=True)) == {o.pk for o in wanted}:
        return False
    manager.set(wanted)
    return True


def _next_date(month: int, day: int, today: date) -> date:
    candidate = date(today.year, month, day)
    return candidate if candidate >= today else date(today.year + 1, month, day)


def _pauze(pauze, today: date) -> dict:
    """A yearly break (like the Christmas holiday) as the next dates it covers."""
    (start_month, start_day), (end_month, end_day), reason = pauze
    end = _next_date(end_month, end_day, today)
    start_year = end.year if (start_month, start_day) <= (end_month, end_day) else end.year - 1
    start = date(start_year, start_month, start_day)
    return {"start_date": start, "end_date": end, "reason": reason}


def _rooster_spec(tijd: Tijd, *, locaties: dict, known: bool, today: date) -> tuple:
    days = {field: DAG_CODES[i] in tijd.dagen for i, field in enumerate(DAY_FIELDS)}
    fields = {
        "locatie_id": locaties[tijd.waar].pk if tijd.waar else None,
        "herhaling": tijd.herhaling,
        **days,
        "week_van_de_maand": tijd.week,
        "start_date": _next_date(*tijd.datum, today) if tijd.datum else START,
        "end_date": None,
        "start_time": time.fromisoformat(tijd.van),
        "end_time": time.fromisoformat(tijd.tot) if tijd.tot else None,
        "note": "" if known else EXAMPLE_NOTE,
    }
    return fields, [_pauze(tijd.pauze, today)] if tijd.pauze else []


def _rooster_specs(demo: Demo, locaties: dict, today: date) -> list[tuple]:
    return [
        _rooster_spec(tijd, locaties=locaties, known=demo.tijden_bekend, today=today)
        for tijd in demo.tijden
    ]


def _roosters(activiteit: Activiteit, wanted: list[tuple]) -> bool:
    """Replace the schedules when they differ from the data; True when they did."""
    current = [
        (
            {f: getattr(r, f) for f in ROOSTER_FIELDS},
            [
                {"start_date": u.start_date, "end_date": u.end_date, "reason": u.reason}
                for u in r.uitzonderingen.all()
            ],
        )
        for r in activiteit.roosters.order_by("pk").prefetch_related("uitzonderingen")
    ]
    if current == wanted:
        return False
    activiteit.roosters.all().delete()
    for fields, pauzes in wanted:
        rooster = Rooster(activiteit=activiteit, **fields)
        rooster.full_clean()
        rooster.save()
        for pauze in pauzes:
            uitzondering = RoosterUitzondering(rooster=rooster, **pauze)
            uitzondering.full_clean()
            uitzondering.save()
    return True
