"""Reads for the public pages of one activity and for the printed wijk folder."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from .constants import Moderatie, Status
from .models import Activiteit, Rooster


def _roosters_prefetch() -> Prefetch:
    return Prefetch(
        "roosters",
        queryset=Rooster.objects.select_related("locatie__wijk").prefetch_related("uitzonderingen"),
    )


def activiteit_public_detail(*, slug: str, now=None) -> Activiteit | None:
    """A public activity with everything its page shows, in five queries; None if not public."""
    return (
        Activiteit.objects.public(now=now)
        .filter(slug=slug)
        .select_related("organisatie")
        .prefetch_related("terms", "wijken", _roosters_prefetch())
        .first()
    )


def activiteit_stopped(*, slug: str) -> Activiteit | None:
    """An approved activity that is paused or has ended, so its old links can say so."""
    return (
        Activiteit.objects.filter(
            slug=slug,
            moderatie=Moderatie.GOEDGEKEURD,
            status__in=[Status.GEPAUZEERD, Status.BEEINDIGD],
        )
        .only("name", "slug", "status")
        .first()
    )


def folder_activiteiten(*, wijk, now=None) -> QuerySet[Activiteit]:
    """Public activities that serve the wijk or all of Hilversum, ready for the folder."""
    serves_wijk = Activiteit.wijken.through.objects.filter(
        activiteit_id=OuterRef("pk"), wijk_id=wijk.pk
    )
    return (
        Activiteit.objects.public(now=now)
        .filter(Q(heel_hilversum=True) | Q(Exists(serves_wijk)))
        .select_related("organisatie")
        .prefetch_related(_roosters_prefetch())
        .order_by("name", "pk")
    )
