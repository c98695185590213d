import pytest
from django.urls import reverse

from tests.factories import PASSWORD

ROLE_LABELS = {
    "kartrekker": "Kartrekker",
    "coordinator": "Coördinator meldpunt",
    "buurtteam": "Buurtteam",
    "kerngroep": "Kerngroep",
    "aanbieder": "Aanbieder",
}


@pytest.mark.sqlite
def test_werkruimte_sends_anonymous_visitors_to_the_login_page(client, db):
    response = client.get(reverse("werkruimte"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={reverse('werkruimte')}"


@pytest.mark.sqlite
def test_werkruimte_refuses_an_account_without_a_role(client, resident_user):
    client.force_login(resident_user)
    assert client.get(reverse("werkruimte")).status_code == 403


@pytest.mark.sqlite
def test_werkruimte_shows_each_role_only_its_own_part(client, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("werkruimte"))
    roles = [role.label for role in response.context["roles"]]
    own = ROLE_LABELS[staff_user.username]
    assert roles == [own]
    html = response.content.decode()
    assert own in html
    for other in set(ROLE_LABELS.values()) - {own}:
        assert f">{other}</h3>" not in html
    assert reverse("admin:index") not in html


@pytest.mark.sqlite
def test_werkruimte_query_count_does_not_depend_on_the_number_of_roles(
    client, kartrekker_user, django_assert_max_num_queries
):
    from django.contrib.auth.models import Group

    kartrekker_user.groups.set(Group.objects.all())
    client.force_login(kartrekker_user)
    # session, user, groups (once, shared by the header and the page)
    with django_assert_max_num_queries(3):
        response = client.get(reverse("werkruimte"))
    assert len(response.context["roles"]) == 5


@pytest.mark.sqlite
def test_login_with_the_right_password_lands_on_the_werkruimte(client, kartrekker_user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.access.conftest import app_code

    app = TOTPDevice.objects.create(user=kartrekker_user, name="App", confirmed=True)
    response = client.post(
        reverse("login"), {"username": "kartrekker", "password": PASSWORD}, follow=True
    )
    # Staff log in in two steps (issue #7): after the password, a code from their app.
    assert response.redirect_chain[-1][0].startswith(reverse("otp_verify"))
    response = client.post(
        response.redirect_chain[-1][0], {"code": app_code(app), "next": "/werkruimte/"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("werkruimte")
    assert "Kartrekker" in response.content.decode()


@pytest.mark.sqlite
def test_login_with_a_wrong_password_explains_in_dutch_and_keeps_the_username(
    client, kartrekker_user
):
    response = client.post(reverse("login"), {"username": "kartrekker", "password": "fout"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in html
    assert 'value="kartrekker"' in html
    assert 'id="foutmeldingen"' in html
    assert "_auth_user_id" not in client.session


@pytest.mark.sqlite
def test_login_of_an_unknown_account_gives_the_same_message(client, kartrekker_user):
    known = client.post(reverse("login"), {"username": "kartrekker", "password": "fout"})
    unknown = client.post(reverse("login"), {"username": "niemand", "password": "fout"})
    assert known.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()


@pytest.mark.sqlite
def test_login_with_empty_fields_names_each_field(client, db):
    html = client.post(reverse("login"), {}).content.decode()
    assert 'href="#id_username"' in html and 'href="#id_password"' in html
    assert "Dit veld is verplicht." in html


@pytest.mark.sqlite
def test_login_ignores_a_next_url_on_another_host(client, kartrekker_user):
    response = client.post(
        reverse("login") + "?next=https://evil.example/",
        {"username": "kartrekker", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("werkruimte")


@pytest.mark.sqlite
def test_logout_needs_post_and_ends_the_session(client, kartrekker_user):
    client.force_login(kartrekker_user)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("home")
    assert client.get(reverse("werkruimte")).status_code == 302


@pytest.mark.sqlite
def test_superuser_sees_the_technical_admin(client, django_user_model, db):
    admin = django_user_model.objects.create_superuser("beheer", "b@example.org", PASSWORD)
    client.force_login(admin)
    assert reverse("admin:index") in client.get(reverse("werkruimte")).content.decode()


@pytest.mark.sqlite
def test_login_error_is_shown_once_in_a_summary_that_takes_focus(client, kartrekker_user):
    html = client.post(reverse("login"), {"username": "kartrekker", "password": "fout"}).content
    html = html.decode()
    assert html.count("Voer een juiste gebruikersnaam en wachtwoord in") == 1
    assert 'tabindex="-1" autofocus id="foutmeldingen"' in html


@pytest.mark.sqlite
def test_werkruimte_links_each_role_to_its_own_pages(client, kartrekker_user, aanbieder_user):
    client.force_login(aanbieder_user)
    html = client.get(reverse("werkruimte")).content.decode()
    assert reverse("aanbod:werkruimte_list") in html
    assert reverse("aanbod:werkruimte_voorstellen") not in html
    client.force_login(kartrekker_user)
    html = client.get(reverse("werkruimte")).content.decode()
    assert reverse("aanbod:werkruimte_voorstellen") in html
    assert reverse("aanbod:werkruimte_dekking") in html


@pytest.mark.sqlite
def test_werkruimte_links_buurtteam_and_coordinator_to_the_meldingen(
    client, buurtteam_user, coordinator_user
):
    client.force_login(buurtteam_user)
    html = client.get(reverse("werkruimte")).content.decode()
    assert reverse("meldpunt:werkruimte_list") in html
    assert reverse("meldpunt:werkruimte_triage") not in html
    client.force_login(coordinator_user)
    assert (
        reverse("meldpunt:werkruimte_triage") in client.get(reverse("werkruimte")).content.decode()
    )
