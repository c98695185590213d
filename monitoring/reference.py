"""Reference data of the GGD figures: the indicators, and the areas a file brings."""

from django.db import IntegrityError, transaction

from wijken.models import Buurt, Wijk

from .constants import (
    GGD_REGIO_CODE,
    HILVERSUM_CODE,
    INDICATORS,
    NEDERLAND_CODE,
    NIVEAU_RANK,
    RegioNiveau,
)
from .models import Indicator, Regio

# Names of the areas that are not in the wijken app. The data migration copies them.
FIXED_NAMES = {
    NEDERLAND_CODE: "Nederland",
    GGD_REGIO_CODE: "GGD-regio Gooi en Vechtstreek",
    HILVERSUM_CODE: "Hilversum",
}


def regio_get_or_create(*, code: str, niveau: str) -> Regio:
    """The area with this CBS code; created (named after the wijk or buurt) when it is new.

    A wijk area is linked to the portal's wijk with the same code, so figures and wijk pages
    meet. Buurten without a name in the wijken app are named by their code.
    """
    regio = Regio.objects.filter(code=code).first()
    if regio is not None:
        return regio
    wijk = Wijk.objects.filter(code=code).first() if niveau == RegioNiveau.WIJK else None
    name = FIXED_NAMES.get(code) or (wijk.name if wijk else "")
    if not name and niveau == RegioNiveau.BUURT:
        name = Buurt.objects.filter(code=code).values_list("name", flat=True).first() or ""
    regio = Regio(code=code, name=name or code, niveau=niveau, rank=NIVEAU_RANK[niveau], wijk=wijk)
    try:
        with transaction.atomic():
            regio.save()
    except IntegrityError:  # created by a parallel import in the meantime
        return Regio.objects.get(code=code)
    return regio


def indicators_ensure() -> dict[str, Indicator]:
    """The indicators of constants.INDICATORS by code, creating any that are missing.

    The data migration creates them; this keeps seeding working on a database that was
    emptied since. Existing indicators are left as they are (their texts may have been edited).
    """
    existing = {indicator.code: indicator for indicator in Indicator.objects.all()}
    for order, definition in enumerate(INDICATORS, start=1):
        if definition.code not in existing:
            existing[definition.code] = Indicator.objects.create(
                code=definition.code,
                name=definition.name,
                unit=definition.unit,
                definition=definition.definition,
                source=definition.source,
                lower_is_better=definition.lower_is_better,
                order=order,
            )
    return existing
