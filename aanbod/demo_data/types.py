"""Building blocks of the demo data: a schedule (Tijd) and an activity (Demo)."""

from dataclasses import dataclass
from decimal import Decimal

from ..constants import Aanmelding, Herhaling


@dataclass(frozen=True)
class Tijd:
    """One schedule. Days are the short Dutch codes of DAG_CODES ("ma" … "zo")."""

    herhaling: str
    dagen: tuple[str, ...]
    van: str
    tot: str | None = None
    waar: str | None = None  # a key of LOCATIES
    week: int | None = None  # for MAANDELIJKS: 1–4, or -1 for the last
    datum: tuple[int, int] | None = None  # for EENMALIG: (month, day), the next one is used
    pauze: tuple[tuple[int, int], tuple[int, int], str] | None = None  # (from, to, reason)


def wekelijks(*dagen, van, tot=None, waar=None, pauze=None) -> Tijd:
    return Tijd(Herhaling.WEKELIJKS, dagen, van, tot, waar, pauze=pauze)


def tweewekelijks(*dagen, van, tot=None, waar=None) -> Tijd:
    return Tijd(Herhaling.TWEEWEKELIJKS, dagen, van, tot, waar)


def maandelijks(week, dag, *, van, tot=None, waar=None) -> Tijd:
    return Tijd(Herhaling.MAANDELIJKS, (dag,), van, tot, waar, week=week)


def eenmalig(maand, dag, *, van, tot=None, waar=None) -> Tijd:
    return Tijd(Herhaling.EENMALIG, (), van, tot, waar, datum=(maand, dag))


@dataclass(frozen=True)
class Demo:
    slug: str
    name: str
    org: str  # slug of the organisation
    kort: str
    tekst: str
    doelgroep: tuple[str, ...] = ("iedereen",)
    soort: tuple[str, ...] = ("sociaal",)
    type: tuple[str, ...] = ("ontmoeting",)
    taal: tuple[str, ...] = ("nl",)
    vorm: tuple[str, ...] = ("op-locatie",)
    wijken: tuple[str, ...] = ()
    heel: bool = False  # for all of Hilversum
    tijden: tuple[Tijd, ...] = ()
    tijden_bekend: bool = False  # False: the documents give no times, ours are an example
    kosten: Decimal | None = None  # None: free
    kosten_uitleg: str = ""
    aanmelding: str = Aanmelding.NIET_NODIG
    aanmelding_uitleg: str = ""
    min_age: int | None = None
    max_age: int | None = None
    telefoon: str = ""
    email: str = ""
    wat_werkt_url: str = ""
    voorbeeld: bool = False  # made up entirely


KERSTVAKANTIE = ((12, 21), (1, 3), "kerstvakantie")
MOVISIE_WAT_WERKT = (
    "https://www.movisie.nl/sites/movisie.nl/files/2020-02/wat-werkt-eenzaamheid-dossier-2020.pdf"
)
VRAAG_KOSTEN = "Vraag de organisatie of er kosten zijn."
