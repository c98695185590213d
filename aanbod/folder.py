"""The printable wijk folder: an A4 PDF of the aanbod in one wijk, for people without internet.

The HTML is made first (`folder_html`); its SHA-256 is the cache key of the PDF, so the costly
WeasyPrint run happens only when something the folder shows has changed: an activity, a time,
an exception, a location, or a schedule that has run out.

WeasyPrint runs in a Celery task with a time limit (`aanbod.tasks.render_folder`), not in the
web process: a wijk with a thousand activities takes seconds, and a web worker must not be held
longer than its timeout. The request waits a short while for the task (`folder_get`); the
nightly `render_folders` makes sure that is rarely needed.
"""

import contextlib
import hashlib
import logging
import time as clock
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import time
from urllib.parse import urljoin

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from hilversum_eenzaamheid.pdf import html_document

from .constants import Weekdag
from .display import (
    address_line,
    coming_exceptions,
    rooster_days,
    rooster_in_words,
    rooster_is_current,
    rooster_period,
)
from .schedules import AMSTERDAM
from .selectors_public import folder_activiteiten

logger = logging.getLogger(__name__)

CACHE_SECONDS = 60 * 60 * 24 * 30
CACHE_PREFIX = "aanbod:folder:v1"
# While a task renders a folder, other requests for it wait instead of queuing it again; the
# mark expires by itself when the worker died.
BUSY_SECONDS = 3 * 60
# How long a request waits for the task: well inside gunicorn's 30-second timeout.
WAIT_SECONDS = 15.0
POLL_SECONDS = 0.2
# The cache or the broker is down: no worker's PDF can reach the request, so it renders itself.
UNREACHABLE = object()
# Relative URLs in the folder resolve against this made-up origin; nothing else is fetched.
PDF_BASE_URL = "https://folder.invalid/"
EVERY_DAY = -1  # groups sort before Monday (0) …
NO_FIXED_DAY = 7  # … and after Sunday (6)


@dataclass
class FolderRooster:
    text: str
    period: str
    place: str
    exceptions: list[str]
    note: str


@dataclass
class FolderEntry:
    activiteit: object
    roosters: list[FolderRooster] = field(default_factory=list)
    first_time: time | None = None

    def add(self, rooster, today) -> None:
        self.roosters.append(_folder_rooster(rooster, today))
        if self.first_time is None or rooster.start_time < self.first_time:
            self.first_time = rooster.start_time

    @property
    def sort_key(self) -> tuple:
        return (self.first_time or time.min, self.activiteit.name)


@dataclass
class DayGroup:
    number: int
    label: str
    entries: list[FolderEntry]


def _place(rooster) -> str:
    if rooster.locatie is None:
        return ""
    return ", ".join(p for p in [rooster.locatie.name, address_line(rooster.locatie)] if p)


def _folder_rooster(rooster, today) -> FolderRooster:
    return FolderRooster(
        text=rooster_in_words(rooster),
        period=rooster_period(rooster, today),
        place=_place(rooster),
        exceptions=coming_exceptions(rooster, today),
        note=rooster.note,
    )


def folder_groups(activiteiten, *, today) -> list[DayGroup]:
    """Activities per weekday (Monday first), then those without a fixed day; empty days out.

    Those that meet every day come first, in a group of their own.
    An activity on Tuesday and Thursday is listed under both days, with the times of that day.
    One whose schedules have all run out is left out: printed, it would send people to nothing.
    """
    by_day: dict[int, dict[int, FolderEntry]] = defaultdict(dict)
    for activiteit in activiteiten:
        every = list(activiteit.roosters.all())
        roosters = [r for r in every if rooster_is_current(r, today)]
        if not every:  # by appointment: a buddy, a home visit, a phone line
            by_day[NO_FIXED_DAY][activiteit.pk] = FolderEntry(activiteit)
        for rooster in roosters:
            for day in _folder_days(rooster):
                by_day[day].setdefault(activiteit.pk, FolderEntry(activiteit)).add(rooster, today)
    return [
        DayGroup(
            number=number,
            label=_day_label(number),
            entries=sorted(by_day[number].values(), key=lambda e: e.sort_key),
        )
        for number in sorted(by_day)
    ]


def _folder_days(rooster) -> list[int]:
    days = rooster_days(rooster)
    # Seven times the same phone line would push everything else off the page.
    return [EVERY_DAY] if len(days) == 7 else days


