"""Demo data of the half-yearly evaluation: 2024-H2 up to 2026-H1 vastgesteld, 2026-H2 concept,
with texts, kerngroep scores and spending, so the dashboard and the PDF have something to show.

Idempotent: an evaluation that exists is left as it is (someone may have worked on it), spending
rows are found by action, date and description. Every text says it is an example. The extra
kerngroep members are accounts without a usable password: they exist to have scored, nobody
logs in with them. Vaststellen goes through the real service, so each demo evaluation has its
frozen snapshot; its PDF is made when someone asks for it.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from coalitie.models import Medewerker, Organisatie
from hilversum_eenzaamheid import roles
from pijlers.models import Actie

from . import services_evaluatie as services
from .constants import CRITERIA_FIELDS, Begrotingspost, EvaluatieStatus
from .models import Evaluatie, Uitgave
from .periods import HalfYear

# (username, organisation slug). "kerngroep" is the demo account one can log in with.
MEMBERS = [
    ("kerngroep", "versa-welzijn"),
    ("kerngroep-senver", "senver"),
    ("kerngroep-bibliotheek", "bibliotheek-hilversum"),
    ("kerngroep-present", "present-hilversum"),
    ("kerngroep-mee", "mee"),
]

E, D, S = Begrotingspost.EENZAAMHEID, Begrotingspost.DIGITAAL, Begrotingspost.SPUK
# (action title, budget line, date, amount, description)
SPENDING = [
    (
        "Campagne mentale gezondheid jongeren ‘Hey, het is oké’",
        E,
        date(2024, 5, 14),
        18_500,
        "Campagnemateriaal en social media",
    ),
    (
        "Landelijke Week tegen Eenzaamheid 2024",
        E,
        date(2024, 10, 2),
        12_000,
        "Activiteiten van partners in de Week",
    ),
    (
        "Trainen in signaleren, herkennen en bespreekbaar maken",
        E,
        date(2024, 11, 20),
        9_500,
        "Ontwikkelen van de training",
    ),
    (
        "Opstarten van een faciliteit voor jongeren met gevoelens van (sociale) eenzaamheid",
        E,
        date(2024, 9, 1),
        35_000,
        "Opstart jongerengroepen",
    ),
    (
        "Opstarten van een faciliteit voor jongeren met gevoelens van (sociale) eenzaamheid",
        S,
        date(2024, 12, 1),
        30_000,
        "Begeleiding jongerengroepen",
    ),
    ("Realiseren van meldpunt", E, date(2024, 9, 15), 22_000, "Inrichting meldpunt"),
    (
        "Versterken digitale vaardigheden senioren",
        D,
        date(2024, 11, 5),
        15_000,
        "Computercursussen senioren, eerste groepen",
    ),
    (
        "Aandacht en PR voor computer- en internettrainingen senioren",
        D,
        date(2024, 6, 10),
        6_000,
        "Folders en advertenties",
    ),
    ("Benchmark Eén tegen Eenzaamheid", S, date(2024, 8, 20), 2_500, "Deelname benchmark"),
    (
        "Inrichten lokale coalitie eenzaamheid",
        E,
        date(2024, 12, 10),
        4_000,
        "Bijeenkomsten van de coalitie",
    ),
    (
        "Trainen in signaleren, herkennen en bespreekbaar maken",
        E,
        date(2025, 3, 12),
        16_000,
        "Trainingen voor buurtteams en vrijwilligers",
    ),
    ("Realiseren van meldpunt", E, date(2025, 2, 1), 28_000, "Meldpunt: eerste half jaar"),
    (
        "Versterken digitale vaardigheden senioren",
        D,
        date(2025, 4, 8),
        21_000,
        "Computercursussen senioren",
    ),
    (
        "Opstarten van een faciliteit voor jongeren met gevoelens van (sociale) eenzaamheid",
        S,
        date(2025, 5, 1),
        35_000,
        "Jongerengroepen 2025",
    ),
    (
        "Deelname jaarlijkse Week tegen Eenzaamheid",
        E,
        date(2025, 10, 1),
        14_000,
        "Week tegen Eenzaamheid 2025 en symposium",
    ),
    ("Inzet ambassadeurs", E, date(2025, 9, 18), 6_500, "Bijeenkomst en materiaal ambassadeurs"),
    ("Realiseren van meldpunt", E, date(2025, 8, 1), 27_000, "Meldpunt: tweede half jaar"),
    (
        "Inrichten lokale coalitie eenzaamheid",
        E,
        date(2025, 11, 20),
        5_000,
        "Bijeenkomsten van de coalitie",
    ),
    (
        "Trainen in signaleren, herkennen en bespreekbaar maken",
        E,
        date(2026, 3, 4),
        12_000,
        "Trainingen voor ondernemers",
    ),
    ("Realiseren van meldpunt", E, date(2026, 2, 1), 30_000, "Meldpunt: eerste half jaar"),
    (
        "Versterken digitale vaardigheden senioren",
        D,
        date(2026, 4, 14),
        18_000,
        "Computercursussen senioren",
    ),
    (
        "Bestaande activiteiten gericht op eenzaamheidsbestrijding bundelen en ontsluiten",
        E,
        date(2026, 5, 20),
        8_000,
        "Sociale kaart: controle van het aanbod",
    ),
    (
        "Deelname jaarlijkse Week tegen Eenzaamheid",
        E,
        date(2026, 9, 30),
        15_000,
        "Week tegen Eenzaamheid 2026",
    ),
]


@dataclass(frozen=True)
class DemoEvaluatie:
    period: str
    status: str
    texts: dict
    # Per member in MEMBERS order: (resultaten, proces, samenwerking, comment); None: no score.
    scores: tuple


def _texts(focus: str, lesson: str, complete: bool = True) -> dict:
    texts = {
        "samenvatting": f"Voorbeeld: {focus} De kerngroep is tevreden over de samenwerking. "
        "Er is meer aandacht nodig voor het bereik van jongeren.",
        "relevantie": "Voorbeeld: de acties sluiten aan bij wat partners in de wijken zien. "
        "Vooral ouderen in Noordoost en Centrum vragen aandacht.",
        "uitvoering": "Voorbeeld: de meeste acties lopen volgens plan. Eén actie is later "
        "gestart dan gepland.",
        "effectiviteit": "Voorbeeld: de tussenresultaten zijn grotendeels gehaald. Het bereik "
        "van de training is lager dan het doel.",
        "efficientie": "Voorbeeld: de uitgaven blijven binnen de begroting. Veel activiteiten "
        "draaien op bestaande budgetten van partners.",
        "tevredenheid": "Voorbeeld: de kernpartners geven gemiddeld een voldoende. Inwoners "
        "noemen de koffieochtenden en de computercursus als waardevol.",
        "lessen": f"Voorbeeld: {lesson}",
    }
    if not complete:
        for field in ("effectiviteit", "efficientie", "tevredenheid", "lessen"):
            texts[field] = ""
    return texts


DEMO_EVALUATIES = [
    DemoEvaluatie(
        "2024-H2",
        EvaluatieStatus.VASTGESTELD,
        _texts(
            "het eerste half jaar stond in het teken van de start: de coalitie, het meldpunt "
            "en de campagne.",
            "we maken de doelen voor het bereik per actie concreter.",
        ),
        (
            (7, 7, 8, "Goede start."),
            (6, 7, 7, ""),
            (7, 6, 8, "Meer overleg over de planning."),
            (7, 7, 7, ""),
            (6, 6, 7, "Jongeren nog weinig bereikt."),
        ),
    ),
    DemoEvaluatie(
        "2025-H1",
        EvaluatieStatus.VASTGESTELD,
        _texts(
            "het meldpunt draait en de eerste trainingen zijn gegeven.",
            "trainingen vaker in de avond plannen, zodat vrijwilligers kunnen komen.",
        ),
        (
            (7, 8, 8, ""),
            (7, 7, 8, "De training was goed."),
            (8, 7, 8, ""),
            (7, 7, 7, ""),
            (7, 6, 8, ""),
        ),
    ),
    DemoEvaluatie(
        "2025-H2",
        EvaluatieStatus.VASTGESTELD,
        _texts(
            "de Week tegen Eenzaamheid had meer activiteiten dan vorig jaar.",
            "de sociale kaart vaker laten controleren door de aanbieders zelf.",
        ),
        (
            (8, 7, 8, "Mooie Week tegen Eenzaamheid."),
            (7, 7, 8, ""),
            (8, 8, 8, ""),
            (7, 6, 7, "Meldingen uit Zuidoost blijven laag."),
            (7, 7, 8, ""),
        ),
    ),
    DemoEvaluatie(
        "2026-H1",
        EvaluatieStatus.VASTGESTELD,
        _texts(
            "ondernemers zijn getraind in signaleren en het aantal ambassadeurs groeit.",
            "in de tussentijdse evaluatie (Q4 2026) kiezen we welke acties doorgaan.",
        ),
        (
            (8, 8, 8, ""),
            (7, 8, 8, ""),
            (8, 7, 9, "Samenwerking wordt steeds beter."),
            (7, 7, 8, ""),
            (8, 7, 8, ""),
        ),
    ),
    DemoEvaluatie(
        "2026-H2",
        EvaluatieStatus.CONCEPT,
        _texts("dit half jaar loopt nog.", "", complete=False),
        ((8, 7, 8, "Eerste indruk: goed op weg."), None, None, None, None),
    ),
]


def _members() -> list:
    """The kerngroep accounts of MEMBERS, created (without a usable password) when missing."""
    users = []
    group = Group.objects.get(name=roles.KERNGROEP)
    organisaties = {o.slug: o for o in Organisatie.objects.filter(slug__in=[m[1] for m in MEMBERS])}
    for username, slug in MEMBERS:
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            user.groups.add(group)
        if slug in organisaties and not Medewerker.objects.filter(user=user).exists():
            Medewerker.objects.create(user=user, organisatie=organisaties[slug])
        users.append(user)
    return users


def _spending(kartrekker) -> int:
    acties = {a.title: a for a in Actie.objects.filter(title__in={row[0] for row in SPENDING})}
    added = 0
    for title, post, day, amount, description in SPENDING:
        if title not in acties:
            continue
        _row, created = Uitgave.objects.get_or_create(
            actie=acties[title],
            date=day,
            description=description,
            defaults={"post": post, "amount": Decimal(amount), "created_by": kartrekker},
        )
        added += created
    return added


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _evaluatie(demo: DemoEvaluatie, members: list, kartrekker) -> bool:
    if Evaluatie.objects.filter(period=demo.period).exists():
        return False
    half_year = HalfYear.parse(demo.period)
    # Discussed about a month after the half year, the way the programme plans it (or today,
    # for a half year that has not ended).
    start = min(_moment(half_year.end.replace(day=20)), timezone.now())
    evaluatie = services.evaluatie_create(period=demo.period, now=start)
    services.evaluatie_texts_update(evaluatie=evaluatie, data=demo.texts, now=start)
    for user, score in zip(members, demo.scores, strict=False):
        if score is not None:
            resultaten, proces, samenwerking, comment = score
            services.beoordeling_save(
                evaluatie=evaluatie,
                user=user,
                resultaten=resultaten,
                proces=proces,
                samenwerking=samenwerking,
                comment=comment,
                now=start,
            )
    if demo.status == EvaluatieStatus.VASTGESTELD and all(demo.texts[f] for f in CRITERIA_FIELDS):
        for to in (EvaluatieStatus.IN_BESPREKING, EvaluatieStatus.VASTGESTELD):
            services.evaluatie_transition(
                evaluatie=evaluatie, to=to, user=kartrekker, now=start, queue_pdf=False
            )
    return True


def seed() -> int:
    """Load the demo evaluations, their scores and the spending; return how many were added."""
    kartrekker = get_user_model().objects.filter(username="kartrekker").first()
    members = _members()
    added = _spending(kartrekker)
    for demo in DEMO_EVALUATIES:
        added += _evaluatie(demo, members, kartrekker)
    return added
