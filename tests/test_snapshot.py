"""serialized_rollback by SQL (tests/snapshot.py): the two tests run in this order on purpose.

The first is a plain transactional test: its flush lets Django create the content types and
permissions again, with new ids. With Django's own restore the second test then failed on
"duplicate key ... django_content_type", so the suite's order decided whether it passed.
PostgreSQL only: no test of the SQLite run uses serialized_rollback.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from hilversum_eenzaamheid import roles
from wijken.models import Wijk


@pytest.mark.django_db(transaction=True)
def test_a_plain_transactional_test_changes_the_migrations_rows():
    Wijk.objects.filter(slug="centrum").update(name="Veranderd")
    Group.objects.all().delete()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_next_serialized_test_gets_exactly_the_migrations_rows_back():
    assert Wijk.objects.count() == 9
    assert Wijk.objects.get(slug="centrum").name == "Centrum"
    assert Group.objects.filter(name=roles.KARTREKKER).exists()
    # Every group's permissions point at content types that exist, once each.
    labels = list(ContentType.objects.values_list("app_label", "model"))
    assert len(labels) == len(set(labels))
    assert Permission.objects.filter(content_type__in=ContentType.objects.all()).count() == (
        Permission.objects.count()
    )
