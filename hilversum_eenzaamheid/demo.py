"""Demo accounts: one per role, all with the password from settings.DEMO_PASSWORD."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from coalitie.models import Medewerker, Organisatie

from . import roles


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    first_name: str
    organisatie_slug: str | None = None


DEMO_USERS = [
    DemoUser("kartrekker", roles.KARTREKKER, "Karin"),
    DemoUser("coordinator", roles.MELDPUNT_COORDINATOR, "Cor"),
    DemoUser("kerngroep", roles.KERNGROEP, "Kees", "versa-welzijn"),
    DemoUser("aanbieder", roles.AANBIEDER, "Anna", "senver"),
]


def ensure_user(demo: DemoUser, password: str) -> bool:
    """Create or repair one demo account; return True when anything changed."""
    user, changed = get_user_model().objects.get_or_create(
        username=demo.username,
        defaults={"first_name": demo.first_name, "email": f"{demo.username}@example.org"},
    )
    if not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
        changed = True
    group = Group.objects.get(name=demo.role)
    if not user.groups.filter(pk=group.pk).exists():
        user.groups.add(group)
        changed = True
    if demo.organisatie_slug:
        organisatie = Organisatie.objects.get(slug=demo.organisatie_slug)
        _link, created = Medewerker.objects.update_or_create(
            user=user, defaults={"organisatie": organisatie}
        )
        changed = changed or created
    return changed


def seed() -> int:
    """Make sure every demo account exists with the demo password; return how many changed."""
    return sum(ensure_user(demo, settings.DEMO_PASSWORD) for demo in DEMO_USERS)