def _day_label(number: int) -> str:
    if number == EVERY_DAY:
        return str(_("Elke dag"))
    if number == NO_FIXED_DAY:
        return str(_("Op afspraak of wisselende dagen"))
    return str(Weekdag(number).label).capitalize()


def folder_html(wijk, *, now=None, language: str = "nl") -> str:
    """The HTML that becomes the folder of a wijk, in `language` (Dutch unless asked).

    Links in it use SITE_URL, never the address a visitor happened to use: the PDF is cached
    and served to everyone.
    """
    now = now or timezone.now()
    today = now.astimezone(AMSTERDAM).date()
    activiteiten = list(folder_activiteiten(wijk=wijk, now=now))
    changed = [a.modified_at for a in activiteiten] + [a.assured_at for a in activiteiten]
    updated = max((c for c in changed if c), default=now).astimezone(AMSTERDAM).date()
    with translation.override(language):
        return render_to_string(
            "aanbod/folder.html",
            {
                "wijk": wijk,
                "groups": folder_groups(activiteiten, today=today),
                "updated": updated,
                "site_url": settings.SITE_URL.rstrip("/"),
                "stylesheet": urljoin(settings.STATIC_URL, "aanbod/folder.css"),
            },
        )


def render_document(html: str):
    """Lay out the folder with WeasyPrint."""
    return html_document(html, PDF_BASE_URL).render()


def render_pdf(html: str) -> bytes:
    """The folder as a tagged PDF/UA-1 file, so screen readers can read it too."""
    return render_document(html).write_pdf(pdf_variant="pdf/ua-1")


def folder_key(html: str) -> str:
    return f"{CACHE_PREFIX}:{hashlib.sha256(html.encode()).hexdigest()}"


def _cache_get(key: str):
    """The cached PDF, None, or UNREACHABLE when the cache does not answer."""
    try:
        return cache.get(key)
    except Exception:  # a cache that is down must not cost residents their folder
        logger.warning("Folder cache unavailable", exc_info=True)
        return UNREACHABLE


def folder_store(html: str) -> bytes:
    """Render the folder of this HTML and keep it in the cache (the task's work)."""
    key = folder_key(html)
    pdf = render_pdf(html)
    try:
        cache.set(key, pdf, CACHE_SECONDS)
        cache.delete(f"{key}:busy")
    except Exception:
        logger.warning("Folder cache unavailable", exc_info=True)
    return pdf


def _queued(html: str, key: str) -> bool:
    """Hand the rendering to a worker, once; False when neither cache nor broker can help."""
    from .tasks import render_folder

    try:
        if not cache.add(f"{key}:busy", 1, BUSY_SECONDS):
            return True  # another request queued it already
    except Exception:
        logger.warning("Folder cache unavailable", exc_info=True)
        return False
    try:
        render_folder.delay(html)
    except Exception:  # broker trouble (with eager Celery a failed render lands here too)
        logger.warning("Folder render could not be queued", exc_info=True)
        with contextlib.suppress(Exception):
            cache.delete(f"{key}:busy")
        return False
    return True


def _waited_for(key: str, seconds: float):
    """The PDF once the worker has stored it; None after `seconds`; UNREACHABLE when the cache
    stops answering (then the worker's result can't reach this request at all)."""
    deadline = clock.monotonic() + seconds
    while True:
        pdf = _cache_get(key)
        if pdf is not None or clock.monotonic() >= deadline:
            return pdf
        clock.sleep(POLL_SECONDS)


def folder_get(wijk, *, now=None, language: str = "nl") -> bytes | None:
    """The folder PDF of a wijk; None when a worker is still making it after WAIT_SECONDS.

    From the cache unless what it shows has changed; the key is the hash of the HTML, so a
    folder in another language is cached on its own. Otherwise a worker renders it while this
    request waits. With the cache or the broker down, it is rendered here, as a last resort:
    a folder late is better than none.
    """
    html = folder_html(wijk, now=now, language=language)
    key = folder_key(html)
    pdf = _cache_get(key)
    if pdf is None:
        pdf = _waited_for(key, WAIT_SECONDS) if _queued(html, key) else UNREACHABLE
    return folder_store(html) if pdf is UNREACHABLE else pdf


def folders_render(*, now=None) -> int:
    """Render every wijk's folder that is not in the cache yet, in every language; how many."""
    from wijken.models import Wijk

    made = 0
    for wijk in Wijk.objects.order_by("name"):
        for language, _name in settings.LANGUAGES:
            html = folder_html(wijk, now=now, language=language)
            if _cache_get(folder_key(html)) is None:
                folder_store(html)
                made += 1
    return made
