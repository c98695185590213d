"""Fixtures of the coalition's tests: a partner with everything."""

import pytest

from coalitie.constants import Rol, Sector
from tests.coalitie.factories import (
    AanwezigheidFactory,
    AmbassadeurFactory,
    ContactpersoonFactory,
    LidmaatschapFactory,
)
from wijken.models import Wijk


@pytest.fixture
def partner(db):
    """Senver as a kerngroep partner in Zuid, with a contact, a meeting and an ambassador."""
    lid = LidmaatschapFactory(
        organisatie__name="Senver",
        role=Rol.KERNGROEP,
        sector=Sector.ZELFORGANISATIE,
        signalling=True,
        commitment="Huisbezoek bij de oudste leden.",
    )
    lid.organisatie.wijken.add(Wijk.objects.get(slug="zuid"))
    ContactpersoonFactory(
        organisatie=lid.organisatie,
        name="Henk Visser",
        function="Coördinator",
        email="henk@example.org",
        phone="035 765 43 21",
    )
    AanwezigheidFactory(
        organisatie=lid.organisatie, name="Henk Visser", bijeenkomst__title="Voorjaarsoverleg"
    )
    AmbassadeurFactory(organisatie=lid.organisatie, name="Ria Ambassadeur", trained=True)
    return lid
