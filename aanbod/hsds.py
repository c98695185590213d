"""Activities in the shape of Open Referral HSDS 3.0 (https://docs.openreferral.org).

Pure functions from prefetched model instances to JSON-ready dicts: the views in `api.py` do the
querying (see `SERVICE_PREFETCH`), so serialising a page never adds queries. Optional fields
without a value are left out rather than sent as null, because the published HSDS schemas type
them as plain strings and numbers.

Ids: activities and locations carry their own UUID. Everything else gets a UUID5 derived from its
parent's UUID (or a fixed namespace) and its own key, so an id stays the same from one request to
the next without storing it.
"""

import uuid
from datetime import UTC, date, datetime, time
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format

from .constants import Herhaling, Status, Toegankelijkheid, Vocabulaire, Weekdag, WeekVanDeMaand
from .models import Rooster
from .schedules import ICAL_DAYS, recurrence_parts, recurrence_rule

HSDS_VERSION = "3.0"
HSDS_BASE = "https://github.com/openreferral/specification/tree/3.0"
HSDS_OPENAPI = (
    "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
)
# Fixed for ever: every derived id depends on it.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://www.hilversum.nl/sociale-kaart/hsds")

# The vocabularies published as service attributes; languages and forms have their own fields.
ATTRIBUTE_VOCABULARIES = (Vocabulaire.DOELGROEP, Vocabulaire.SOORT, Vocabulaire.TYPE)
# Our language codes are ISO 639-1, except sign language, which only ISO 639-3 has.
ISO_LANGUAGE = {"ngt": "dse"}
STATUS = {
    Status.ACTIEF: "active",
    Status.GEPAUZEERD: "temporarily closed",
    Status.BEEINDIGD: "defunct",
}
ACCESSIBILITY_FIELDS = {
    Toegankelijkheid.ROLSTOEL: "rolstoel",
    Toegankelijkheid.INVALIDENTOILET: "invalidentoilet",
    Toegankelijkheid.RINGLEIDING: "ringleiding",
    Toegankelijkheid.PRIKKELARM: "prikkelarm",
}

# What service_summary needs: the target groups for eligibility_description.
SUMMARY_PREFETCH = ("terms",)
# What a fully nested service needs; with these a page of any size costs the same queries.
SERVICE_PREFETCH = (
    "terms",
    "wijken",
    Prefetch(
        "roosters",
        queryset=Rooster.objects.select_related("locatie__wijk").prefetch_related("uitzonderingen"),
    ),
)


def organisation_id(organisatie_pk: int) -> uuid.UUID:
    # Organisatie has no UUID of its own yet; its primary key never changes, its slug might.
    return uuid.uuid5(NAMESPACE, f"organisatie:{organisatie_pk}")


def taxonomy_id(vocabulaire: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"taxonomy:{vocabulaire}")


def term_id(term) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"term:{term.vocabulaire}:{term.code}")


def _child_id(parent: uuid.UUID, key: str) -> str:
    return str(uuid.uuid5(parent, key))


def _compact(data: dict) -> dict:
    """Leave out optional fields that have no value (None or an empty string)."""
    return {k: v for k, v in data.items() if v is not None and v != ""}


