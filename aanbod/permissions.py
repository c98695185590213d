"""Who may do what in the werkruimte of the sociale kaart, and the signed "klopt nog" links.

An aanbieder works on the activities of their own organisation only; anything else is a 404, so
that ids of other organisations' activities reveal nothing. The kartrekker works on all of them.
Other roles get a 403: they have a werkruimte, but not this part of it.
"""

from dataclasses import dataclass
from datetime import timedelta
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404

from coalitie.models import Medewerker
from hilversum_eenzaamheid import roles

from .models import Activiteit, Voorstel

KLOPT_NOG_SALT = "aanbod.klopt-nog"
# The reminder goes out at 180 days; the link then works until the kartrekker's list shows the
# activity at 210 days.
KLOPT_NOG_MAX_AGE = timedelta(days=30)


def is_kartrekker(user) -> bool:
    return bool(
        user.is_authenticated and (user.is_superuser or roles.has_role(user, roles.KARTREKKER))
    )


def is_aanbieder(user) -> bool:
    return roles.has_role(user, roles.AANBIEDER)


def user_organisatie_id(user) -> int | None:
    """The organisation an aanbieder works for (cached on the user object: one query)."""
    if not hasattr(user, "_aanbod_organisatie_id"):
        user._aanbod_organisatie_id = (
            Medewerker.objects.filter(user=user).values_list("organisatie_id", flat=True).first()
        )
    return user._aanbod_organisatie_id


def werkruimte_required(view):
    """Anonymous → login; aanbieder (with an organisation) or kartrekker → view; others 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not is_kartrekker(user) and not (is_aanbieder(user) and user_organisatie_id(user)):
            raise PermissionDenied
        request.aanbod_kartrekker = is_kartrekker(user)  # for the templates' menus
        return view(request, *args, **kwargs)

    return wrapper


def kartrekker_required(view):
    """Moderation, corrections and coverage are the kartrekker's work only."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_kartrekker(request.user):
            raise PermissionDenied
        request.aanbod_kartrekker = True
        return view(request, *args, **kwargs)

    return wrapper


def activiteiten_for(user):
    """The activities this user may see and edit in the werkruimte."""
    queryset = Activiteit.objects.all()
    if is_kartrekker(user):
        return queryset
    return queryset.filter(organisatie_id=user_organisatie_id(user))


def get_activiteit_for(user, pk: int) -> Activiteit:
    """The activity with this id if the user may work on it; 404 otherwise (not 403: see above)."""
    queryset = activiteiten_for(user).select_related("organisatie")
    try:
        return queryset.get(pk=pk)
    except Activiteit.DoesNotExist:
        raise Http404 from None


def get_voorstel_for(user, pk: int) -> Voorstel:
    queryset = Voorstel.objects.select_related(
        "activiteit__organisatie", "submitted_by", "reviewed_by"
    )
    if not is_kartrekker(user):
        queryset = queryset.filter(activiteit__organisatie_id=user_organisatie_id(user))
    try:
        return queryset.get(pk=pk)
    except Voorstel.DoesNotExist:
        raise Http404 from None


def _cycle(activiteit: Activiteit) -> int:
    # A link belongs to one freshness cycle: once someone confirms, older links are spent.
    return int(activiteit.assured_at.timestamp()) if activiteit.assured_at else 0


def klopt_nog_token(activiteit: Activiteit) -> str:
    """A signed, expiring token for the one-click "klopt nog" link in the reminder e-mail."""
    signer = signing.TimestampSigner(salt=KLOPT_NOG_SALT)
    return signer.sign(f"{activiteit.pk}-{_cycle(activiteit)}")


@dataclass(frozen=True)
class KloptNog:
    state: str  # "geldig", "bevestigd" (confirmed since the mail), "verlopen", "ongeldig"
    activiteit: Activiteit | None = None


def klopt_nog_check(token: str) -> KloptNog:
    """What a "klopt nog" token grants. Never raises on bad input."""
    signer = signing.TimestampSigner(salt=KLOPT_NOG_SALT)
    try:
        value = signer.unsign(token, max_age=KLOPT_NOG_MAX_AGE)
    except signing.SignatureExpired:
        return KloptNog("verlopen")
    except signing.BadSignature:
        return KloptNog("ongeldig")
    pk, _, cycle = value.partition("-")
    activiteit = (
        Activiteit.objects.select_related("organisatie").filter(pk=int(pk)).first()
        if pk.isdigit()
        else None
    )
    if activiteit is None:
        return KloptNog("ongeldig")
    if str(_cycle(activiteit)) != cycle:
        return KloptNog("bevestigd", activiteit)
    return KloptNog("geldig", activiteit)
