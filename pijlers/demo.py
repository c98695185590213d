"""Demo data of the pijlers app: progress on the programme's actions, reach targets, stories
and agenda examples, so the boards and the timeline show something to look at.

`seed()` is idempotent: it only touches actions nobody has worked on yet (status gepland and
no progress logged) and creates the other rows when missing. Every demo text says it is an
example ("Voorbeeld" or "(voorbeeld)"); the pillars, actions and campaign periods themselves
come from the data migrations.
"""

from dataclasses import dataclass
from datetime import date, time, timedelta

from django.db import transaction
from django.utils import timezone

from wijken.models import Wijk

from . import services
from .constants import AgendaSoort, Status
from .models import Actie, AgendaItem, Telling, Verhaal, Voortgang


@dataclass(frozen=True)
class DemoVoortgang:
    actie: str  # title of the action
    status: str
    updates: tuple[tuple[date, str], ...] = ()


# Leaves "Communicatietoolkit voor partners" as gepland and "Versterken digitale vaardigheden
# senioren" as lopend: both are past their end quarter, so the board shows them as vertraagd.
DEMO_VOORTGANG = [
    DemoVoortgang(
        "Opstellen en uitvoeren communicatieplan",
        Status.LOPEND,
        (
            (date(2024, 3, 28), "Voorbeeld: het communicatieplan 2024–2026 is vastgesteld."),
            (date(2025, 2, 10), "Voorbeeld: jaarlijkse update besproken met de kerngroep."),
        ),
    ),
    DemoVoortgang("Participatie van maatschappelijke partners", Status.GEREED),
    DemoVoortgang("Doelgroepaanpak jongeren", Status.GEREED),
    DemoVoortgang("Campagne mentale gezondheid jongeren ‘Hey, het is oké’", Status.GEREED),
    DemoVoortgang("Aandacht en PR voor computer- en internettrainingen senioren", Status.GEREED),
    DemoVoortgang("Actie zomer eenzaamheid", Status.GEREED),
    DemoVoortgang("Landelijke Week tegen Eenzaamheid 2024", Status.GEREED),
    DemoVoortgang("Eenzaamheid rond de kerstdagen", Status.GEREED),
    DemoVoortgang(
        "Deelname jaarlijkse Week tegen Eenzaamheid",
        Status.LOPEND,
        ((date(2026, 10, 8), "Voorbeeld: 31 activiteiten van partners in de Week 2026."),),
    ),
    DemoVoortgang("Inzet ambassadeurs", Status.LOPEND),
    DemoVoortgang("Eenzaamheid blijft een actueel onderwerp", Status.LOPEND),
    DemoVoortgang(
        "Trainen in signaleren, herkennen en bespreekbaar maken",
        Status.LOPEND,
        (
            (date(2024, 9, 20), "Voorbeeld: trainingsaanbod gekozen samen met de kerngroep."),
            (date(2025, 11, 14), "Voorbeeld: vierde training gegeven aan buurtteams."),
        ),
    ),
    DemoVoortgang(
        "Realiseren van meldpunt",
        Status.LOPEND,
        ((date(2025, 4, 1), "Voorbeeld: het meldpunt is ondergebracht bij de buurtteams."),),
    ),
    DemoVoortgang(
        "Opstarten van een faciliteit voor jongeren met gevoelens van (sociale) eenzaamheid",
        Status.GEREED,
    ),
    DemoVoortgang(
        "Versterken digitale vaardigheden senioren",
        Status.LOPEND,
        ((date(2025, 3, 3), "Voorbeeld: de eerste groep start later dan gepland."),),
    ),
    DemoVoortgang(
        "Bestaande activiteiten gericht op eenzaamheidsbestrijding bundelen en ontsluiten",
        Status.LOPEND,
    ),
    DemoVoortgang("Bestaande en toekomstige subsidieregelingen een impuls geven", Status.LOPEND),
    DemoVoortgang("Kennis over effectieve methoden verspreiden", Status.LOPEND),
    DemoVoortgang("Monitoringsstrategie opzetten en uitvoeren", Status.LOPEND),
    DemoVoortgang("Halfjaarlijkse evaluatie met Kernteam", Status.LOPEND),
    DemoVoortgang("Benchmark Eén tegen Eenzaamheid", Status.GEREED),
    DemoVoortgang("Inrichten lokale coalitie eenzaamheid", Status.LOPEND),
    DemoVoortgang("Kennisdeling over aanbod", Status.LOPEND),
    DemoVoortgang("Aanstellen van een kartrekker eenzaamheid", Status.GEREED),
    DemoVoortgang(
        "Verspreiding van informatie via lokale coalitie en op locaties waar doelgroep komt",
        Status.LOPEND,
    ),
]

# (action title, metric, target, achieved, unit, period)
DEMO_TELLINGEN = [
    (
        "Trainen in signaleren, herkennen en bespreekbaar maken",
        "Deelnemers aan de training (voorbeeld)",
        120,
        86,
        "deelnemers",
        "2025–2026",
    ),
    ("Inzet ambassadeurs", "Ambassadeurs (voorbeeld)", 40, 23, "ambassadeurs", "2026"),
    ("Realiseren van meldpunt", "Meldingen (voorbeeld)", 60, 41, "meldingen", "2026"),
    (
        "Bestaande activiteiten gericht op eenzaamheidsbestrijding bundelen en ontsluiten",
        "Bezoekers van de sociale kaart (voorbeeld)",
        6000,
        4350,
        "bezoekers",
        "2026",
    ),
]

