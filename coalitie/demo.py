"""Demo data of the coalitie app: the partners named in the Uitvoeringsagenda (appendix)."""

from django.utils.text import slugify

from .models import Organisatie

# (name, description). Descriptions only where the programme itself says what a partner does.
PARTNERS = [
    ("Gemeente Hilversum", "De gemeente is kartrekker van de aanpak van eenzaamheid."),
    ("Bibliotheek Hilversum", ""),
    ("De Verbinding", ""),
    ("Hilversummers.nl", ""),
    ("Leger des Heils", ""),
    ("Maatjesproject", "Brengt mensen met elkaar in contact als maatje."),
    ("MEE", ""),
    (
        "Present Hilversum",
        "Verbindt nieuwkomers en Nederlandse jongeren, onder meer met Friends4Friends.",
    ),
    (
        "Senver",
        "Stichting voor senioren: van wandelen en scrabbelen tot dagtochten en filosofiecursussen. "
        "De oudste leden krijgen huisbezoek, er is een maatjes-service en een cultuurkring.",
    ),
    (
        "Versa Welzijn",
        "Welzijnsorganisatie met onder meer jongerenwerk en huisbezoeken aan 75-plussers.",
    ),
    ("Versa vrijwilligerscentrale", ""),
    ("Jongerencoaching Caes Coacht", ""),
]


def seed() -> int:
    """Create the partner organisations that are missing; return how many were created."""
    created = 0
    for name, description in PARTNERS:
        _org, was_created = Organisatie.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "description": description}
        )
        created += was_created
    return created
