"""What the portal stores about people, why, for how long and who sees it: in ONE place.

The public privacy statement (/privacy/) and the staff's processing register
(verwerkingsregister) are both rendered from `categorieen()`. The retention periods come from
the settings the retention job reads (MELDPUNT_RETENTION_CONTACT_DAYS, MELDPUNT_RETENTION_DAYS)
and the session settings, at the moment of the request, so neither page can drift from what
the code does. tests/pijlers/test_privacy_register.py holds the register to the models and to
the retention job.

Data without a job that removes it says so (`open_punt`): the register is where that shows.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# The meldpunt's thank-you page cookie (meldpunt.views.BEDANKT_MAX_AGE, checked by a test):
# pijlers does not import the meldpunt.
BEDANKT_COOKIE_HOURS = 24


@dataclass(frozen=True)
class Categorie:
    """One kind of personal data: one row of the register, one block of the statement."""

    key: str
    groep: str  # the statement's heading it falls under
    naam: str
    betrokkenen: str  # whose data it is
    gegevens: tuple[str, ...]
    doel: str
    grondslag: str
    bewaartermijn: str
    ontvangers: str
    bijzonder: bool = False  # data about health or private life: extra care
    open_punt: str = ""  # what is not yet arranged (staff register only)


@dataclass(frozen=True)
class Groep:
    titel: str
    categorieen: list[Categorie]


def _dagen(n: int) -> str:
    return ngettext("%(n)s dag", "%(n)s dagen", n) % {"n": n}


def _minuten(n: int) -> str:
    return ngettext("%(n)s minuut", "%(n)s minuten", n) % {"n": n}


def _uren(n: int) -> str:
    return ngettext("%(n)s uur", "%(n)s uur", n) % {"n": n}


def _duur(seconds: int) -> str:
    if seconds % 86400 == 0:
        return _dagen(seconds // 86400)
    if seconds % 3600 == 0:
        return _uren(seconds // 3600)
    return _minuten(max(seconds // 60, 1))


def _sessie_termijn() -> str:
    """How long a staff session lasts, in words, from the settings that decide it."""
    parts = [_("als u uitlogt")]
    if getattr(settings, "SESSION_EXPIRE_AT_BROWSER_CLOSE", False):
        parts.append(_("als u de browser sluit"))
    idle = getattr(settings, "STAFF_IDLE_SECONDS", None)
    if idle:
        parts.append(_("na %(duur)s zonder activiteit") % {"duur": _duur(idle)})
    parts.append(_("uiterlijk na %(duur)s") % {"duur": _duur(settings.SESSION_COOKIE_AGE)})
    return _("Het inlogcookie vervalt %(wanneer)s.") % {"wanneer": ", ".join(parts)}


def _meldpunt() -> list[Categorie]:
    contact = settings.MELDPUNT_RETENTION_CONTACT_DAYS
    days = settings.MELDPUNT_RETENTION_DAYS
    groep = _("Als u een melding doet")
    grondslag = _(
        "Taak van algemeen belang (AVG artikel 6 lid 1 e): maatschappelijke ondersteuning "
        "volgens de Wmo 2015. Gegevens over gezondheid: AVG artikel 9 lid 2 h."
    )
    team = _(
        "Het buurtteam van de wijk. De coördinator van het meldpunt bij meldingen zonder "
        "buurtteam en bij een verzoek van u over uw gegevens. Wie iets bekijkt, staat in het "
        "inzage-log."
    )
    rest = _(
        "Wij verwijderen deze gegevens na %(dagen)s, gerekend vanaf het afsluiten van de "
        "melding. Zolang de melding open is, blijven ze bewaard."
    ) % {"dagen": _dagen(days)}
    return [
        Categorie(
            key="meldpunt-betrokkene",
            groep=groep,
            naam=_("Melding: de persoon over wie de melding gaat"),
            betrokkenen=_("Inwoners over wie een melding is gedaan, of die over zichzelf melden"),
            gegevens=(
                _("naam"),
                _("adres (straat, postcode, huisnummer) en wijk"),
                _("telefoonnummer en e-mailadres"),
                _("wat de melder merkt (signalen) en de toelichting"),
                _("of de persoon van de melding weet"),
            ),
            doel=_("Contact opnemen en samen kijken wat kan helpen tegen eenzaamheid."),
            grondslag=grondslag,
            bewaartermijn=rest,
            ontvangers=team,
            bijzonder=True,
        ),
        Categorie(
            key="meldpunt-melder",
            groep=groep,
            naam=_("Melding: wie de melding doet"),
            betrokkenen=_("Inwoners, buren, familie en professionals die een melding doen"),
            gegevens=(
                _("soort melder (bijvoorbeeld buur of huisarts)"),
                _("naam, telefoonnummer en e-mailadres, als u die geeft"),
            ),
            doel=_(
                "U een bevestiging sturen, u laten weten wat er met de melding gebeurt, en u "
                "iets kunnen vragen. U mag ook anoniem melden."
            ),
            grondslag=grondslag,
            bewaartermijn=_(
                "Wij verwijderen de contactgegevens van de melder %(dagen)s nadat de melding "
                "is afgesloten. De soort melder blijft voor de cijfers."
            )
            % {"dagen": _dagen(contact)},
            ontvangers=team,
        ),
        Categorie(
            key="meldpunt-werk",
            groep=groep,
            naam=_("Melding: het werk van het buurtteam"),
            betrokkenen=_("Inwoners over wie een melding is gedaan"),
            gegevens=(
                _("notities"),
                _("contactpogingen met uitleg"),
                _("verwijzingen naar activiteiten of organisaties met uitleg"),
                _("de stappen van de melding met de reden"),
                _("e-mails van het meldpunt (adres en tekst)"),
            ),
            doel=_("Bijhouden wat het buurtteam doet, zodat niemand wordt vergeten."),
            grondslag=grondslag,
            bewaartermijn=rest,
            ontvangers=team,
            bijzonder=True,
        ),
        Categorie(
            key="meldpunt-cijfers",
            groep=groep,
            naam=_("Cijfers over meldingen"),
            betrokkenen=_("Niemand meer: er staan geen namen of adressen in"),
            gegevens=(
                _("wijk, datums, soort melder, signalen, status, uitkomst, soort verwijzing"),
            ),
            doel=_("Zien of de aanpak werkt, per wijk en door de tijd heen."),
            grondslag=grondslag,
            bewaartermijn=_("Blijven bewaard, zonder namen of adressen."),
            ontvangers=_(
                "De kartrekker, de coördinator van het meldpunt en de kerngroep, alleen als "
                "aantallen. Aantallen onder de 5 tonen wij niet, zodat niemand te herkennen is."
            ),
        ),
    ]


def _tot_verwijderd(wie: str) -> str:
    return _("Tot %(wie)s ze verwijdert.") % {"wie": wie}


def _samenwerking() -> list[Categorie]:
    groep = _("Als uw organisatie meedoet")
    kartrekker = _("de kartrekker")
    belang = _(
        "Taak van algemeen belang (AVG artikel 6 lid 1 e): de gemeente voert de aanpak "
        "eenzaamheid uit, samen met partners."
    )
    return [
        Categorie(
            key="coalitie-contactpersonen",
            groep=groep,
            naam=_("Contactpersonen van partners in de coalitie"),
            betrokkenen=_("Medewerkers en vrijwilligers van partnerorganisaties"),
            gegevens=(_("naam en functie"), _("e-mailadres en telefoonnummer"), _("organisatie")),
            doel=_("Partners uitnodigen en bereiken voor de samenwerking tegen eenzaamheid."),
            grondslag=belang,
            bewaartermijn=_tot_verwijderd(kartrekker),
            ontvangers=_(
                "De kartrekker ziet alles. De kerngroep ziet naam, functie en organisatie, "
                "geen e-mailadres of telefoonnummer."
            ),
        ),
        Categorie(
            key="coalitie-aanmeldingen",
            groep=groep,
            naam=_("Aanmeldingen van nieuwe partners"),
            betrokkenen=_("Contactpersonen van organisaties die mee willen doen"),
            gegevens=(
                _("naam van de organisatie en de contactpersoon"),
                _("e-mailadres en telefoonnummer"),
                _("wat de organisatie wil bijdragen"),
            ),
            doel=_("Contact opnemen over meedoen met de coalitie."),
            grondslag=belang,
            bewaartermijn=_tot_verwijderd(_("de beheerder")),
            ontvangers=_("De kartrekker."),
            open_punt=_("Nog geen vaste bewaartermijn: afgehandelde aanmeldingen blijven staan."),
        ),
        Categorie(
            key="coalitie-deelname",
            groep=groep,
            naam=_("Aanwezigen, deelnemers aan trainingen en ambassadeurs"),
            betrokkenen=_("Mensen van partners die naar bijeenkomsten en trainingen komen"),
            gegevens=(_("naam, functie en organisatie"), _("welke bijeenkomst of training")),
            doel=_("Bijhouden wie meedoet, en tellen hoeveel mensen de aanpak bereikt."),
            grondslag=belang,
            bewaartermijn=_tot_verwijderd(kartrekker),
            ontvangers=_("De kartrekker en de kerngroep."),
        ),
        Categorie(
            key="evaluatie-beoordelingen",
            groep=groep,
            naam=_("Beoordelingen in de halfjaarlijkse evaluatie"),
            betrokkenen=_("Leden van de kerngroep"),
            gegevens=(
                _("cijfers voor resultaten, proces en samenwerking"),
                _("toelichting"),
                _("wie de beoordeling gaf en voor welke organisatie"),
            ),
            doel=_("Samen met de kerngroep beoordelen hoe de aanpak gaat, elk half jaar."),
            grondslag=belang,
            bewaartermijn=_("Blijven bewaard bij de evaluatie, als verslag van de aanpak."),
            ontvangers=_("De kartrekker en de kerngroep."),
            open_punt=_("Nog geen vaste bewaartermijn."),
        ),
        Categorie(
            key="aanbod-contact",
            groep=groep,
            naam=_("Contactgegevens bij activiteiten op de sociale kaart"),
            betrokkenen=_("Contactpersonen van aanbieders van activiteiten"),
            gegevens=(_("naam van de contactpersoon"), _("e-mailadres en telefoonnummer")),
            doel=_("Inwoners kunnen contact opnemen over een activiteit."),
            grondslag=_(
                "Taak van algemeen belang (AVG artikel 6 lid 1 e); de aanbieder kiest zelf "
                "welke contactgegevens hij openbaar maakt."
            ),
            bewaartermijn=_tot_verwijderd(_("de aanbieder of de kartrekker")),
            ontvangers=_("Iedereen: deze gegevens staan openbaar op de sociale kaart."),
            open_punt=_(
                "De geschiedenis van wijzigingen bewaart oude contactgegevens zonder termijn."
            ),
        ),
    ]


def _inwoners() -> list[Categorie]:
    return [
        Categorie(
            key="aanbod-correcties",
            groep=_("Als u een fout in het aanbod meldt"),
            naam=_("Meldingen van fouten in het aanbod"),
            betrokkenen=_("Inwoners die een fout melden"),
            gegevens=(_("uw bericht"), _("uw e-mailadres, als u dat invult")),
            doel=_(
                "De fout herstellen, en u antwoorden als u dat wilt. Uw IP-adres bewaren wij niet."
            ),
            grondslag=_("Taak van algemeen belang (AVG artikel 6 lid 1 e)."),
            bewaartermijn=_tot_verwijderd(_("de beheerder")),
            ontvangers=_("De kartrekker."),
            open_punt=_("Nog geen vaste bewaartermijn: afgehandelde berichten blijven staan."),
        ),
        Categorie(
            key="verhalen",
            groep=_("Verhalen over de aanpak"),
            naam=_("Verhalen"),
            betrokkenen=_("Inwoners en partners over wie een verhaal gaat"),
            gegevens=(_("titel en tekst van het verhaal"), _("wijk")),
            doel=_("Laten zien wat de aanpak betekent voor mensen."),
            grondslag=_("Toestemming (AVG artikel 6 lid 1 a): alleen met toestemming openbaar."),
            bewaartermijn=_tot_verwijderd(_("de kartrekker")),
            ontvangers=_(
                "De kartrekker en de kerngroep. Iedereen, als de persoon toestemming gaf."
            ),
        ),
    ]


def _medewerkers() -> list[Categorie]:
    groep = _("Als u inlogt als medewerker")
    return [
        Categorie(
            key="accounts",
            groep=groep,
            naam=_("Accounts van medewerkers"),
            betrokkenen=_("Medewerkers van de gemeente, buurtteams, kerngroep en aanbieders"),
            gegevens=(
                _("naam, e-mailadres, rol en organisatie"),
                _("de sleutel van de tweede inlogstap (app en reservecodes)"),
                _("mislukte inlogpogingen (accountnaam, IP-adres, browser), tegen inbraak"),
                _("een cookie dat bijhoudt dat u bent ingelogd"),
            ),
            doel=_("Alleen de juiste mensen kunnen bij de gegevens die bij hun werk horen."),
            grondslag=_("Taak van algemeen belang en beveiliging (AVG artikel 6 lid 1 e en 32)."),
            bewaartermijn=_(
                "Zolang het account bestaat. Mislukte inlogpogingen verwijderen wij na "
                "%(pogingen)s. %(sessie)s"
            )
            % {
                "pogingen": _dagen(settings.LOGIN_FAILURE_RETENTION_DAYS),
                "sessie": _sessie_termijn(),
            },
            ontvangers=_("De technisch beheerder."),
        ),
        Categorie(
            key="inzage-log",
            groep=groep,
            naam=_("Inzage-log van het meldpunt"),
            betrokkenen=_("Medewerkers die een melding openen of downloaden"),
            gegevens=(_("welke medewerker, welke melding (alleen nummers), wanneer, wat"),),
            doel=_("Controleren dat niemand meldingen bekijkt die niet bij zijn werk horen."),
            grondslag=_("Beveiliging (AVG artikel 32)."),
            bewaartermijn=_(
                "Zolang de melding bestaat. De melding blijft zonder persoonsgegevens bestaan "
                "voor de cijfers."
            ),
            ontvangers=_(
                "De coördinator van het meldpunt ziet alles. Een buurtteam ziet wie de "
                "meldingen van het eigen team heeft bekeken."
            ),
            open_punt=_("Nog geen vaste bewaartermijn voor het log zelf."),
        ),
        Categorie(
            key="avg-verzoeken",
            groep=groep,
            naam=_("Verzoeken over persoonsgegevens"),
            betrokkenen=_("Inwoners die vragen om inzage of verwijdering; de coördinator"),
            gegevens=(
                _("wie zocht en wanneer"),
                _("op welke soort gegeven (naam, e-mail, telefoon, adres), niet wat is ingevuld"),
                _("welke meldingen zijn gevonden, bekeken, gedownload of gewist"),
            ),
            doel=_("Kunnen laten zien dat een verzoek goed is afgehandeld."),
            grondslag=_("Wettelijke plicht (AVG artikel 5 lid 2, 12, 15 en 17)."),
            bewaartermijn=_("Zolang de meldingen bestaan. De zoekgegevens zelf bewaren wij niet."),
            ontvangers=_("De coördinator van het meldpunt."),
            open_punt=_("Nog geen vaste bewaartermijn voor het log zelf."),
        ),
    ]


def _bezoekers() -> list[Categorie]:
    groep = _("Als u de website bekijkt")
    return [
        Categorie(
            key="cookies",
            groep=groep,
            naam=_("Cookies"),
            betrokkenen=_("Bezoekers van de website"),
            gegevens=(
                _("na een melding: het nummer van uw melding, alleen op uw eigen apparaat"),
                _("een cookie tegen misbruik van formulieren"),
            ),
            doel=_(
                "De website laten werken. Wij gebruiken geen cookies om u te volgen, geen "
                "advertenties en niets van andere bedrijven, zoals lettertypes of statistieken."
            ),
            grondslag=_("Nodig voor de werking van de website (Telecommunicatiewet 11.7a)."),
            # The language is in the address (/en/…), not in a cookie (issue #8).
            bewaartermijn=_("Het cookie met het nummer van uw melding vervalt na %(duur)s.")
            % {"duur": _uren(BEDANKT_COOKIE_HOURS)},
            ontvangers=_("Niemand: de cookies blijven op uw eigen apparaat."),
        ),
        Categorie(
            key="zelftest",
            groep=groep,
            naam=_("Zelftest eenzaamheid"),
            betrokkenen=_("Bezoekers die de zelftest doen"),
            gegevens=(_("niets: uw antwoorden worden niet bewaard"),),
            doel=_("U een uitslag geven met activiteiten die bij u passen."),
            grondslag=_("Geen gegevens, dus geen grondslag nodig."),
            bewaartermijn=_("Niet bewaard."),
            ontvangers=_("Niemand."),
        ),
    ]


def categorieen() -> list[Categorie]:
    """Every kind of personal data the portal holds, in the statement's order."""
    return [*_bezoekers(), *_meldpunt(), *_inwoners(), *_samenwerking(), *_medewerkers()]


def groepen() -> list[Groep]:
    """The categories under the statement's headings, in order of first appearance."""
    order: dict[str, list[Categorie]] = {}
    for categorie in categorieen():
        order.setdefault(categorie.groep, []).append(categorie)
    return [Groep(titel, items) for titel, items in order.items()]


# The controller and what holds for every category (register only).
def algemeen() -> dict[str, str]:
    return {
        "verantwoordelijke": _("Gemeente Hilversum, telefoon 14 035"),
        "doorgifte": _("Geen: alle gegevens blijven in de Europese Unie."),
        "beveiliging": _(
            "Inloggen in twee stappen, toegang per rol en per buurtteam, een inzage-log bij "
            "meldingen, versleutelde verbindingen, bewaartermijnen die de computer zelf "
            "uitvoert, en geen diensten van andere bedrijven in de website."
        ),
    }
