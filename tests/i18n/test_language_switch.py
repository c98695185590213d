"""Issue #8: English at /en/…, Dutch everywhere else, and a link in the header between them."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from aanbod.indexing import activiteit_reindex
from tests.aanbod.factories import ActiviteitFactory
from tests.aanbod.test_search import NOW, frozen, make_activity

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

SWITCH = re.compile(
    r'<a class="language-switch" href="([^"]*)" lang="(\w+)" hreflang="(\w+)">(\w+)</a>'
)


def switch(html: str) -> tuple[str, str, str, str]:
    (link,) = SWITCH.findall(html)
    return link


def test_dutch_addresses_stay_as_they_were_and_english_ones_start_with_en():
    assert reverse("aanbod:index") == "/aanbod/"
    assert reverse("werkruimte") == "/werkruimte/"
    with translation.override("en"):
        assert reverse("aanbod:index") == "/en/aanbod/"
        assert reverse("home") == "/en/"
    # Not pages for people: one address whatever the language.
    with translation.override("en"):
        assert reverse("healthz") == "/healthz"
        assert reverse("security_txt") == "/.well-known/security.txt"


def test_an_english_browser_gets_dutch_and_the_answer_does_not_vary_on_its_language(client):
    response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})
    assert response["Content-Language"] == "nl"
    assert '<html lang="nl">' in response.content.decode()
    assert "Accept-Language" not in response.get("Vary", "")


def test_the_english_page_says_so_in_html_lang_and_content_language(client):
    response = client.get("/en/", headers={"accept-language": "nl"})
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Together against loneliness" in html


def test_the_switch_links_to_the_same_page_with_its_query_in_the_other_language(client):
    html = client.get("/aanbod/?q=koffie&wijk=oost").content.decode()
    assert switch(html) == ("/en/aanbod/?q=koffie&amp;wijk=oost", "en", "en", "English")
    html = client.get("/en/aanbod/?q=koffie&wijk=oost").content.decode()
    assert switch(html) == ("/aanbod/?q=koffie&amp;wijk=oost", "nl", "nl", "Nederlands")


def test_the_switch_keeps_the_object_of_the_page(client):
    ActiviteitFactory(slug="koffie-ochtend")
    html = client.get("/aanbod/koffie-ochtend/").content.decode()
    assert switch(html)[0] == "/en/aanbod/koffie-ochtend/"
    html = client.get("/en/aanbod/koffie-ochtend/").content.decode()
    assert switch(html)[0] == "/aanbod/koffie-ochtend/"


def test_the_switch_is_a_plain_link_in_the_header_before_the_main_content(client):
    html = client.get("/over/").content.decode()
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    assert 'class="language-switch"' in header
    # A link: reachable with the keyboard, works without script and sets nothing.
    assert "<script" not in header and "onclick" not in header


def test_a_page_that_does_not_exist_answers_404_in_either_language(client):
    assert client.get("/en/bestaat-niet/").status_code == 404
    assert client.get("/nl/aanbod/").status_code == 404  # Dutch has no prefix


def test_links_on_an_english_page_stay_in_english(client):
    ActiviteitFactory(slug="koffie-ochtend")
    for url in ["/en/", "/en/aanbod/", "/en/aanbod/koffie-ochtend/", "/en/meldpunt/"]:
        html = client.get(url).content.decode()
        html = SWITCH.sub("", html)
        local = re.findall(r'(?:href|action)="(/[^"]*)"', html)
        assert local, url
        dutch = [
            link
            for link in local
            if not link.startswith(("/en/", "/static/", "/healthz", "/.well-known/"))
        ]
        assert not dutch, f"{url} links to Dutch pages: {dutch}"


def test_choosing_english_stores_nothing_in_the_browser(client):
    response = client.get("/en/aanbod/")
    assert "django_language" not in response.cookies
    assert "sessionid" not in response.cookies
    assert "Set-Cookie" not in response.headers or "django_language" not in response["Set-Cookie"]


def test_the_header_marks_the_current_part_in_english_too(client):
    html = client.get("/en/aanbod/").content.decode()
    assert '<a href="/en/aanbod/" aria-current="page">' in html
    html = client.get("/en/").content.decode()
    assert '<a href="/en/" aria-current="page">' in html


def test_the_cached_blank_meldpunt_form_is_kept_per_language(client):
    client.get("/meldpunt/")  # fills the fragment cache in Dutch
    html = client.get("/en/meldpunt/").content.decode()
    form = html.split('class="meldpunt-form"', 1)[1]
    assert 'href="/en/privacy/"' in form
    assert 'href="/privacy/"' not in form


def test_cached_search_results_are_kept_per_language(client):
    make_activity("Koffie-ochtend", slug="koffie-ochtend", name_en="Coffee morning")
    activiteit_reindex(now=NOW)
    with frozen():
        dutch = client.get("/aanbod/").content.decode()  # fills the result cache in Dutch
        html = client.get("/en/aanbod/").content.decode()
    assert '<a href="/aanbod/koffie-ochtend/">Koffie-ochtend</a>' in dutch
    assert '<a href="/en/aanbod/koffie-ochtend/">Coffee morning</a>' in html


def test_staff_pages_ask_to_log_in_in_the_language_of_the_address(client):
    response = client.get("/en/werkruimte/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/inloggen/?next=/en/werkruimte/")
    response = client.get("/werkruimte/")
    assert response["Location"].startswith("/inloggen/?next=/werkruimte/")


def test_the_admin_and_the_health_check_have_no_english_address(client):
    assert client.get("/en/healthz").status_code == 404
    assert client.get("/en/beheer/").status_code == 404
