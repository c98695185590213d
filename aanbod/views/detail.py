"""The public page of one activity and its iCalendar download."""

from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from ..constants import Herhaling, Status
from ..display import (
    accessibility,
    address_line,
    age_in_words,
    coming_exceptions,
    osm_url,
    rooster_days,
    rooster_is_current,
    rooster_pattern,
    rooster_period,
    tel_href,
    term_groups,
    time_range,
)
from ..forms_public import CorrectieForm
from ..ical import activiteit_calendar
from ..schedules import AMSTERDAM, next_occurrences
from ..selectors_public import activiteit_public_detail, activiteit_stopped

NEXT_DATES = 5


@dataclass
class RoosterRow:
    pattern: str
    time: str
    period: str
    exceptions: list[str]
    note: str
    locatie: object


@dataclass
class LocatieRow:
    locatie: object
    address: str
    map_url: str
    accessibility: list[str]


def _rooster_rows(roosters, today) -> list[RoosterRow]:
    return [
        RoosterRow(
            pattern=rooster_pattern(r),
            time=time_range(r),
            period=rooster_period(r, today),
            exceptions=coming_exceptions(r, today),
            note=r.note,
            locatie=r.locatie,
        )
        for r in roosters
    ]


def _locatie_rows(roosters) -> list[LocatieRow]:
    unique = {r.locatie.pk: r.locatie for r in roosters if r.locatie is not None}
    return [
        LocatieRow(
            locatie=locatie,
            address=address_line(locatie),
            map_url=osm_url(locatie),
            accessibility=accessibility(locatie),
        )
        for locatie in unique.values()
    ]


def _reading_order(rooster) -> tuple:
    """Weekly rules first, Monday to Sunday, then single dates in date order."""
    single = rooster.herhaling == Herhaling.EENMALIG
    first_day = rooster.start_date.toordinal() if single else rooster_days(rooster)[0]
    return (single, first_day, rooster.start_time)


def detail_context(activiteit, *, now) -> dict:
    """Everything the detail page shows, worked out from the prefetched rows (no queries)."""
    today = now.astimezone(AMSTERDAM).date()
    every = list(activiteit.roosters.all())
    roosters = sorted((r for r in every if rooster_is_current(r, today)), key=_reading_order)
    locaties = _locatie_rows(roosters)
    phone = activiteit.contact_phone or activiteit.organisatie.phone
    return {
        "activiteit": activiteit,
        "term_groups": term_groups(activiteit.terms.all()),
        "age": age_in_words(activiteit.min_age, activiteit.max_age),
        "wijken": list(activiteit.wijken.all()),
        "roosters": _rooster_rows(roosters, today),
        "all_ended": bool(every) and not roosters,
        "next_dates": next_occurrences(roosters, after=now, count=NEXT_DATES),
        "several_places": len(locaties) > 1,
        "locaties": locaties,
        "phone": phone,
        "phone_href": tel_href(phone),
        "email": activiteit.contact_email or activiteit.organisatie.email,
        "website": activiteit.website or activiteit.organisatie.website,
    }


@require_safe
def detail(request, slug):
    now = timezone.now()
    activiteit = activiteit_public_detail(slug=slug, now=now)
    if activiteit is None:
        return _not_public(request, slug)
    context = detail_context(activiteit, now=now)
    context["form"] = CorrectieForm()
    return render(request, "aanbod/detail.html", context)


def _not_public(request, slug):
    """A paused or ended activity says so (old folders and bookmarks lead here); others 404.

    The notice still answers 404, so that search engines drop the page, and shows no contact
    details or times, which are likely out of date.
    """
    stopped = activiteit_stopped(slug=slug)
    if stopped is None:
        raise Http404
    context = {"activiteit": stopped, "ended": stopped.status == Status.BEEINDIGD}
    return render(request, "aanbod/detail_gestopt.html", context, status=404)


@require_safe
def ics(request, slug):
    activiteit = activiteit_public_detail(slug=slug)
    if activiteit is None:
        raise Http404
    url = request.build_absolute_uri(reverse("aanbod:detail", args=[activiteit.slug]))
    domain, _port = split_domain_port(request.get_host())
    body = activiteit_calendar(activiteit, url=url, domain=domain or "localhost")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f"attachment; filename={activiteit.slug}.ics"
    return response
