"""The read-only Open Referral HSDS 3.0 API of the sociale kaart, under /api/hsds/.

Plain JSON views, no framework: three endpoints, GET only, public data only
(`Activiteit.objects.public()`). Bad parameters give a 400 with a JSON message; an unknown or
malformed id gives a 404 in JSON. Output is always Dutch, whatever language the visitor chose
for the pages, so the open data does not change with a cookie.
"""

import functools
import math
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, time

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.http import require_safe

from . import hsds
from .constants import Vocabulaire
from .indexing import normalise
from .models import Activiteit, Term

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
# A search is a few words; more than this is cut rather than turned into a huge query.
MAX_SEARCH_LENGTH = 200
MAX_SEARCH_WORDS = 10
TRUE_VALUES = {"1", "true", "yes", "ja"}


class BadParameter(Exception):
    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


@dataclass
class ListParameters:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    words: list[str] = field(default_factory=list)
    modified_after: datetime | None = None
    full: bool = False
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None


def _json(data: dict, *, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Open data: any website may read it; no cookies or credentials are involved.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _error(status: int, message: str, parameter: str | None = None) -> JsonResponse:
    data = {"error": message}
    if parameter:
        data["parameter"] = parameter
    return _json(data, status=status)


def _not_found() -> JsonResponse:
    return _error(404, "Deze activiteit bestaat niet of staat niet (meer) op de sociale kaart.")


def api_view(view):
    """GET/HEAD only, Dutch output, and BadParameter turned into a 400 JSON answer."""

    @functools.wraps(view)
    @require_safe
    def wrapper(request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            try:
                return view(request, *args, **kwargs)
            except BadParameter as error:
                return _error(400, error.message, error.parameter)

    return wrapper


def _public_url(request, activiteit) -> str:
    return request.build_absolute_uri(reverse("aanbod:detail", kwargs={"slug": activiteit.slug}))


@api_view
def index(request):
    """GET /api/hsds/: which HSDS version and profile this API follows."""
    return _json(
        {
            "version": hsds.HSDS_VERSION,
            "profile": hsds.HSDS_BASE,
            "openapi_url": hsds.HSDS_OPENAPI,
            "description": (
                "Sociale kaart van Hilversum: activiteiten tegen eenzaamheid, volgens Open "
                "Referral HSDS 3.0 zonder eigen profiel. Tijden zijn lokale tijd "
                "(Europe/Amsterdam). Kenmerken staan als attributes met link_type doelgroep, "
                "soort (soort eenzaamheid) of type (soort activiteit)."
            ),
            "publisher": {
                "name": "Gemeente Hilversum",
                "website": request.build_absolute_uri("/"),
            },
        }
    )


def _positive_int(query, name: str, default: int) -> int:
    value = query.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise BadParameter(name, f"{name} moet een heel getal zijn van 1 of hoger.")
    return number


def _parse_moment(text: str) -> datetime | None:
    try:
        moment = parse_datetime(text)
        if moment is None:
            day = parse_date(text)
            moment = datetime.combine(day, time.min) if day else None
    except ValueError:  # well-formed but impossible, like 2026-02-30
        return None
    return moment


def _modified_after(query) -> datetime | None:
    text = query.get("modified_after", "").strip()
    if not text:
        return None
    moment = _parse_moment(text)
    if moment is None and " " in text:
        # An unencoded "+" in a query string arrives as a space: 09:00:00+02:00.
        head, _, tail = text.rpartition(" ")
        moment = _parse_moment(f"{head}+{tail}")
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    try:
        if moment is not None:
            moment.astimezone(UTC)  # the database compares in UTC
    except OverflowError:
        moment = None
    if moment is None:
        raise BadParameter(
            "modified_after",
            "Gebruik een datum of tijdstip volgens ISO 8601, "
            "bijvoorbeeld 2026-06-01 of 2026-06-01T09:00:00+02:00.",
        )
    return moment


def _uuid(query, name: str) -> uuid.UUID | None:
    value = query.get(name, "").strip()
    if not value:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise BadParameter(name, f"{name} moet een UUID zijn.") from None


def _search_words(query) -> list[str]:
    text = query.get("search", "")[:MAX_SEARCH_LENGTH].replace("\x00", "")
    return normalise(text).split()[:MAX_SEARCH_WORDS]


def list_parameters(query) -> ListParameters:
    """Read and check the query parameters of /services; raises BadParameter."""
    return ListParameters(
        page=_positive_int(query, "page", 1),
        per_page=min(_positive_int(query, "per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE),
        words=_search_words(query),
        modified_after=_modified_after(query),
        full=query.get("full", "").strip().lower() in TRUE_VALUES,
        taxonomy_term_id=_uuid(query, "taxonomy_term_id"),
        taxonomy_id=_uuid(query, "taxonomy_id"),
        organization_id=_uuid(query, "organization_id"),
    )


def _filter_taxonomies(queryset, params: ListParameters):
    if params.taxonomy_term_id:
        term_pk = next(
            (
                t.pk
                for t in Term.objects.only("vocabulaire", "code")
                if hsds.term_id(t) == params.taxonomy_term_id
            ),
            None,
        )
        queryset = queryset.filter(terms=term_pk) if term_pk else queryset.none()
    if params.taxonomy_id:
        vocabulaire = next(
            (v for v in Vocabulaire.values if hsds.taxonomy_id(v) == params.taxonomy_id), None
        )
        tagged = Activiteit.terms.through.objects.filter(term__vocabulaire=vocabulaire)
        queryset = (
            queryset.filter(pk__in=tagged.values("activiteit_id"))
            if vocabulaire
            else queryset.none()
        )
    return queryset


def _filter_organisation(queryset, params: ListParameters):
    if not params.organization_id:
        return queryset
    offering = Activiteit.objects.public().values_list("organisatie_id", flat=True).distinct()
    organisatie_pk = next(
        (pk for pk in offering if hsds.organisation_id(pk) == params.organization_id), None
    )
    return queryset.filter(organisatie_id=organisatie_pk) if organisatie_pk else queryset.none()


def services_queryset(params: ListParameters, *, now=None):
    """The public activities matching the parameters, in a stable order for paging."""
    queryset = Activiteit.objects.public(now).select_related("organisatie").order_by("name", "pk")
    for word in params.words:
        queryset = queryset.filter(search_text__icontains=word)
    if params.modified_after:
        queryset = queryset.filter(modified_at__gte=params.modified_after)
    queryset = _filter_taxonomies(queryset, params)
    queryset = _filter_organisation(queryset, params)
    # The summary needs the terms too: its eligibility_description names the target groups.
    prefetch = hsds.SERVICE_PREFETCH if params.full else hsds.SUMMARY_PREFETCH
    return queryset.prefetch_related(*prefetch)


@api_view
def services(request):
    """GET /api/hsds/services: a page of services in the HSDS paged envelope."""
    params = list_parameters(request.GET)
    queryset = services_queryset(params)
    total = queryset.count()
    offset = (params.page - 1) * params.per_page
    # Past the last page there is nothing to fetch; don't ask the database with a huge offset.
    rows = list(queryset[offset : offset + params.per_page]) if offset < total else []
    serialise = hsds.service if params.full else hsds.service_summary
    contents = [serialise(a, url=_public_url(request, a)) for a in rows]
    total_pages = math.ceil(total / params.per_page)
    return _json(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": params.page,
            "size": len(contents),
            "first_page": params.page == 1,
            "last_page": params.page >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
    )


@api_view
def service_detail(request, service_id: str):
    """GET /api/hsds/services/<uuid>: one fully nested service, or a 404."""
    try:
        wanted = uuid.UUID(service_id)
    except ValueError:
        return _not_found()
    activiteit = (
        Activiteit.objects.public()
        .select_related("organisatie")
        .prefetch_related(*hsds.SERVICE_PREFETCH)
        .filter(uuid=wanted)
        .first()
    )
    if activiteit is None:
        return _not_found()
    return _json(hsds.service(activiteit, url=_public_url(request, activiteit)))