def _timestamp(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _terms(activiteit, vocabulaire: str) -> list:
    return [t for t in activiteit.terms.all() if t.vocabulaire == vocabulaire]


def _labels(activiteit, vocabulaire: str) -> str:
    return ", ".join(t.label for t in _terms(activiteit, vocabulaire))


def organization(organisatie) -> dict:
    """An HSDS organization; `description` is required, so it is sent even when empty."""
    data = _compact(
        {
            "id": str(organisation_id(organisatie.pk)),
            "name": organisatie.name,
            "email": organisatie.email,
            "website": organisatie.website,
        }
    )
    data["description"] = organisatie.description
    return data


def _eligibility(activiteit) -> str:
    parts = [_labels(activiteit, Vocabulaire.DOELGROEP)]
    if activiteit.min_age is not None and activiteit.max_age is not None:
        parts.append(f"Leeftijd {activiteit.min_age} tot en met {activiteit.max_age} jaar")
    elif activiteit.min_age is not None:
        parts.append(f"Vanaf {activiteit.min_age} jaar")
    elif activiteit.max_age is not None:
        parts.append(f"Tot en met {activiteit.max_age} jaar")
    return ". ".join(p for p in parts if p)


def _application(activiteit) -> str:
    return ". ".join(
        p for p in [activiteit.get_aanmelding_display(), activiteit.aanmelding_uitleg] if p
    )


def _fees(activiteit) -> str:
    if activiteit.is_free:
        return activiteit.cost_description or "Gratis"
    amount = f"€ {activiteit.cost_amount:.2f}".replace(".", ",")
    return f"{amount}. {activiteit.cost_description}" if activiteit.cost_description else amount


def _accreditations(activiteit) -> str | None:
    if not activiteit.wat_werkt:
        return None
    text = "Werkzame methode tegen eenzaamheid volgens Movisie (Wat werkt)"
    return f"{text}: {activiteit.wat_werkt_url}" if activiteit.wat_werkt_url else text


def service_summary(activiteit, *, url: str) -> dict:
    """The one-to-one fields of a service plus its organization (HSDS service_list)."""
    data = _compact(
        {
            "id": str(activiteit.uuid),
            "organization_id": str(organisation_id(activiteit.organisatie_id)),
            "name": activiteit.name,
            "description": activiteit.description or activiteit.short_description,
            "url": url,
            "email": activiteit.contact_email,
            "status": STATUS.get(activiteit.status, "inactive"),
            "application_process": _application(activiteit),
            "fees_description": _fees(activiteit),
            "accreditations": _accreditations(activiteit),
            "eligibility_description": _eligibility(activiteit),
            "minimum_age": activiteit.min_age,
            "maximum_age": activiteit.max_age,
            "assured_date": timezone.localdate(activiteit.assured_at).isoformat()
            if activiteit.assured_at
            else None,
            "last_modified": _timestamp(activiteit.modified_at),
        }
    )
    data["organization"] = organization(activiteit.organisatie)
    return data


def service(activiteit, *, url: str) -> dict:
    """A fully nested HSDS service; needs the prefetches in SERVICE_PREFETCH."""
    located = _service_at_locations(activiteit)
    schedules = [
        schedule(r, activiteit, service_at_location_id=located.get(r.locatie_id, {}).get("id"))
        for r in activiteit.roosters.all()
    ]
    for sal in located.values():
        sal["schedules"] = [s for s in schedules if s.get("service_at_location_id") == sal["id"]]
    return {
        **service_summary(activiteit, url=url),
        "schedules": schedules,
        "service_areas": _service_areas(activiteit),
        "service_at_locations": list(located.values()),
        "languages": _languages(activiteit),
        "contacts": _contacts(activiteit),
        "phones": _phones(activiteit),
        "cost_options": [_cost_option(activiteit)],
        "attributes": _attributes(activiteit),
    }


def _service_at_locations(activiteit) -> dict:
    """One service_at_location per distinct location of the activity's schedules, in order."""
    found: dict = {}
    for rooster in activiteit.roosters.all():
        locatie = rooster.locatie
        if locatie is None or locatie.pk in found:
            continue
        found[locatie.pk] = {
            "id": _child_id(activiteit.uuid, f"service_at_location:{locatie.uuid}"),
            "service_id": str(activiteit.uuid),
            "location_id": str(locatie.uuid),
            "location": location(locatie),
        }
    return found


def location(locatie) -> dict:
    data = _compact(
        {
            "id": str(locatie.uuid),
            "location_type": "physical",
            "name": locatie.name,
            "description": f"Wijk {locatie.wijk.name}" if locatie.wijk_id else None,
            "latitude": float(locatie.latitude) if locatie.latitude is not None else None,
            "longitude": float(locatie.longitude) if locatie.longitude is not None else None,
        }
    )
    data["addresses"] = [address(locatie)] if locatie.street_address else []
    data["accessibility"] = [
        {"id": _child_id(locatie.uuid, f"accessibility:{kind}"), "description": kind.label}
        for kind, field in ACCESSIBILITY_FIELDS.items()
        if getattr(locatie, field)
    ]
    return data


def address(locatie) -> dict:
    """The physical address; HSDS requires state_province, which is the province here."""
    return {
        "id": _child_id(locatie.uuid, "address:physical"),
        "location_id": str(locatie.uuid),
        "address_1": locatie.street_address,
        "city": locatie.city,
        "state_province": "Noord-Holland",
        "postal_code": locatie.postcode,
        "country": "NL",
        "address_type": "physical",
    }


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} en {words[-1]}"