# (title, text, action title, wijk slug, consent)
DEMO_VERHALEN = [
    (
        "Weer een reden om de deur uit te gaan (voorbeeld)",
        "Voorbeeld: na de dood van mijn vrouw kwam ik bijna niet meer buiten. Mijn dochter "
        "vond de koffieochtend in het wijkcentrum. Nu ga ik elke dinsdag. We praten, we lachen, "
        "en als ik er niet ben, bellen ze me.",
        "Bestaande activiteiten gericht op eenzaamheidsbestrijding bundelen en ontsluiten",
        "noordoost",
        True,
    ),
    (
        "Videobellen met mijn kleinkinderen (voorbeeld)",
        "Voorbeeld: in de computercursus leerde ik videobellen. Nu zie ik mijn kleinkinderen "
        "elke week, ook al wonen ze ver weg. En in de cursus heb ik een nieuwe vriendin "
        "gevonden.",
        "Versterken digitale vaardigheden senioren",
        "zuid",
        True,
    ),
    (
        "Een jongere die weer durfde (voorbeeld)",
        "Voorbeeld: ik had geen vrienden op mijn nieuwe school. In de groep leerde ik hoe je "
        "een gesprek begint. Nu ga ik met twee jongens uit de groep naar de sportschool.",
        "Opstarten van een faciliteit voor jongeren met gevoelens van (sociale) eenzaamheid",
        "centrum",
        True,
    ),
    (
        "Intern: gesprek met een buurtbewoner (voorbeeld)",
        "Voorbeeld: dit verhaal is zonder toestemming voor publicatie. Het staat alleen in de "
        "werkruimte.",
        "Realiseren van meldpunt",
        "oost",
        False,
    ),
]


def _next(day_month: tuple[int, int], today: date) -> date:
    candidate = date(today.year, *day_month)
    return candidate if candidate >= today else date(today.year + 1, *day_month)


def _demo_agenda(today: date) -> list[dict]:
    symposium = _next((9, 30), today)
    festival = _next((6, 29), today)
    meeting = today + timedelta(days=60)
    meeting += timedelta(days=(3 - meeting.weekday()) % 7)  # a Thursday
    return [
        {
            "title": f"Symposium eenzaamheid {symposium.year} (voorbeeld)",
            "kind": AgendaSoort.SYMPOSIUM,
            "start_date": symposium,
            "start_time": time(13, 30),
            "end_time": time(17, 0),
            "place": "Hilversum (plaats volgt)",
            "description": "Voorbeeld: een middag over wat werkt tegen eenzaamheid, met een "
            "ervaringsdeskundige. Onderdeel van de Week tegen Eenzaamheid.",
        },
        {
            "title": "Bijeenkomst lokale coalitie, open voor iedereen (voorbeeld)",
            "kind": AgendaSoort.BIJEENKOMST,
            "start_date": meeting,
            "start_time": time(19, 30),
            "end_time": time(21, 30),
            "place": "Bibliotheek Hilversum",
            "description": "Voorbeeld: partners vertellen over hun aanbod. Inwoners zijn "
            "welkom om mee te praten.",
        },
        {
            "title": f"Uit de Schaduw Festival {festival.year} (voorbeeld)",
            "kind": AgendaSoort.ACTIVITEIT,
            "start_date": festival,
            "place": "Buitenplaats De Hoorneboeg",
            "description": "Voorbeeld: een dag over mentale gezondheid voor jongeren, met "
            "workshops, sprekers en muziek.",
        },
    ]


def _seed_acties(acties: dict[str, Actie]) -> int:
    changed = 0
    worked_on = set(Voortgang.objects.values_list("actie_id", flat=True))
    for demo in DEMO_VOORTGANG:
        actie = acties.get(demo.actie)
        if actie is None or actie.status != Status.GEPLAND or actie.pk in worked_on:
            continue
        actie.status = demo.status
        actie.save(update_fields=["status", "updated_at"])
        for day, text in demo.updates:
            Voortgang.objects.create(actie=actie, date=day, text=text)
        changed += 1
    return changed


def _seed_rest(acties: dict[str, Actie], today: date) -> int:
    changed = 0
    for title, metric, target, achieved, unit, period in DEMO_TELLINGEN:
        if title in acties:
            _row, created = Telling.objects.get_or_create(
                actie=acties[title],
                metric=metric,
                defaults={"target": target, "achieved": achieved, "unit": unit, "period": period},
            )
            changed += created
    wijken = {w.slug: w for w in Wijk.objects.all()}
    for title, text, actie_title, wijk_slug, consent in DEMO_VERHALEN:
        _row, created = Verhaal.objects.get_or_create(
            title=title,
            defaults={
                "text": text,
                "actie": acties.get(actie_title),
                "wijk": wijken.get(wijk_slug),
                "consent": consent,
            },
        )
        changed += created
    for item in _demo_agenda(today):
        _row, created = AgendaItem.objects.get_or_create(title=item["title"], defaults=item)
        changed += created
    return changed


@transaction.atomic
def seed() -> int:
    """Load the demo progress, targets, stories and agenda items; return how many changed."""
    today = timezone.localdate()
    changed = services.acties_link_trekkers()
    acties = {actie.title: actie for actie in Actie.objects.all()}
    changed += _seed_acties(acties)
    changed += _seed_rest(acties, today)
    return changed
