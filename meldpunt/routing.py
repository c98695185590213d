"""Which wijk a melding is about, and which buurtteam picks it up.

No wijk, or an address outside Hilversum, means no team: the melding then waits in the triage
queue of the meldpunt-coördinator, who assigns it by hand.
"""

import copy
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches

from wijken.models import Wijk
from wijken.selectors import normalise_postcode, wijk_for_address

from .constants import WijkBron
from .models import Buurtteam, BuurtteamWijk

# Hilversum's own postcodes run from 1211 to 1223 (1200–1202 are PO boxes at the sorting
# office). A postcode outside this range is not an address in Hilversum.
HILVERSUM_PC4 = range(1200, 1224)


@dataclass(frozen=True)
class Plaats:
    wijk: Wijk | None
    source: str  # a WijkBron value


def wijk_determine(*, postcode: str = "", huisnummer: str = "", wijk: Wijk | None = None) -> Plaats:
    """The wijk from the address when it can be found, else the wijk the reporter chose.

    The address wins over a chosen wijk: people pick a wijk by feel, the address is a fact.
    Never raises on odd input; one query when a postcode is given, none otherwise.
    """
    pc6 = normalise_postcode(postcode)
    if pc6 is not None:
        found = wijk_for_address(pc6, huisnummer)
        if found is not None:
            return Plaats(found, WijkBron.ADRES)
    if wijk is not None:
        return Plaats(wijk, WijkBron.GEKOZEN)
    if pc6 is None:
        return Plaats(None, WijkBron.ONBEKEND)
    if int(pc6[:4]) not in HILVERSUM_PC4:
        return Plaats(None, WijkBron.BUITEN_HILVERSUM)
    return Plaats(None, WijkBron.NIET_GEVONDEN)


TEAMS_CACHE_KEY = "meldpunt:teams-per-wijk"


def buurtteam_for_wijk(wijk: Wijk | None) -> Buurtteam | None:
    """The team that covers the wijk; None (triage) without a wijk or a covering team.

    Which team covers which wijk is kept per process, as the wijken are (every melding needs
    it). Changing a team or its wijken clears it in that process (meldpunt/apps.py); other
    processes follow within LOCAL_CACHE_SECONDS.
    """
    if wijk is None:
        return None
    local = caches["local"]
    teams = local.get(TEAMS_CACHE_KEY)
    if teams is None:
        teams = {}
        for link in BuurtteamWijk.objects.select_related("buurtteam").order_by("pk"):
            teams.setdefault(link.wijk_id, link.buurtteam)
        local.set(TEAMS_CACHE_KEY, teams, settings.LOCAL_CACHE_SECONDS)
    team = teams.get(wijk.pk)
    # A copy: the cached team is shared by every request of this process.
    return copy.copy(team) if team is not None else None


def teams_forget(**kwargs) -> None:
    """Signal receiver: drop the cached teams after a team or its wijken changed."""
    caches["local"].delete(TEAMS_CACHE_KEY)
