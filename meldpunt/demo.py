"""Demo data of the meldpunt: one account per buurtteam and a few made-up meldingen.

`seed()` is idempotent: it creates what is missing and leaves existing rows alone. The demo
meldingen are written directly (not through melding_create), so seeding sends no e-mail.
Every person in them is invented.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from hilversum_eenzaamheid import roles
from hilversum_eenzaamheid.demo import DemoUser, ensure_user
from wijken.models import Wijk

from .constants import Bekend, Bron, MelderRol, Signaal, Status, Uitkomst, WijkBron
from .deadlines import first_contact_due
from .models import Betrokkene, Buurtteam, Melder, Melding, MeldingSignaal, StatusWijziging

S = Status


@dataclass(frozen=True)
class DemoMelding:
    reference: str
    days_ago: int
    wijk: str | None  # wijk slug; None: in triage
    path: tuple[str, ...]  # statuses after NIEUW, in order
    role: str
    signals: tuple[str, ...]
    text: str
    person: tuple[str, str] = ("", "")  # name, phone
    urgent: bool = False
    outcome: str = ""


DEMO_MELDINGEN = [
    DemoMelding(
        "HV-DEMX-AAA2",
        1,
        "noordoost",
        (),
        MelderRol.BEWONER,
        (Signaal.WEINIG_CONTACT, Signaal.TREKT_ZICH_TERUG),
        "Voorbeeld: mijn buurvrouw komt sinds de zomer bijna niet meer buiten. Vroeger "
        "maakten we vaak een praatje, nu doet ze de deur niet meer open.",
    ),
    DemoMelding(
        "HV-DEMX-AAA3",
        2,
        None,
        (),
        MelderRol.FAMILIE,
        (Signaal.VERLIES, Signaal.SOMBER),
        "Voorbeeld: mijn oom is in het voorjaar weduwnaar geworden. Ik woon ver weg en weet "
        "niet goed in welke wijk hij woont.",
        ("Oom Jan (voorbeeld)", "0350000002"),
    ),
    DemoMelding(
        "HV-DEMX-AAA4",
        0,
        "centrum",
        (),
        MelderRol.PROFESSIONAL,
        (Signaal.SOMBER, Signaal.ZELFZORG),
        "Voorbeeld: cliënt zegt dat het leven geen zin meer heeft. Graag vandaag contact.",
        ("Mevrouw Bakker (voorbeeld)", "0350000003"),
        urgent=True,
    ),
    DemoMelding(
        "HV-DEMX-AAA5",
        3,
        "zuid",
        (S.OPGEPAKT,),
        MelderRol.VERWIJZER,
        (Signaal.GEZONDHEID, Signaal.WEINIG_CONTACT),
        "Voorbeeld: patiënt komt vaak op het spreekuur zonder medische vraag.",
        ("Meneer Jansen (voorbeeld)", "0350000004"),
    ),
    DemoMelding(
        "HV-DEMX-AAA6",
        6,
        "hilversumse-meent",
        (S.OPGEPAKT, S.CONTACT_GELEGD),
        MelderRol.ZELF,
        (Signaal.VERHUIZING, Signaal.WEINIG_CONTACT),
        "Voorbeeld: ik woon hier sinds kort en ken nog niemand in de buurt.",
        ("Sanne (voorbeeld)", "0350000005"),
    ),
    DemoMelding(
        "HV-DEMX-AAA7",
        9,
        "zuidwest",
        (S.OPGEPAKT, S.NIET_BEREIKT),
        MelderRol.ONDERNEMER,
        (Signaal.TREKT_ZICH_TERUG,),
        "Voorbeeld: een vaste klant van de bakkerij komt al weken niet meer.",
    ),
    DemoMelding(
        "HV-DEMX-AAA8",
        12,
        "noordwest",
        (S.OPGEPAKT, S.CONTACT_GELEGD, S.DOORVERWEZEN),
        MelderRol.BEWONER,
        (Signaal.MANTELZORG,),
        "Voorbeeld: de buurman zorgt al jaren voor zijn vrouw en komt zelf nergens meer.",
        ("Meneer Smit (voorbeeld)", "0350000008"),
    ),
    DemoMelding(
        "HV-DEMX-AAA9",
        25,
        "oost",
        (S.OPGEPAKT, S.CONTACT_GELEGD, S.DOORVERWEZEN, S.AFGESLOTEN),
        MelderRol.FAMILIE,
        (Signaal.WEINIG_CONTACT,),
        "Voorbeeld: mijn moeder zou graag vaker onder de mensen zijn.",
        ("Mevrouw Visser (voorbeeld)", "0350000009"),
        outcome=Uitkomst.NAAR_AANBOD,
    ),
]


def demo_usernames() -> list[str]:
    """The buurtteam demo accounts, for seed_demo's list of logins."""
    return [
        f"buurtteam-{slug}"
        for slug in Buurtteam.objects.order_by("slug").values_list("slug", flat=True)
    ]


