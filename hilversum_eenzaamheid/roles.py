"""The staff roles of the portal. Each role is a Django group, created by a data migration."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

KARTREKKER = "kartrekker"
MELDPUNT_COORDINATOR = "meldpunt-coordinator"
BUURTTEAM = "buurtteam"
KERNGROEP = "kerngroep"
AANBIEDER = "aanbieder"

ALL_ROLES = (KARTREKKER, MELDPUNT_COORDINATOR, BUURTTEAM, KERNGROEP, AANBIEDER)


@dataclass(frozen=True)
class Link:
    url_name: str
    label: str
    query: str = ""


@dataclass(frozen=True)
class Role:
    name: str
    label: str
    summary: str
    links: tuple[Link, ...] = ()


ROLES = {
    KARTREKKER: Role(
        KARTREKKER,
        _("Kartrekker"),
        _("U beheert de partners, de acties, het aanbod en de evaluaties van de aanpak."),
        (
            Link("aanbod:werkruimte_voorstellen", _("Voorstellen beoordelen")),
            Link("aanbod:werkruimte_list", _("Alle activiteiten")),
            Link("aanbod:werkruimte_list", _("Opnieuw controleren"), "?filter=controleren"),
            Link("aanbod:werkruimte_correcties", _("Correcties van inwoners")),
            Link("aanbod:werkruimte_dekking", _("Dekking per wijk")),
            Link("aanbod:werkruimte_locaties", _("Locaties")),
            Link("aanbod:werkruimte_create", _("Nieuwe activiteit toevoegen")),
            Link("aanbod:synoniemen", _("Zoekwoorden met dezelfde betekenis")),
            Link("meldpunt:werkruimte_cijfers", _("Cijfers van het meldpunt")),
            Link("monitoring:dashboard", _("Dashboard eenzaamheid")),
            Link("monitoring:evaluaties", _("Halfjaarlijkse evaluaties")),
            Link("monitoring:uitgaven", _("Uitgaven per actie")),
            Link("monitoring:import", _("GGD-cijfers inlezen")),
            Link("monitoring:cijfers", _("GGD-cijfers over eenzaamheid")),
            Link("coalitie_werkruimte:partners", _("Partners van de coalitie")),
            Link("coalitie_werkruimte:bijeenkomsten", _("Bijeenkomsten van de coalitie")),
            Link("coalitie_werkruimte:trainingen", _("Trainingen signaleren")),
            Link("coalitie_werkruimte:ambassadeurs", _("Ambassadeurs")),
            Link("coalitie_werkruimte:aanmeldingen", _("Aanmeldingen van nieuwe partners")),
            Link("pijlers_werkruimte:overzicht", _("Pijlers en acties")),
            Link("pijlers_werkruimte:tijdlijn", _("Tijdlijn van de acties")),
            Link("pijlers_werkruimte:verhalen", _("Verhalen")),
            Link("pijlers_werkruimte:paginas", _("Teksten op de website")),
            Link("pijlers_werkruimte:agenda", _("Agenda beheren")),
        ),
    ),
    MELDPUNT_COORDINATOR: Role(
        MELDPUNT_COORDINATOR,
        _("Coördinator meldpunt"),
        _("U verdeelt nieuwe meldingen over de buurtteams en bewaakt de termijnen."),
        (
            Link("meldpunt:werkruimte_triage", _("Triage: meldingen zonder buurtteam")),
            Link("meldpunt:werkruimte_list", _("Alle meldingen (stand van zaken)")),
            Link("meldpunt:werkruimte_cijfers", _("Cijfers van het meldpunt")),
            Link("meldpunt:staff_melding_new", _("Melding invoeren (telefoon of balie)")),
            Link("meldpunt:privacy_zoeken", _("Verzoeken over persoonsgegevens (AVG)")),
            Link("meldpunt:toegang_log", _("Inzage-log: wie heeft welke melding bekeken")),
        ),
    ),
    BUURTTEAM: Role(
        BUURTTEAM,
        _("Buurtteam"),
        _("U pakt de meldingen op van de wijk van uw buurtteam."),
        (
            Link("meldpunt:werkruimte_list", _("Meldingen van uw buurtteam")),
            Link("meldpunt:staff_melding_new", _("Melding invoeren (telefoon of balie)")),
            Link("meldpunt:toegang_log", _("Wie heeft de meldingen van uw team bekeken")),
        ),
    ),
    KERNGROEP: Role(
        KERNGROEP,
        _("Kerngroep"),
        _("U bekijkt de cijfers en beoordeelt de halfjaarlijkse evaluatie."),
        (
            Link("monitoring:dashboard", _("Dashboard eenzaamheid")),
            Link("monitoring:evaluaties", _("Halfjaarlijkse evaluaties: cijfers geven")),
            Link("monitoring:cijfers", _("GGD-cijfers over eenzaamheid")),
            Link("monitoring:import", _("Ingelezen GGD-bestanden")),
            Link("coalitie_werkruimte:partners", _("Partners van de coalitie")),
            Link("coalitie_werkruimte:bijeenkomsten", _("Bijeenkomsten van de coalitie")),
            Link("coalitie_werkruimte:trainingen", _("Trainingen signaleren")),
            Link("coalitie_werkruimte:ambassadeurs", _("Ambassadeurs")),
            Link("pijlers_werkruimte:overzicht", _("Pijlers en acties")),
            Link("pijlers_werkruimte:tijdlijn", _("Tijdlijn van de acties")),
            Link("pijlers_werkruimte:verhalen", _("Verhalen")),
        ),
    ),
    AANBIEDER: Role(
        AANBIEDER,
        _("Aanbieder"),
        _("U houdt de activiteiten van uw organisatie op de sociale kaart actueel."),
        (
            Link("aanbod:werkruimte_list", _("Uw activiteiten op de sociale kaart")),
            Link("aanbod:werkruimte_create", _("Nieuwe activiteit toevoegen")),
            Link("aanbod:werkruimte_locaties", _("Locaties")),
        ),
    ),
}


def role_names(user) -> frozenset[str]:
    """Names of the user's groups, read once per user object (one query per request)."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_role_names"):
        user._role_names = frozenset(user.groups.values_list("name", flat=True))
    return user._role_names


def user_roles(user) -> list[Role]:
    """The roles of a user, in the fixed order of ALL_ROLES."""
    names = role_names(user)
    return [ROLES[name] for name in ALL_ROLES if name in names]


def has_role(user, *names: str) -> bool:
    return bool(role_names(user) & set(names))


def is_staff_user(user) -> bool:
    """Staff are users with a role, and superusers."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or has_role(user, *ALL_ROLES)
