import pytest

from hilversum_eenzaamheid import roles
from tests.factories import MedewerkerFactory, UserFactory


@pytest.fixture
def kartrekker_user(db):
    return UserFactory(username="kartrekker", roles=[roles.KARTREKKER])


@pytest.fixture
def coordinator_user(db):
    return UserFactory(username="coordinator", roles=[roles.MELDPUNT_COORDINATOR])


@pytest.fixture
def buurtteam_user(db):
    return UserFactory(username="buurtteam", roles=[roles.BUURTTEAM])


@pytest.fixture
def kerngroep_user(db):
    user = UserFactory(username="kerngroep", roles=[roles.KERNGROEP])
    MedewerkerFactory(user=user, organisatie__name="Versa Welzijn")
    return user


@pytest.fixture
def aanbieder_user(db):
    user = UserFactory(username="aanbieder", roles=[roles.AANBIEDER])
    MedewerkerFactory(user=user, organisatie__name="Senver")
    return user


@pytest.fixture
def resident_user(db):
    """An account without any role: logged in, but not staff."""
    return UserFactory(username="inwoner")


@pytest.fixture(
    params=["kartrekker", "coordinator", "buurtteam", "kerngroep", "aanbieder"],
)
def staff_user(request):
    """Each staff role in turn."""
    return request.getfixturevalue(f"{request.param}_user")
