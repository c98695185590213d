"""Fixtures of the meldpunt tests: an address table and form data that passes."""

import time

import pytest

from meldpunt.forms import started_token
from meldpunt.models import Buurtteam
from wijken.models import Postcode, Wijk

# Made-up addresses: postcode → wijk slug (the test database has no CBS import).
ADDRESSES = {
    "1223AB": "noordoost",
    "1211AA": "centrum",
    "1216BB": "zuid",
    "1218CC": "hilversumse-meent",
    "1219DD": "landelijk-gebied",
}


@pytest.fixture
def postcodes(db):
    """Whole-postcode rows for ADDRESSES, so wijk_for_address finds them."""
    wijken = {w.slug: w for w in Wijk.objects.all()}
    return [
        Postcode.objects.create(postcode=pc, wijk=wijken[slug]) for pc, slug in ADDRESSES.items()
    ]


@pytest.fixture
def teams(db):
    """The buurtteams the data migration made, by slug."""
    return {team.slug: team for team in Buurtteam.objects.all()}


def form_data(**overrides) -> dict:
    """A melding about someone else, in Noordoost, that the public form accepts."""
    data = {
        "about": "ander",
        "reporter_role": "bewoner",
        "urgent": "nee",
        "postcode": "1223 ab",
        "huisnummer": "12",
        "street": "",
        "wijk": "",
        "signals": ["weinig-contact", "trekt-zich-terug"],
        "text": "Mijn buurman komt sinds de zomer bijna niet meer buiten.",
        "person_knows": "nee",
        "person_name": "",
        "person_phone": "",
        "person_email": "",
        "reporter_name": "",
        "reporter_phone": "",
        "reporter_email": "",
        "consent": "on",
        "website": "",
        "started": started_token(time.time() - 60),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
