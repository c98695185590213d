"""/.well-known/security.txt as RFC 9116 asks: where to report, until when, in which languages."""

from datetime import UTC, datetime, timedelta
from unittest.mock import patch

import pytest

from hilversum_eenzaamheid.views_security import security_txt_body, security_txt_expires

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

NOW = datetime(2026, 3, 15, 14, 30, tzinfo=UTC)


def fields(text: str) -> list[tuple[str, str]]:
    return [tuple(line.split(": ", 1)) for line in text.splitlines()]


def test_security_txt_is_plain_text_for_anyone(client):
    with patch("django.utils.timezone.now", return_value=NOW):
        response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert fields(response.content.decode()) == [
        ("Contact", "mailto:security@hilversum.nl"),
        ("Expires", "2027-03-14T00:00:00Z"),
        ("Preferred-Languages", "nl, en"),
        ("Canonical", "http://127.0.0.1:8000/.well-known/security.txt"),
    ]


def test_expires_is_less_than_a_year_ahead_and_the_same_all_day():
    morning = datetime(2026, 3, 15, 0, 1, tzinfo=UTC)
    evening = datetime(2026, 3, 15, 23, 59, tzinfo=UTC)
    assert security_txt_expires(morning) == security_txt_expires(evening)
    assert timedelta(days=300) < security_txt_expires(evening) - evening < timedelta(days=365)


def test_contacts_policy_and_canonical_address_come_from_the_settings(settings):
    settings.SECURITY_TXT_CONTACTS = ["mailto:cvd@hilversum.nl", "tel:+31-35-000-0000"]
    settings.SECURITY_TXT_POLICY = "https://www.hilversum.nl/cvd"
    settings.SITE_URL = "https://eenzaamheid.hilversum.nl"
    assert fields(security_txt_body(now=NOW)) == [
        ("Contact", "mailto:cvd@hilversum.nl"),
        ("Contact", "tel:+31-35-000-0000"),
        ("Expires", "2027-03-14T00:00:00Z"),
        ("Policy", "https://www.hilversum.nl/cvd"),
        ("Preferred-Languages", "nl, en"),
        ("Canonical", "https://eenzaamheid.hilversum.nl/.well-known/security.txt"),
    ]


def test_security_txt_cannot_be_posted_to(client):
    assert client.post("/.well-known/security.txt").status_code == 405
