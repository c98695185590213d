"""Demo data of the coalition: every local organisation the two source documents name.

Sources: the Uitvoeringsagenda Eenzaamheid 2024–2030 (its appendix lists the partners that made
the agenda: they are the kerngroep, with the municipality as kartrekker) and the 2017 letter
"Stand van zaken eenzaamheidsbestrijding" (the organisations at the 2016 meeting and the
networks per wijk: schilpartners here). Descriptions say only what those documents say; where
they say nothing, the description stays empty. Slugs match the sociale kaart's demo data.

Left out on purpose: national bodies (ministerie van VWS and its programme Eén tegen
Eenzaamheid, Coalitie Kom Erbij, de Nationale Coalitie tegen Eenzaamheid, Movisie, RIVM, CBS),
which are not local partners; roles rather than organisations (buurtcoördinatoren,
wijkverpleegkundigen: they work for the municipality and Hilverzorg); methods (Welzijn op
Recept); and buildings (Huis van de Buurt, Sint Joseph, de Kruisdam, the Bethlehemkerk: the
sociale kaart has them as locations).

Meetings, trainings, contact persons and ambassadors are made up to show the werkruimte: every
person's name ends in "(voorbeeld)", and every meeting and training says it is an example.
"""

from dataclasses import dataclass
from datetime import date, time

from .constants import BijeenkomstSoort, Doelgroep, Rol, Sector

# The kerngroep shaped the Week tegen Eenzaamheid from June 2023 under the municipality's lead.
KERNGROEP_SINCE = date(2023, 6, 1)
# The programme starts the local coalition in 2024.
SCHIL_SINCE = date(2024, 1, 1)
KERNGROEP_COMMITMENT = (
    "Dacht in 2023 mee over de uitvoeringsagenda eenzaamheid en denkt als kerngroep mee over de "
    "aanpak."
)
EXAMPLE_NOTE = "Dit is een voorbeeld: datum, plaats en inhoud zijn verzonnen."


@dataclass(frozen=True)
class DemoPartner:
    slug: str
    name: str
    role: str
    sector: str
    description: str = ""
    commitment: str = ""
    signalling: bool = False
    wijken: tuple[str, ...] = ()


def _kern(slug, name, sector, description="", signalling=False) -> DemoPartner:
    return DemoPartner(
        slug, name, Rol.KERNGROEP, sector, description, KERNGROEP_COMMITMENT, signalling
    )


def _schil(slug, name, sector, description="", signalling=False, wijken=()) -> DemoPartner:
    return DemoPartner(slug, name, Rol.SCHILPARTNER, sector, description, "", signalling, wijken)


