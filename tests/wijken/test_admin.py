import pytest
from django.urls import reverse

from wijken.models import Postcode, Wijk

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def postcodes(db):
    noordoost = Wijk.objects.get(code="WK040207")
    Postcode.objects.create(postcode="1221AB", wijk=noordoost)
    Postcode.objects.create(postcode="1222CD", wijk=noordoost)


def test_admin_finds_a_postcode_typed_with_space_and_lower_case(admin_client, postcodes):
    response = admin_client.get(reverse("admin:wijken_postcode_changelist"), {"q": "1221 ab"})

    assert [str(p) for p in response.context["cl"].result_list] == ["1221AB"]


def test_admin_shows_postcodes_read_only_because_the_import_replaces_them(admin_client, postcodes):
    response = admin_client.get(reverse("admin:wijken_postcode_changelist"))

    assert response.context["has_add_permission"] is False
    assert admin_client.get(reverse("admin:wijken_postcode_add")).status_code == 403


def test_admin_cannot_add_or_delete_the_nine_wijken(admin_client):
    centrum = Wijk.objects.get(code="WK040201")

    assert admin_client.get(reverse("admin:wijken_wijk_add")).status_code == 403
    assert (
        admin_client.post(reverse("admin:wijken_wijk_delete", args=[centrum.pk])).status_code == 403
    )
    assert Wijk.objects.count() == 9
