"""Helpers shared by the case-workflow tests (no tests here): meldingen, team members, steps."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hilversum_eenzaamheid import roles
from meldpunt.constants import Bekend, ContactKanaal, MelderRol, Status, VerwijzingSoort
from meldpunt.models import Buurtteam, ContactPoging, StatusWijziging, Verwijzing
from meldpunt.services import Contact, melding_create
from tests.factories import UserFactory
from wijken.models import Wijk

NOW = timezone.make_aware(timezone.datetime(2025, 3, 12, 10, 0))


def new_melding(*, wijk: str | None = "noordoost", now=NOW, urgent=False, **overrides):
    """A melding about a neighbour; with wijk=None it waits in triage."""
    values = {
        "about_self": False,
        "urgent": urgent,
        "consent": True,
        "reporter_role": MelderRol.BEWONER,
        "person_knows": Bekend.NEE,
        "signals": ["weinig-contact"],
        "text": "Mijn buurman komt niet meer buiten.",
        "wijk": Wijk.objects.get(slug=wijk) if wijk else None,
        "person": Contact(name="Jan Jansen", phone="0351234567"),
        "reporter": Contact(name="Piet Buur", email="piet@example.org"),
        "now": now,
    }
    values.update(overrides)
    return melding_create(**values)


def member_of(slug: str, **kwargs):
    """A user with the buurtteam role in the team with this slug."""
    user = UserFactory(roles=[roles.BUURTTEAM], **kwargs)
    Buurtteam.objects.get(slug=slug).members.add(user)
    return user


def force_status(melding, status: str, *, user=None, attempts=0, referral=False):
    """Put a melding in `status` directly (a test shortcut, with the history row it would get)."""
    for _ in range(attempts):
        ContactPoging.objects.create(
            melding=melding, user=user, channel=ContactKanaal.TELEFOON, reached=False
        )
    if referral:
        Verwijzing.objects.create(melding=melding, kind=VerwijzingSoort.HUISARTS)
    StatusWijziging.objects.create(
        melding=melding,
        user=user,
        at=NOW + timedelta(hours=1),
        from_status=melding.status,
        to_status=status,
    )
    melding.status = status
    if status == Status.AFGESLOTEN:
        melding.outcome = "onterecht"
    melding.save()
    return melding


@pytest.fixture
def member(db):
    return member_of("noordoost", username="lid-noordoost")


@pytest.fixture
def melding(db):
    return new_melding()
