import pytest

from wijken.models import Wijk

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_data_migration_loads_exactly_the_nine_districts_of_hilversum():
    assert list(Wijk.objects.order_by("code").values_list("code", "name", "slug")) == [
        ("WK040201", "Centrum", "centrum"),
        ("WK040202", "Noordwest", "noordwest"),
        ("WK040203", "Zuidwest", "zuidwest"),
        ("WK040204", "Zuid", "zuid"),
        ("WK040205", "Zuidoost", "zuidoost"),
        ("WK040206", "Oost", "oost"),
        ("WK040207", "Noordoost", "noordoost"),
        ("WK040208", "Hilversumse Meent", "hilversumse-meent"),
        ("WK040209", "Landelijk Gebied", "landelijk-gebied"),
    ]