def _team_users() -> int:
    changed = 0
    for team in Buurtteam.objects.order_by("slug"):
        demo = DemoUser(f"buurtteam-{team.slug}", roles.BUURTTEAM, team.name)
        changed += ensure_user(demo, settings.DEMO_PASSWORD)
        user = get_user_model().objects.get(username=demo.username)
        if not team.members.filter(pk=user.pk).exists():
            team.members.add(user)
            changed += 1
    return changed


def _history(melding: Melding, demo: DemoMelding, created: datetime, teams: dict) -> None:
    user = teams.get(demo.wijk)
    StatusWijziging.objects.create(melding=melding, at=created, to_status=S.NIEUW)
    previous = S.NIEUW
    for step, status in enumerate(demo.path, start=1):
        at = created + timedelta(hours=6 * step)
        StatusWijziging.objects.create(
            melding=melding, user=user, at=at, from_status=previous, to_status=status
        )
        if status == S.CONTACT_GELEGD:
            melding.first_contact_at = at
        if status == S.AFGESLOTEN:
            melding.closed_at = at
        previous = status
    melding.save(update_fields=["first_contact_at", "closed_at"])


def _melding(demo: DemoMelding, *, now: datetime, wijken: dict, teams: dict) -> bool:
    if Melding.objects.filter(reference=demo.reference).exists():
        return False
    created = now - timedelta(days=demo.days_ago, hours=2)
    wijk = wijken.get(demo.wijk)
    team = Buurtteam.objects.filter(wijken=wijk).first() if wijk else None
    melding = Melding(
        reference=demo.reference,
        about_self=demo.role == MelderRol.ZELF,
        wijk=wijk,
        wijk_source=WijkBron.GEKOZEN if wijk else WijkBron.ONBEKEND,
        buurtteam=team,
        status=demo.path[-1] if demo.path else S.NIEUW,
        urgent=demo.urgent,
        text=demo.text,
        person_knows=Bekend.JA if demo.role == MelderRol.ZELF else Bekend.WEET_NIET,
        consent_at=created,
        source=Bron.WEB,
        created_at=created,
        first_contact_due=first_contact_due(created, urgent=demo.urgent),
        outcome=demo.outcome,
    )
    melding.save()
    Melder.objects.create(melding=melding, role=demo.role)
    name, phone = demo.person
    Betrokkene.objects.create(melding=melding, name=name, phone=phone)
    MeldingSignaal.objects.bulk_create(
        MeldingSignaal(melding=melding, code=code) for code in demo.signals
    )
    _history(melding, demo, created, teams)
    return True


@transaction.atomic
def seed(*, now: datetime | None = None) -> int:
    """Create the buurtteam demo accounts and the demo meldingen; return how many changed."""
    now = now or timezone.now()
    changed = _team_users()
    wijken = {w.slug: w for w in Wijk.objects.all()}
    # The member who "worked" each demo melding, by wijk slug.
    teams = {
        wijk.slug: team.members.order_by("pk").first()
        for team in Buurtteam.objects.prefetch_related("wijken")
        for wijk in team.wijken.all()
    }
    for demo in DEMO_MELDINGEN:
        changed += _melding(demo, now=now, wijken=wijken, teams=teams)
    return changed