DEMO_PARTNERS = [
    DemoPartner(
        "gemeente-hilversum",
        "Gemeente Hilversum",
        Rol.KARTREKKER,
        Sector.GEMEENTE,
        "De gemeente is kartrekker van de aanpak van eenzaamheid.",
        "Trekt de aanpak in de eerste jaren: bewaakt de voortgang, brengt de coalitie bij elkaar "
        "en organiseert de Week tegen Eenzaamheid. De wijkregisseurs en buurtcoördinatoren "
        "doen mee.",
        signalling=True,
    ),
    # The appendix "Betrokken partners uitvoeringsagenda".
    _kern("bibliotheek-hilversum", "Bibliotheek Hilversum", Sector.CULTUUR),
    # The programme does not say what De Verbinding and Hilversummers.nl do.
    _kern("de-verbinding", "De Verbinding", Sector.OVERIG),
    _kern("hilversummersnl", "Hilversummers.nl", Sector.OVERIG),
    _kern("leger-des-heils", "Leger des Heils", Sector.ZORG_WELZIJN),
    _kern(
        "maatjesproject",
        "Maatjesproject",
        Sector.VRIJWILLIGERS,
        "Brengt mensen met elkaar in contact als maatje.",
    ),
    _kern("mee", "MEE", Sector.ZORG_WELZIJN, signalling=True),
    _kern(
        "present-hilversum",
        "Present Hilversum",
        Sector.VRIJWILLIGERS,
        "Verbindt nieuwkomers en Nederlandse jongeren, onder meer met Friends4Friends.",
    ),
    _kern(
        "senver",
        "Senver",
        Sector.ZELFORGANISATIE,
        "Stichting voor senioren: van wandelen en scrabbelen tot dagtochten en filosofiecursussen. "
        "De oudste leden krijgen huisbezoek, er is een maatjes-service en een cultuurkring.",
        signalling=True,
    ),
    _kern(
        "versa-welzijn",
        "Versa Welzijn",
        Sector.ZORG_WELZIJN,
        "Welzijnsorganisatie met onder meer jongerenwerk en huisbezoeken aan 75-plussers.",
        signalling=True,
    ),
    _kern("versa-vrijwilligerscentrale", "Versa vrijwilligerscentrale", Sector.VRIJWILLIGERS),
    _kern("jongerencoaching-caes-coacht", "Jongerencoaching Caes Coacht", Sector.ZORG_WELZIJN),
    # Named elsewhere in the programme.
    _schil(
        "de-luisterlijn",
        "De Luisterlijn",
        Sector.VRIJWILLIGERS,
        "Vrijwilligers bieden dag en nacht een luisterend oor.",
    ),
    _schil(
        "buurtmobi-kerkelanden",
        "Buurtmobi Kerkelanden",
        Sector.MOBILITEIT,
        "Bewonersinitiatief: vrijwilligers rijden ouderen uit Kerkelanden in een elektrische "
        "shuttle.",
        signalling=True,  # the drivers notice loneliness on the way and act on it
        wijken=("noordoost",),
    ),
    _schil(
        "buitenplaats-de-hoorneboeg",
        "Buitenplaats De Hoorneboeg",
        Sector.CULTUUR,
        "Nodigt jongeren uit om taboeonderwerpen zoals eenzaamheid bespreekbaar te maken.",
        wijken=("landelijk-gebied",),
    ),
    _schil(
        "stichting-get-it-done",
        "Stichting Get it Done",
        Sector.ZORG_WELZIJN,
        "Organiseert met Buitenplaats De Hoorneboeg het Uit de Schaduw Festival over mentale "
        "gezondheid van jongeren.",
    ),
    # The 2017 letter: the organisations at the meeting of late 2016.
    _schil("ggz-centraal", "GGZ Centraal", Sector.ZORG_WELZIJN),
    _schil("sherpa", "Sherpa", Sector.ZORG_WELZIJN),
    _schil("hilverzorg", "Hilverzorg", Sector.ZORG_WELZIJN, signalling=True),
    _schil(
        "ggd-gooi-en-vechtstreek",
        "GGD Gooi en Vechtstreek",
        Sector.GEMEENTE,
        "Onderzoekt de gezondheid van inwoners, ook hoe eenzaam zij zich voelen.",
    ),
    _schil("de-alliantie", "De Alliantie", Sector.WONINGCORPORATIE, signalling=True),
    _schil("zorgmies", "Zorgmies", Sector.ZORG_WELZIJN),
    _schil("tergooi", "Tergooi", Sector.ZORG_WELZIJN),
    _schil(
        "huisartsen-hilversum",
        "Huisartsen in Hilversum",
        Sector.ZORG_WELZIJN,
        "De huisarts is vaak de eerste die klachten door eenzaamheid ziet.",
        signalling=True,
    ),
    _schil(
        "sociaal-plein",
        "Sociaal Plein",
        Sector.GEMEENTE,
        "Heeft namens de gemeente contact met de huisartsen over eenzaamheid.",
        signalling=True,
    ),
    _schil("politie", "Politie", Sector.GEMEENTE, signalling=True, wijken=("centrum",)),
    _schil("inovum", "Inovum", Sector.ZORG_WELZIJN, wijken=("noordoost",)),
    _schil("amaris", "Amaris", Sector.ZORG_WELZIJN, wijken=("noordoost",)),
    # The 2017 letter: networks and initiatives per wijk.
    _schil(
        "zorgnetwerk-centrum",
        "Zorgnetwerk Centrum",
        Sector.ZORG_WELZIJN,
        "Netwerk rond de buurtwerker van Versa en de wijkverpleegkundige van Hilverzorg, met "
        "politie, buurtcoördinator, huisartsen en Sociaal Plein.",
        wijken=("centrum",),
    ),
    _schil(
        "wijk-en-zorgnetwerk-riebeeck",
        "Wijk- en Zorgnetwerk Riebeeck",
        Sector.ZORG_WELZIJN,
        "Netwerk in Zuidoost met onder meer Versa, MEE, de buurtcoördinator en "
        "wijkverpleegkundigen.",
        wijken=("zuidoost",),
    ),
    _schil(
        "zorgnetwerk-zuid",
        "Zorgnetwerk Zuid",
        Sector.ZORG_WELZIJN,
        "Netwerk van wijkverpleegkundigen, Versa en de buurtcoördinator in Hilversum Zuid.",
        wijken=("zuid",),
    ),
    _schil(
        "heikracht",
        "Heikracht",
        Sector.BEWONERS,
        "Bewonersorganisatie in Hilversum Zuid.",
        wijken=("zuid",),
    ),
    _schil(
        "riksja-vrijwilligers-zuid",
        "Riksja-vrijwilligers Zuid",
        Sector.MOBILITEIT,
        "Vrijwilligers fietsen inwoners die zelf niet meer kunnen fietsen rond in een riksja.",
        wijken=("zuid",),
    ),
    _schil(
        "zorgnetwerk-noordwest",
        "Zorgnetwerk Noordwest",
        Sector.ZORG_WELZIJN,
        "Netwerk van Versa, Hilverzorg, MEE en de buurtcoördinator, met achttien ketenpartners.",
        wijken=("noordwest",),
    ),
    _schil(
        "stichting-hilversumse-meent",
        "Stichting Hilversumse Meent",
        Sector.BEWONERS,
        "Buurtorganisatie die samen met andere Meentorganisaties activiteiten organiseert.",
        wijken=("hilversumse-meent",),
    ),
    _schil("meentwerf", "Meentwerf", Sector.BEWONERS, wijken=("hilversumse-meent",)),
    _schil(
        "kinderboerderij-hilversumse-meent",
        "Kinderboerderij Hilversumse Meent",
        Sector.BEWONERS,
        wijken=("hilversumse-meent",),
    ),
    _schil(
        "wandelmeent-centraal-wonen",
        "Wandelmeent (Centraal Wonen)",
        Sector.BEWONERS,
        wijken=("hilversumse-meent",),
    ),
    _schil(
        "hoost",
        "HOOST",
        Sector.ZORG_WELZIJN,
        "Netwerk in Hilversum Oost met de buurtcoördinator, MEE, Sherpa, Hilverzorg en Versa.",
        wijken=("oost",),
    ),
    _schil(
        "wijkcentrum-lopes-dias",
        "Wijkcentrum Lopes Dias",
        Sector.BEWONERS,
        "Wijkcentrum in Noordoost. Inwoners en vrijwilligers organiseren er de hele week "
        "activiteiten.",
        wijken=("noordoost",),
    ),
    _schil(
        "gezamenlijke-kerken-noordoost",
        "Gezamenlijke kerken Noordoost",
        Sector.GELOOF,
        "De kerken in Noordoost organiseren samen elke maand een maaltijd voor de buurt.",
        signalling=True,
        wijken=("noordoost",),
    ),
]

