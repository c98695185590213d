import pytest
from django.contrib.auth.models import Group

from hilversum_eenzaamheid import roles


@pytest.mark.sqlite
def test_a_migration_creates_one_group_per_role(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert names == {"kartrekker", "meldpunt-coordinator", "buurtteam", "kerngroep", "aanbieder"}
    assert set(roles.ALL_ROLES) == names


@pytest.mark.sqlite
def test_staff_are_users_with_a_role_or_superusers(
    kartrekker_user, resident_user, django_user_model
):
    from django.contrib.auth.models import AnonymousUser

    assert roles.is_staff_user(kartrekker_user)
    assert not roles.is_staff_user(resident_user)
    assert not roles.is_staff_user(AnonymousUser())
    admin = django_user_model.objects.create_superuser("root", "r@example.org", "x" * 12)
    assert roles.is_staff_user(admin)
