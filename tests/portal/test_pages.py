import pytest
from django.urls import reverse

PUBLIC_PAGES = [
    ("home", "Samen tegen eenzaamheid in Hilversum"),
    ("over", "Over de aanpak van eenzaamheid"),
    ("eenzaamheid", "Wat is eenzaamheid?"),
    ("privacy", "Privacyverklaring"),
    ("toegankelijkheid", "Toegankelijkheidsverklaring"),
    ("login", "Inloggen voor medewerkers"),
]


@pytest.mark.sqlite
@pytest.mark.parametrize(("url_name", "heading"), PUBLIC_PAGES)
def test_public_page_needs_no_login_and_has_the_base_layout(client, db, url_name, heading):
    response = client.get(reverse(url_name))
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in html
    assert '<html lang="nl">' in html
    assert 'href="#inhoud"' in html and 'id="inhoud"' in html
    assert 'aria-label="Hoofdmenu"' in html
    assert "088 0767 000" in html  # the Luisterlijn in the footer
    assert reverse("privacy") in html and reverse("toegankelijkheid") in html
    assert response["Content-Language"] == "nl"


@pytest.mark.sqlite
def test_pages_load_assets_only_from_the_portal_itself(client, db):
    html = client.get("/").content.decode()
    assert "/static/vendor/bootstrap/bootstrap.min.css" in html
    assert "/static/vendor/htmx/htmx.min.js" in html
    assert "http://" not in html.replace("http://testserver", "")
    assert "https://" not in html
    assert "//" not in html.replace("http://", "").replace("https://", "").split("<body")[0]


@pytest.mark.sqlite
def test_vendored_assets_are_served(client, db):
    for path in ["/static/vendor/bootstrap/bootstrap.min.css", "/static/css/portal.css"]:
        response = client.get(path)
        assert response.status_code == 200
        assert b"{" in b"".join(response.streaming_content)


@pytest.mark.sqlite
def test_header_shows_werkruimte_to_staff_only(client, kartrekker_user, resident_user):
    assert "Werkruimte" not in client.get("/").content.decode()
    client.force_login(resident_user)
    assert "Werkruimte" not in client.get("/").content.decode()
    client.force_login(kartrekker_user)
    html = client.get("/").content.decode()
    assert f'href="{reverse("werkruimte")}"' in html


@pytest.mark.sqlite
def test_header_marks_the_current_part(client, db):
    html = client.get(reverse("eenzaamheid")).content.decode()
    assert f'<a href="{reverse("eenzaamheid")}" aria-current="page">' in html


@pytest.mark.sqlite
def test_portal_stays_dutch_for_an_english_browser_until_english_is_chosen(client, db):
    response = client.get("/", headers={"accept-language": "en"})
    assert response["Content-Language"] == "nl"
    client.cookies["django_language"] = "en"  # an old language cookie changes nothing either
    assert client.get("/")["Content-Language"] == "nl"
    response = client.get("/en/")
    assert response["Content-Language"] == "en"
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.sqlite
def test_security_headers_are_sent(client, db):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.sqlite
def test_home_page_lets_a_resident_search_activities_in_their_wijk(client, db):
    html = client.get("/").content.decode()
    assert f'action="{reverse("aanbod:index")}"' in html
    assert '<option value="hilversumse-meent">Hilversumse Meent</option>' in html
    assert html.count("<option value=") == 10  # nine wijken and "Heel Hilversum"


@pytest.mark.sqlite
def test_home_page_links_the_printable_folder_of_every_wijk(client, db):
    html = client.get("/").content.decode()
    for slug in ["centrum", "hilversumse-meent", "landelijk-gebied"]:
        assert f'href="{reverse("aanbod:folder", args=[slug])}"' in html


@pytest.mark.sqlite
def test_privacy_statement_gives_the_retention_periods_the_jobs_use(client, db, settings):
    settings.MELDPUNT_RETENTION_CONTACT_DAYS = 45
    settings.MELDPUNT_RETENTION_DAYS = 400
    html = client.get(reverse("privacy")).content.decode()
    assert "van de melder 45 dagen nadat" in html
    assert "na 400 dagen" in html