# The programme's appendix, as (name, description): the partners that made the agenda.
PARTNERS = [(p.name, p.description) for p in DEMO_PARTNERS if p.role != Rol.SCHILPARTNER]

# (organisation slug, name, function): fictional contact persons.
CONTACTPERSONEN = [
    ("gemeente-hilversum", "Karin de Vries (voorbeeld)", "Kartrekker aanpak eenzaamheid"),
    ("versa-welzijn", "Sanne Bakker (voorbeeld)", "Buurtwerker"),
    ("senver", "Henk Visser (voorbeeld)", "Coördinator vrijwilligers"),
    ("bibliotheek-hilversum", "Fatima El Amrani (voorbeeld)", "Adviseur digitale vaardigheden"),
    ("mee", "Joost Mulder (voorbeeld)", "Consulent"),
    ("present-hilversum", "Lisa de Jong (voorbeeld)", "Coördinator"),
]


@dataclass(frozen=True)
class DemoBijeenkomst:
    title: str
    kind: str
    date: date
    start: time
    end: time
    place: str
    agenda: str
    public: bool = False
    minutes: str = ""
    # (organisation slug, person name or "")
    aanwezig: tuple[tuple[str, str], ...] = ()


_KERN_AANWEZIG = (
    ("gemeente-hilversum", "Karin de Vries (voorbeeld)"),
    ("versa-welzijn", "Sanne Bakker (voorbeeld)"),
    ("senver", "Henk Visser (voorbeeld)"),
    ("mee", ""),
    ("present-hilversum", ""),
    ("bibliotheek-hilversum", ""),
)

