"""Which route of the URLconf a page address of pijlers.toegankelijkheid.PAGES is."""

from urllib.parse import urlsplit

from django.urls import resolve
from django.utils import translation

ENGLISH_PREFIX = "/en/"


def route_of(address: str) -> str:
    """The route (as ResolverMatch.route gives it) of an address, English ones included:
    /en/meldpunt/ is the route of /meldpunt/, as the English site uses the same patterns."""
    path = urlsplit(address).path
    if path.startswith(ENGLISH_PREFIX):
        path = path.removeprefix("/en")
    with translation.override("nl"):
        return resolve(path).route