def _day_names(rooster) -> str:
    days = rooster.weekdays or [rooster.start_date.weekday()]
    if len(days) == 7:
        return "elke dag"
    return _join([str(Weekdag(d).label) for d in days])


def schedule_description(rooster) -> str:
    """The schedule in plain Dutch, e.g. "Elke week op dinsdag en donderdag, 14:00 tot 16:00"."""
    if rooster.herhaling == Herhaling.EENMALIG:
        when = f"Eén keer, op {date_format(rooster.start_date, 'l j F Y')}"
    elif rooster.herhaling == Herhaling.MAANDELIJKS:
        position = WeekVanDeMaand(rooster.week_van_de_maand or 1).label
        when = f"Elke {position} {_day_names(rooster)} van de maand"
    elif rooster.herhaling == Herhaling.TWEEWEKELIJKS:
        when = f"Om de week op {_day_names(rooster)}"
    else:
        days = _day_names(rooster)
        when = "Elke dag" if days == "elke dag" else f"Elke week op {days}"
    start = rooster.start_time.strftime("%H:%M")
    if start == "00:00" and rooster.end_time == time(23, 59):  # HSDS's way to say "24 hours"
        return f"{when}, dag en nacht"
    if rooster.end_time:
        return f"{when}, {start} tot {rooster.end_time.strftime('%H:%M')}"
    return f"{when}, vanaf {start}"


def _exception_notes(rooster) -> list[str]:
    notes = []
    for u in rooster.uitzonderingen.all():
        if u.start_date == u.end_date:
            text = f"Gaat niet door op {date_format(u.start_date, 'j F Y')}"
        else:
            text = (
                f"Gaat niet door van {date_format(u.start_date, 'j F Y')} "
                f"tot en met {date_format(u.end_date, 'j F Y')}"
            )
        notes.append(f"{text} ({u.reason})" if u.reason else text)
    return notes


def _first_date(rooster) -> date:
    """RFC 5545 counts DTSTART as the first occurrence, so send the first real one."""
    first = next(iter(recurrence_rule(rooster)), None)
    return first.date() if first else rooster.start_date


def schedule(rooster, activiteit, *, service_at_location_id: str | None = None) -> dict:
    """An HSDS schedule with RRULE fields, in local time (Europe/Amsterdam).

    HSDS only knows WEEKLY and MONTHLY, so a single date is sent as a weekly rule that starts
    and ends on that date: it has exactly one occurrence.
    """
    parts = recurrence_parts(rooster)
    single = rooster.herhaling == Herhaling.EENMALIG
    until = rooster.start_date if single else rooster.end_date
    byday = parts["byday"] or [ICAL_DAYS[rooster.start_date.weekday()]]
    notes = [rooster.note, *_exception_notes(rooster)]
    return _compact(
        {
            "id": _child_id(activiteit.uuid, f"schedule:{rooster.pk}"),
            "service_id": str(activiteit.uuid),
            "location_id": str(rooster.locatie.uuid) if rooster.locatie_id else None,
            "service_at_location_id": service_at_location_id,
            "valid_from": rooster.start_date.isoformat(),
            "valid_to": until.isoformat() if until else None,
            "dtstart": _first_date(rooster).isoformat(),
            "until": until.isoformat() if until else None,
            "wkst": "MO",
            "freq": "WEEKLY" if single else parts["freq"],
            "interval": parts["interval"],
            "byday": ",".join(byday),
            "opens_at": rooster.start_time.strftime("%H:%M"),
            "closes_at": rooster.end_time.strftime("%H:%M") if rooster.end_time else None,
            "description": schedule_description(rooster),
            "attending_type": _labels(activiteit, Vocabulaire.VORM)
            or ("Op locatie" if rooster.locatie_id else None),
            "notes": ". ".join(n for n in notes if n),
        }
    )