BIJEENKOMSTEN = [
    DemoBijeenkomst(
        "Start van de lokale coalitie",
        BijeenkomstSoort.COALITIE,
        date(2024, 4, 16),
        time(15, 0),
        time(17, 0),
        "Raadhuis Hilversum",
        "Kennismaken. Wat doet ieder al tegen eenzaamheid? Afspraken voor 2024.",
        minutes="De partners vertelden over hun aanbod. Afgesproken: twee keer per jaar bij "
        "elkaar komen en samen de Week tegen Eenzaamheid voorbereiden.",
        aanwezig=(*_KERN_AANWEZIG, ("de-luisterlijn", ""), ("maatjesproject", "")),
    ),
    DemoBijeenkomst(
        "Netwerkdiner in de Week tegen Eenzaamheid",
        BijeenkomstSoort.NETWERKDINER,
        date(2024, 9, 30),
        time(18, 0),
        time(21, 0),
        "Wijkcentrum Lopes Dias",
        "Samen eten en elkaars aanbod leren kennen.",
        aanwezig=(*_KERN_AANWEZIG, ("wijkcentrum-lopes-dias", ""), ("hilverzorg", "")),
    ),
    DemoBijeenkomst(
        "Symposium eenzaamheid in de Week tegen Eenzaamheid",
        BijeenkomstSoort.KENNISSESSIE,
        date(2024, 10, 1),
        time(13, 30),
        time(17, 0),
        "Bibliotheek Hilversum",
        "Wat werkt tegen eenzaamheid? Een spreker, een ervaringsdeskundige en gesprekken in "
        "kleine groepen.",
        public=True,
        aanwezig=(
            *_KERN_AANWEZIG,
            ("huisartsen-hilversum", ""),
            ("de-alliantie", ""),
            ("gezamenlijke-kerken-noordoost", ""),
        ),
    ),
    DemoBijeenkomst(
        "Bijeenkomst van de coalitie, najaar",
        BijeenkomstSoort.COALITIE,
        date(2024, 11, 19),
        time(15, 0),
        time(17, 0),
        "Raadhuis Hilversum",
        "Terugblik op de Week tegen Eenzaamheid. Eerste training signaleren. Ambassadeurs.",
        aanwezig=_KERN_AANWEZIG,
    ),
    DemoBijeenkomst(
        "Bijeenkomst van de coalitie, voorjaar",
        BijeenkomstSoort.COALITIE,
        date(2025, 4, 15),
        time(15, 0),
        time(17, 0),
        "Raadhuis Hilversum",
        "Halfjaarlijkse evaluatie. Plannen voor de Week tegen Eenzaamheid 2025.",
    ),
]


@dataclass(frozen=True)
class DemoTraining:
    title: str
    date: date
    trainer: str
    audience: str
    place: str
    # (name, organisation slug, function, becomes ambassador)
    deelnemers: tuple[tuple[str, str, str, bool], ...] = ()


TRAININGEN = [
    DemoTraining(
        "Eenzaamheid herkennen en bespreekbaar maken",
        date(2024, 11, 12),
        "Trainer van de gemeente (voorbeeld)",
        Doelgroep.PROFESSIONALS,
        "Bibliotheek Hilversum",
        (
            ("Sanne Bakker (voorbeeld)", "versa-welzijn", "Buurtwerker", True),
            ("Joost Mulder (voorbeeld)", "mee", "Consulent", True),
            ("Noor Hendriks (voorbeeld)", "hilverzorg", "Wijkverpleegkundige", False),
            ("Peter van Dijk (voorbeeld)", "de-alliantie", "Huismeester", False),
        ),
    ),
    DemoTraining(
        "Signalen van eenzaamheid: training voor vrijwilligers",
        date(2025, 2, 11),
        "Trainer van de gemeente (voorbeeld)",
        Doelgroep.VRIJWILLIGERS,
        "Wijkcentrum Lopes Dias",
        (
            ("Ans Koster (voorbeeld)", "buurtmobi-kerkelanden", "Chauffeur", True),
            ("Mohamed Yilmaz (voorbeeld)", "senver", "Vrijwilliger huisbezoek", False),
        ),
    ),
]

# (name, organisation slug, since): ambassadors from the kerngroep, without a training yet.
AMBASSADEURS = [
    ("Karin de Vries (voorbeeld)", "gemeente-hilversum", date(2024, 4, 16)),
    ("Henk Visser (voorbeeld)", "senver", date(2024, 4, 16)),
]
