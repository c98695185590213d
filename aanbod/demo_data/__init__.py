"""The demo activities of the sociale kaart: the initiatives the programme documents name.

Sources: the Uitvoeringsagenda Eenzaamheid 2024–2030 and the 2017 letter "Stand van zaken
eenzaamheidsbestrijding" with its inventory per wijk. Where those name an initiative but give no
days, times or costs, the times are an example and the entry says so. Entries with
`voorbeeld=True` are made up to show the map; their name says "(voorbeeld)". No phone numbers or
e-mail addresses of real organisations are invented; the Luisterlijn number is the public one
the portal already shows in its footer. Buildings get a name and a wijk, no street address:
the documents don't give one, and a wrong address on a leaflet sends people to the wrong door.
"""

from .heel_hilversum import HEEL_HILVERSUM
from .wijken import PER_WIJK

# Organisations the programme's partner list (coalitie.demo) does not have: (slug, name, text).
ORGANISATIES = [
    ("de-luisterlijn", "De Luisterlijn", "Vrijwilligers bieden dag en nacht een luisterend oor."),
    (
        "buurtmobi-kerkelanden",
        "Buurtmobi Kerkelanden",
        "Bewonersinitiatief: vrijwilligers rijden ouderen uit Kerkelanden in een elektrische "
        "shuttle.",
    ),
    (
        "buitenplaats-de-hoorneboeg",
        "Buitenplaats De Hoorneboeg",
        "Nodigt jongeren uit om taboeonderwerpen zoals eenzaamheid bespreekbaar te maken.",
    ),
    ("heikracht", "Heikracht", "Bewonersorganisatie in Hilversum Zuid."),
    (
        "stichting-hilversumse-meent",
        "Stichting Hilversumse Meent",
        "Buurtorganisatie die samen met andere Meentorganisaties activiteiten organiseert.",
    ),
    (
        "wijkcentrum-lopes-dias",
        "Wijkcentrum Lopes Dias",
        "Wijkcentrum in Noordoost. Inwoners en vrijwilligers organiseren er de hele week "
        "activiteiten.",
    ),
    (
        "gezamenlijke-kerken-noordoost",
        "Gezamenlijke kerken Noordoost",
        "De kerken in Noordoost organiseren samen elke maand een maaltijd voor de buurt.",
    ),
    (
        "wijk-en-zorgnetwerk-riebeeck",
        "Wijk- en Zorgnetwerk Riebeeck",
        "Netwerk in Zuidoost met onder meer Versa, MEE, de buurtcoördinator en "
        "wijkverpleegkundigen.",
    ),
    (
        "hoost",
        "HOOST",
        "Netwerk in Hilversum Oost met de buurtcoördinator, MEE, Sherpa, Hilverzorg en Versa.",
    ),
    (
        "zorgnetwerk-noordwest",
        "Zorgnetwerk Noordwest",
        "Netwerk van Versa, Hilverzorg, MEE en de buurtcoördinator, met achttien ketenpartners.",
    ),
    (
        "zorgnetwerk-zuid",
        "Zorgnetwerk Zuid",
        "Netwerk van wijkverpleegkundigen, Versa en de buurtcoördinator in Hilversum Zuid.",
    ),
    (
        "riksja-vrijwilligers-zuid",
        "Riksja-vrijwilligers Zuid",
        "Vrijwilligers fietsen inwoners die zelf niet meer kunnen fietsen rond in een riksja.",
    ),
    (
        "bewonersinitiatief-voorbeeld",
        "Bewonersinitiatief (voorbeeld)",
        "Voorbeeld: deze organisatie bestaat niet. Zij staat hier om te laten zien hoe de "
        "sociale kaart werkt.",
    ),
]

# key: (name, wijk slug, wheelchair access). Only example places get accessibility details.
LOCATIES = {
    "bethlehemkerk": ("Bethlehemkerk", "zuid", False),
    "lopes-dias": ("Wijkcentrum Lopes Dias", "noordoost", False),
    "erfgooiersspeeltuin": ("Erfgooiersspeeltuin", "noordoost", False),
    "kruisdam": ("Wijkcentrum de Kruisdam", "hilversumse-meent", False),
    "sint-joseph": ("Sint Joseph", "oost", False),
    "huis-van-de-buurt": ("Huis van de Buurt Riebeeck", "zuidoost", False),
    "boomberg": ("De Boomberg", "noordwest", False),
    "hoorneboeg": ("Buitenplaats De Hoorneboeg", "landelijk-gebied", False),
    "bibliotheek": ("Bibliotheek Hilversum", "centrum", False),
    "buurtkamer-centrum": ("Buurtkamer Centrum (voorbeeld)", "centrum", True),
    "buurthuis-noordwest": ("Buurthuis Noordwest (voorbeeld)", "noordwest", True),
    "buurthuis-zuidwest": ("Buurthuis Zuidwest (voorbeeld)", "zuidwest", True),
    "buurthuis-oost": ("Buurthuis Oost (voorbeeld)", "oost", True),
    "bankje-zuid": ("Praatbankje bij het winkelcentrum (voorbeeld)", "zuid", True),
    "heide": ("Startpunt heidewandeling (voorbeeld)", "landelijk-gebied", False),
}

ACTIVITEITEN = [*HEEL_HILVERSUM, *PER_WIJK]