def _service_areas(activiteit) -> list[dict]:
    if activiteit.heel_hilversum:
        return [
            {
                "id": _child_id(activiteit.uuid, "service_area:GM0402"),
                "service_id": str(activiteit.uuid),
                "name": "Heel Hilversum",
                "description": "Gemeente Hilversum (CBS-code GM0402)",
            }
        ]
    return [
        {
            "id": _child_id(activiteit.uuid, f"service_area:{wijk.code}"),
            "service_id": str(activiteit.uuid),
            "name": wijk.name,
            "description": f"Wijk {wijk.name} in Hilversum (CBS-code {wijk.code})",
        }
        for wijk in activiteit.wijken.all()
    ]


def _languages(activiteit) -> list[dict]:
    return [
        {
            "id": _child_id(activiteit.uuid, f"language:{term.code}"),
            "service_id": str(activiteit.uuid),
            "name": term.label,
            "code": ISO_LANGUAGE.get(term.code, term.code),
        }
        for term in _terms(activiteit, Vocabulaire.TAAL)
    ]


def _contacts(activiteit) -> list[dict]:
    if not (activiteit.contact_name or activiteit.contact_email):
        return []
    contact = {
        "id": _child_id(activiteit.uuid, "contact"),
        "service_id": str(activiteit.uuid),
        "name": activiteit.contact_name,
        "email": activiteit.contact_email,
    }
    return [_compact(contact)]


def _phones(activiteit) -> list[dict]:
    if not activiteit.contact_phone:
        return []
    return [
        {
            "id": _child_id(activiteit.uuid, "phone"),
            "service_id": str(activiteit.uuid),
            "number": activiteit.contact_phone,
            "type": "voice",
        }
    ]


def _cost_option(activiteit) -> dict:
    amount = Decimal(0) if activiteit.is_free else activiteit.cost_amount
    return _compact(
        {
            "id": _child_id(activiteit.uuid, "cost_option"),
            "service_id": str(activiteit.uuid),
            "option": "Gratis" if activiteit.is_free else "Deelname",
            "currency": "EUR",
            "amount": float(amount),
            "amount_description": activiteit.cost_description,
        }
    )


def taxonomy(vocabulaire: str) -> dict:
    label = str(Vocabulaire(vocabulaire).label)
    return {
        "id": str(taxonomy_id(vocabulaire)),
        "name": label,
        "description": f"Lijst '{label}' van de sociale kaart van Hilversum",
    }


def taxonomy_term(term) -> dict:
    return {
        "id": str(term_id(term)),
        "code": term.code,
        "name": term.label,
        "description": f"{Vocabulaire(term.vocabulaire).label}: {term.label}",
        "taxonomy": str(Vocabulaire(term.vocabulaire).label),
        "taxonomy_id": str(taxonomy_id(term.vocabulaire)),
        "taxonomy_detail": taxonomy(term.vocabulaire),
        "language": "nl",
    }


def _attributes(activiteit) -> list[dict]:
    """Target group, kind of loneliness and activity type, as attributes with their terms."""
    return [
        {
            "id": _child_id(activiteit.uuid, f"attribute:{term.vocabulaire}:{term.code}"),
            "link_id": str(activiteit.uuid),
            "link_type": term.vocabulaire,
            "link_entity": "service",
            "taxonomy_term_id": str(term_id(term)),
            "taxonomy_term": taxonomy_term(term),
        }
        for vocabulaire in ATTRIBUTE_VOCABULARIES
        for term in _terms(activiteit, vocabulaire)
    ]
