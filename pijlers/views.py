"""Public information pages (pillars WETEN and INFORMEREN): home, information, stories, agenda."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from hilversum_eenzaamheid.vertalen import vertaald
from wijken.selectors import wijken_all

from . import privacy_register, selectors
from .constants import PaginaSlug
from .ical import agenda_calendar
from .tekst import render_markdown
from .toegankelijkheid import AXE_CORE_VERSION, pages_checked

HOME_AGENDA_ITEMS = 3
PAGE_STORIES = 3
STORIES_PER_PAGE = 20


@require_safe
def home(request):
    today = timezone.localdate()
    context = {
        "wijken": wijken_all(),
        "agenda": selectors.agenda_upcoming(today=today, limit=HOME_AGENDA_ITEMS),
    }
    return render(request, "pijlers/home.html", context)


@require_safe
def over(request):
    return render(request, "pijlers/over.html")


@require_safe
def eenzaamheid(request):
    """The editable information page, and the newest stories people agreed to share."""
    pagina = selectors.pagina_get(PaginaSlug.EENZAAMHEID)
    context = {
        "pagina": pagina,
        "title": vertaald(pagina, "title"),
        "body": vertaald(pagina, "body"),
        "body_html": render_markdown(vertaald(pagina, "body")),
        "verhalen": selectors.verhalen_public(limit=PAGE_STORIES),
    }
    return render(request, "pijlers/eenzaamheid.html", context)


@require_safe
def verhalen(request):
    page = Paginator(selectors.verhalen_public(), STORIES_PER_PAGE).get_page(
        request.GET.get("pagina")
    )
    return render(request, "pijlers/verhalen.html", {"page": page})


@require_safe
def agenda(request):
    """Coming campaign dates; what is over only when asked for (?eerder=1)."""
    today = timezone.localdate()
    include_past = request.GET.get("eerder") == "1"
    context = {
        "items": selectors.agenda_public(today=today),
        "past": selectors.agenda_past(today=today) if include_past else None,
        "include_past": include_past,
        "feed_url": request.build_absolute_uri(reverse("agenda_ics")),
    }
    return render(request, "pijlers/agenda.html", context)


@require_safe
def agenda_ics(request):
    """The public agenda as an iCalendar feed to subscribe to."""
    items = selectors.agenda_feed(today=timezone.localdate())
    domain, _port = split_domain_port(request.get_host())
    body = agenda_calendar(
        items, page_url=request.build_absolute_uri(reverse("agenda")), domain=domain or "localhost"
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = "inline; filename=agenda.ics"
    return response


@require_safe
def privacy(request):
    """The privacy statement, rendered from the register the staff's processing register uses:
    its retention periods are the settings the retention job reads, so it cannot drift."""
    return render(request, "pijlers/privacy.html", {"groepen": privacy_register.groepen()})


@require_safe
def toegankelijkheid(request):
    """The accessibility statement. What it says was tested is counted from the list the
    axe-core test runs on, so the two cannot drift apart."""
    context = {"axe_version": AXE_CORE_VERSION, "pages": pages_checked()}
    return render(request, "pijlers/toegankelijkheid.html", context)
