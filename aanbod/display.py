"""How activities read to residents: schedules in words, dates, ages, addresses, map links.

Shared by the detail page, the iCalendar download and the printed wijk folder, so that the
three say the same thing in the same words.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time
from urllib.parse import urlencode

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .constants import Herhaling, Vocabulaire, Weekdag, WeekVanDeMaand
from .filters import term_label

# Headings of the term groups on the detail page, in the order residents look for them.
TERM_GROUPS = [
    (Vocabulaire.DOELGROEP, gettext_lazy("Voor wie")),
    (Vocabulaire.SOORT, gettext_lazy("Helpt bij")),
    (Vocabulaire.TYPE, gettext_lazy("Soort activiteit")),
    (Vocabulaire.TAAL, gettext_lazy("Talen")),
    (Vocabulaire.VORM, gettext_lazy("Vorm")),
]

ACCESSIBILITY = [
    ("rolstoel", gettext_lazy("Rolstoeltoegankelijk")),
    ("invalidentoilet", gettext_lazy("Invalidentoilet")),
    ("ringleiding", gettext_lazy("Ringleiding")),
    ("prikkelarm", gettext_lazy("Prikkelarm")),
]


def long_date(day: date, *, year: bool = True) -> str:
    """ "29 juni 2027" (or "29 juni"), in the active language."""
    return date_format(day, "j F Y" if year else "j F")


def clock(value: time) -> str:
    return value.strftime("%H:%M")


def join_words(words: list[str]) -> str:
    """ "maandag", "maandag en donderdag", "maandag, woensdag en vrijdag"."""
    if len(words) <= 1:
        return "".join(words)
    return _("%(first)s en %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def rooster_days(rooster) -> list[int]:
    """Weekdays (0 = Monday) a schedule meets on; a single date or month rule meets on one."""
    if rooster.herhaling == Herhaling.EENMALIG:
        return [rooster.start_date.weekday()]
    days = rooster.weekdays or [rooster.start_date.weekday()]
    if rooster.herhaling == Herhaling.MAANDELIJKS:
        return days[:1]
    return days


def rooster_last_date(rooster) -> date | None:
    if rooster.herhaling == Herhaling.EENMALIG:
        return rooster.end_date or rooster.start_date
    return rooster.end_date


def rooster_is_current(rooster, today: date) -> bool:
    """False once a schedule's last date has passed; such schedules are history."""
    last = rooster_last_date(rooster)
    return last is None or last >= today


def time_range(rooster) -> str:
    if rooster.end_time:
        return f"{clock(rooster.start_time)}–{clock(rooster.end_time)}"
    return _("om %(time)s") % {"time": clock(rooster.start_time)}


def rooster_pattern(rooster) -> str:
    """The rule without its times: "Elke dinsdag", "Elke laatste vrijdag van de maand"."""
    day_names = [str(Weekdag(d).label) for d in rooster_days(rooster)]
    if rooster.herhaling == Herhaling.EENMALIG:
        return _("Op %(date)s") % {"date": long_date(rooster.start_date)}
    if rooster.herhaling == Herhaling.MAANDELIJKS:
        position = WeekVanDeMaand(rooster.week_van_de_maand or 1).label
        return _("Elke %(position)s %(day)s van de maand") % {
            "position": position,
            "day": day_names[0],
        }
    if rooster.herhaling == Herhaling.TWEEWEKELIJKS:
        return _("Om de week op %(days)s") % {"days": join_words(day_names)}
    if len(day_names) == 7:
        return _("Elke dag")
    return _("Elke %(days)s") % {"days": join_words(day_names)}


def rooster_in_words(rooster) -> str:
    """ "Elke dinsdag 14:00–16:00", "Om de week op maandag en donderdag om 10:00"."""
    return f"{rooster_pattern(rooster)} {time_range(rooster)}"


def rooster_period(rooster, today: date) -> str:
    """When a recurring schedule starts or stops, if that is worth saying; else ""."""
    if rooster.herhaling == Herhaling.EENMALIG:
        return ""
    starts_later = rooster.start_date > today
    if starts_later and rooster.end_date:
        return _("Van %(start)s tot en met %(end)s") % {
            "start": long_date(rooster.start_date),
            "end": long_date(rooster.end_date),
        }
    if starts_later:
        return _("Vanaf %(start)s") % {"start": long_date(rooster.start_date)}
    if rooster.end_date:
        return _("Tot en met %(end)s") % {"end": long_date(rooster.end_date)}
    return ""


def uitzondering_in_words(uitzondering) -> str:
    """ "Zomerstop 10 juli tot en met 20 augustus 2026", "Niet op 5 mei 2026"."""
    start, end, reason = uitzondering.start_date, uitzondering.end_date, uitzondering.reason
    if start == end:
        if reason:
            return _("%(reason)s: niet op %(date)s") % {"reason": reason, "date": long_date(start)}
        return _("Niet op %(date)s") % {"date": long_date(start)}
    values = {
        "reason": reason,
        "start": long_date(start, year=start.year != end.year),
        "end": long_date(end),
    }
    if reason:
        return _("%(reason)s %(start)s tot en met %(end)s") % values
    return _("Niet van %(start)s tot en met %(end)s") % values


def coming_exceptions(rooster, today: date) -> list[str]:
    """The exceptions that have not ended yet, in words (uses prefetched rows)."""
    return [
        uitzondering_in_words(u)
        for u in sorted(rooster.uitzonderingen.all(), key=lambda u: u.start_date)
        if u.end_date >= today
    ]


def age_in_words(min_age: int | None, max_age: int | None) -> str:
    if min_age is not None and max_age is not None:
        return _("%(min)s tot en met %(max)s jaar") % {"min": min_age, "max": max_age}
    if min_age is not None:
        return _("Vanaf %(min)s jaar") % {"min": min_age}
    if max_age is not None:
        return _("Tot en met %(max)s jaar") % {"max": max_age}
    return ""


def address_line(locatie) -> str:
    """ "Kerkstraat 1, 1211 AB Hilversum", or "" when there is no street address."""
    if not locatie.street_address:
        return ""
    place = " ".join(p for p in [locatie.postcode, locatie.city] if p)
    return ", ".join(p for p in [locatie.street_address, place] if p)


def osm_url(locatie) -> str:
    """A link to the place on OpenStreetMap: a pin when coordinates are known, else a search."""
    if locatie.latitude is not None and locatie.longitude is not None:
        lat, lon = locatie.latitude, locatie.longitude
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
    address = address_line(locatie)
    if not address:
        return ""
    return "https://www.openstreetmap.org/search?" + urlencode({"query": address})


def accessibility(locatie) -> list[str]:
    return [str(label) for name, label in ACCESSIBILITY if getattr(locatie, name)]


@dataclass
class TermGroup:
    label: str
    terms: list[str] = field(default_factory=list)  # translated labels


def term_groups(terms: Iterable) -> list[TermGroup]:
    """Terms grouped by vocabulary in TERM_GROUPS order; empty groups left out."""
    groups = {code: TermGroup(label=str(label)) for code, label in TERM_GROUPS}
    for term in sorted(terms, key=lambda t: (t.position, t.label)):
        if term.vocabulaire in groups:
            groups[term.vocabulaire].terms.append(term_label(term))
    return [group for group in groups.values() if group.terms]


def tel_href(phone: str) -> str:
    """ "035 123 45 67" → "tel:0351234567", for a link that phones can dial."""
    digits = "".join(c for c in phone if c.isdigit() or c == "+")
    return f"tel:{digits}" if digits else ""
