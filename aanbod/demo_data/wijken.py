"""Demo activities in one or a few wijken, from the 2017 inventory per wijk and the programme."""

from decimal import Decimal

from ..constants import Aanmelding
from .types import KERSTVAKANTIE, VRAAG_KOSTEN, Demo, maandelijks, tweewekelijks, wekelijks

VOORBEELDBEDRAG = "Voorbeeldbedrag. Vraag naar de echte prijs."

CENTRUM = [
    Demo(
        slug="buurtborrel-centrum",
        name="Buurtborrel in het centrum",
        org="bewonersinitiatief-voorbeeld",
        kort="Eén keer per maand een drankje en een praatje met buurtgenoten.",
        tekst=(
            "Bewoners van het centrum willen vaker buurtborrels organiseren om eenzaamheid "
            "tegen te gaan. Zo kan zo'n borrel eruitzien."
        ),
        wijken=("centrum",),
        tijden=(maandelijks(-1, "vr", van="17:00", tot="19:00", waar="buurtkamer-centrum"),),
        voorbeeld=True,
    ),
    Demo(
        slug="koffie-inloop-centrum",
        name="Koffie-inloop in de buurtkamer",
        org="bewonersinitiatief-voorbeeld",
        kort="Loop binnen voor een kop koffie en een praatje. U hoeft niets te regelen.",
        tekst="Elke week staat de koffie klaar. Iedereen uit de buurt is welkom.",
        wijken=("centrum",),
        tijden=(
            wekelijks(
                "di", van="10:00", tot="12:00", waar="buurtkamer-centrum", pauze=KERSTVAKANTIE
            ),
        ),
        voorbeeld=True,
    ),
    Demo(
        slug="roze-ontmoeting",
        name="Roze ontmoetingsmiddag",
        org="bewonersinitiatief-voorbeeld",
        kort="Een ontspannen middag voor LHBTQI+ Hilversummers en hun vrienden.",
        tekst="Ontmoet andere LHBTQI+ Hilversummers in een veilige en gezellige sfeer.",
        doelgroep=("lhbtqi",),
        soort=("sociaal", "emotioneel"),
        wijken=("centrum",),
        tijden=(maandelijks(1, "zo", van="15:00", tot="17:30", waar="buurtkamer-centrum"),),
        voorbeeld=True,
    ),
]

NOORDWEST = [
    Demo(
        slug="samen-spelen-boomberg",
        name="Samen Spelen in de Boomberg",
        org="zorgnetwerk-noordwest",
        kort="Spel- en ontmoetingsplekken in de Boomberg, voor bewoners van elke leeftijd.",
        tekst=(
            "In de buurt de Boomberg werken meerdere partners samen in het project Samen "
            "Spelen. Er zijn spel- en ontmoetingsplekken met ruimte voor iedere bewoner, "
            "ongeacht leeftijd of achtergrond."
        ),
        doelgroep=("iedereen", "gezinnen"),
        type=("spel", "ontmoeting"),
        wijken=("noordwest",),
        tijden=(wekelijks("wo", van="14:00", tot="16:30", waar="boomberg"),),
    ),
    Demo(
        slug="buurtkoffie-noordwest",
        name="Buurtkoffie Noordwest",
        org="bewonersinitiatief-voorbeeld",
        kort="Elke donderdag koffie met buurtgenoten.",
        tekst="Bewoners van Noordwest willen elkaar vaker ontmoeten. Hier kan dat.",
        wijken=("noordwest",),
        tijden=(wekelijks("do", van="10:00", tot="11:30", waar="buurthuis-noordwest"),),
        voorbeeld=True,
    ),
    Demo(
        slug="wandelgroep-noordwest",
        name="Wandelgroep Noordwest",
        org="bewonersinitiatief-voorbeeld",
        kort="Een uur wandelen door de wijk, daarna samen koffie.",
        tekst="Samen bewegen en onderweg een praatje maken.",
        type=("bewegen", "ontmoeting"),
        wijken=("noordwest",),
        tijden=(wekelijks("ma", van="10:00", tot="11:00", waar="buurthuis-noordwest"),),
        voorbeeld=True,
    ),
]

ZUIDWEST = [
    Demo(
        slug="koffieochtend-zuidwest",
        name="Koffieochtend Zuidwest",
        org="versa-welzijn",
        kort="Koffie en een praatje met buurtgenoten, samen met de buurtwerker.",
        tekst="De buurtwerker van Versa Welzijn schuift aan en denkt mee als u een vraag heeft.",
        type=("ontmoeting", "informatie"),
        wijken=("zuidwest",),
        tijden=(wekelijks("wo", van="10:00", tot="11:30", waar="buurthuis-zuidwest"),),
        voorbeeld=True,
    ),
    Demo(
        slug="samen-eten-zuidwest",
        name="Samen eten in Zuidwest",
        org="bewonersinitiatief-voorbeeld",
        kort="Eén keer per maand samen een warme maaltijd eten met buurtgenoten.",
        tekst="Vrijwilligers koken en u eet samen met andere bewoners.",
        type=("samen-eten", "ontmoeting"),
        wijken=("zuidwest",),
        tijden=(maandelijks(2, "do", van="17:30", tot="19:30", waar="buurthuis-zuidwest"),),
        kosten=Decimal("5.00"),
        kosten_uitleg=VOORBEELDBEDRAG,
        aanmelding=Aanmelding.NODIG,
        aanmelding_uitleg="Meld u uiterlijk de dinsdag ervoor aan.",
        email="samen-eten@example.org",
        voorbeeld=True,
    ),
    Demo(
        slug="mantelzorgcafe-zuidwest",
        name="Mantelzorgcafé",
        org="bewonersinitiatief-voorbeeld",
        kort="Even tijd voor uzelf: praat met andere mantelzorgers over wat u meemaakt.",
        tekst="Een ontmoeting voor mantelzorgers, om ervaringen te delen.",
        doelgroep=("mantelzorgers",),
        soort=("sociaal", "emotioneel"),
        type=("lotgenoten", "ontmoeting"),
        wijken=("zuidwest", "zuid"),
        tijden=(tweewekelijks("di", van="19:30", tot="21:00", waar="buurthuis-zuidwest"),),
        voorbeeld=True,
    ),
]

ZUID = [
    Demo(
        slug="heikracht-maaltijd-bethlehemkerk",
        name="Buurtmaaltijd in de Bethlehemkerk",
        org="heikracht",
        kort="Elke maand een maaltijd voor buurtbewoners, georganiseerd door Heikracht.",
        tekst=(
            "Bewonersorganisatie Heikracht organiseert elke maand een maaltijd in de "
            "Bethlehemkerk. Alle buurtbewoners zijn welkom."
        ),
        type=("samen-eten", "ontmoeting"),
        wijken=("zuid",),
        tijden=(maandelijks(1, "wo", van="17:30", tot="19:30", waar="bethlehemkerk"),),
        kosten=Decimal("4.00"),
        kosten_uitleg=VOORBEELDBEDRAG,
        aanmelding=Aanmelding.GEWENST,
    ),
    Demo(
        slug="riksja-ritten",
        name="Riksjaritten door Hilversum en over de hei",
        org="riksja-vrijwilligers-zuid",
        kort="Vrijwilligers fietsen u in een riksja door Hilversum of over de hei.",
        tekst=(
            "Kunt u zelf niet meer fietsen? Vrijwilligers nemen u mee in een riksja, door "
            "Hilversum of over de hei. Onderweg is er tijd voor een praatje."
        ),
        doelgroep=("senioren", "beperking"),
        type=("vervoer", "bewegen"),
        wijken=("zuid",),
        tijden=(wekelijks("di", "do", van="13:30", tot="16:30"),),
        kosten_uitleg=VRAAG_KOSTEN,
        aanmelding=Aanmelding.NODIG,
        aanmelding_uitleg="Spreek een rit af met de vrijwilligers.",
    ),
    Demo(
        slug="huisbezoek-vrijwilligers-zuid",
        name="Huisbezoek door vrijwilligers in Zuid",
        org="zorgnetwerk-zuid",
        kort="Vrijwilligers komen bij oudere buurtbewoners thuis voor een praatje.",
        tekst=(
            "In Zuid zijn de huisbezoeken door vrijwilligers een succes. Een vrijwilliger komt "
            "bij u langs, luistert en kijkt samen met u wat u nodig heeft."
        ),
        doelgroep=("senioren",),
        soort=("sociaal", "emotioneel"),
        type=("huisbezoek",),
        vorm=("thuis",),
        wijken=("zuid",),
        aanmelding=Aanmelding.GEWENST,
    ),
    Demo(
        slug="praatbankje-zuid",
        name="Praatbankje",
        org="bewonersinitiatief-voorbeeld",
        kort="Schuif aan op het bankje voor een praatje. Er zit altijd een vrijwilliger.",
        tekst=(
            "Oudere inwoners van Zuid willen meer plekken om elkaar te ontmoeten. Op het "
            "praatbankje zit elke vrijdagochtend een vrijwilliger klaar."
        ),
        doelgroep=("senioren",),
        wijken=("zuid",),
        tijden=(wekelijks("vr", van="10:00", tot="11:30", waar="bankje-zuid"),),
        voorbeeld=True,
    ),
]

ZUIDOOST = [
    Demo(
        slug="huis-van-de-buurt-ontmoeting",
        name="Ontmoeten in het Huis van de Buurt",
        org="wijk-en-zorgnetwerk-riebeeck",
        kort="Het Huis van de Buurt in Riebeeck is dé plek om buurtgenoten te ontmoeten.",
        tekst=(
            "In het Huis van de Buurt ontmoet u andere bewoners van Riebeeck. Versa, MEE, de "
            "buurtcoördinator en wijkverpleegkundigen werken hier samen."
        ),
        wijken=("zuidoost",),
        tijden=(wekelijks("ma", "wo", "vr", van="10:00", tot="12:00", waar="huis-van-de-buurt"),),
    ),
    Demo(
        slug="huis-van-de-buurt-spreekuur-huisarts",
        name="Spreekuur van de huisarts in het Huis van de Buurt",
        org="wijk-en-zorgnetwerk-riebeeck",
        kort="De huisarts houdt spreekuur in het Huis van de Buurt, dichtbij huis.",
        tekst=(
            "De huisarts houdt spreekuur in het Huis van de Buurt. U kunt er ook terecht met "
            "vragen over hoe u zich voelt."
        ),
        type=("informatie",),
        soort=("sociaal", "emotioneel"),
        wijken=("zuidoost",),
        tijden=(wekelijks("do", van="09:00", tot="10:00", waar="huis-van-de-buurt"),),
        aanmelding=Aanmelding.GEWENST,
    ),
    Demo(
        slug="samen-koken-riebeeck",
        name="Samen koken in Riebeeck",
        org="bewonersinitiatief-voorbeeld",
        kort="Om de week samen koken en eten met buurtgenoten.",
        tekst="U kookt samen een maaltijd en eet die daarna samen op.",
        type=("samen-eten", "creatief"),
        wijken=("zuidoost",),
        tijden=(tweewekelijks("di", van="16:30", tot="19:30", waar="huis-van-de-buurt"),),
        kosten=Decimal("3.50"),
        kosten_uitleg=VOORBEELDBEDRAG,
        aanmelding=Aanmelding.NODIG,
        voorbeeld=True,
    ),
]

OOST = [
    Demo(
        slug="sint-joseph-ontmoeting",
        name="Laagdrempelige ontmoeting in Sint Joseph",
        org="hoost",
        kort="Gewoon binnenlopen: activiteiten in Sint Joseph om eenzaamheid te voorkomen.",
        tekst=(
            "In Sint Joseph zijn laagdrempelige activiteiten om eenzaamheid te voorkomen. "
            "Het netwerk HOOST van organisaties in Oost zet zich hiervoor in."
        ),
        wijken=("oost",),
        tijden=(wekelijks("di", van="14:00", tot="16:00", waar="sint-joseph"),),
    ),
    Demo(
        slug="spelmiddag-sint-joseph",
        name="Spelmiddag in Sint Joseph",
        org="bewonersinitiatief-voorbeeld",
        kort="Sjoelen, rummikub en kaarten met buurtgenoten.",
        tekst="Elke week een middag spelletjes, met koffie en thee.",
        doelgroep=("senioren", "iedereen"),
        type=("spel", "ontmoeting"),
        wijken=("oost",),
        tijden=(wekelijks("do", van="14:00", tot="16:30", waar="sint-joseph"),),
        voorbeeld=True,
    ),
    Demo(
        slug="digicafe-oost",
        name="Digicafé Oost",
        org="bewonersinitiatief-voorbeeld",
        kort="Vragen over uw telefoon of tablet? Vrijwilligers helpen u op weg.",
        tekst="Neem uw telefoon of tablet mee. Vrijwilligers helpen u en u ontmoet anderen.",
        doelgroep=("senioren",),
        type=("digitaal", "ontmoeting"),
        wijken=("oost",),
        tijden=(tweewekelijks("ma", van="13:30", tot="15:30", waar="buurthuis-oost"),),
        voorbeeld=True,
    ),
]

NOORDOOST = [
    Demo(
        slug="lopes-dias-warme-maaltijd",
        name="Warme maaltijd in Lopes Dias",
        org="wijkcentrum-lopes-dias",
        kort="Twee keer per week koken vrijwilligers een warme maaltijd in wijkcentrum Lopes Dias.",
        tekst=(
            "In wijkcentrum Lopes Dias koken vrijwilligers twee keer per week een warme "
            "maaltijd. U eet samen met andere buurtbewoners."
        ),
        type=("samen-eten", "ontmoeting"),
        wijken=("noordoost",),
        tijden=(wekelijks("di", "do", van="12:00", tot="13:30", waar="lopes-dias"),),
        kosten=Decimal("6.00"),
        kosten_uitleg=VOORBEELDBEDRAG,
        aanmelding=Aanmelding.GEWENST,
    ),
    Demo(
        slug="lopes-dias-koffieochtend",
        name="Koffieochtend in Lopes Dias",
        org="wijkcentrum-lopes-dias",
        kort="Koffie drinken en bijpraten met buurtgenoten in wijkcentrum Lopes Dias.",
        tekst="Vrijwilligers zetten de koffie klaar. Professionals verwijzen hier ook naartoe.",
        wijken=("noordoost",),
        tijden=(wekelijks("ma", "wo", van="10:00", tot="11:30", waar="lopes-dias"),),
    ),
    Demo(
        slug="lopes-dias-bridge",
        name="Bridgen in Lopes Dias",
        org="wijkcentrum-lopes-dias",
        kort="Elke week bridgen met andere buurtbewoners.",
        tekst="Speelt u bridge, of wilt u het leren? Schuif aan in wijkcentrum Lopes Dias.",
        type=("spel", "ontmoeting"),
        wijken=("noordoost",),
        tijden=(wekelijks("vr", van="13:30", tot="16:30", waar="lopes-dias"),),
    ),
    Demo(
        slug="erfgooiers-gratis-maaltijd",
        name="Gratis warme maaltijd in de Erfgooiersspeeltuin",
        org="gezamenlijke-kerken-noordoost",
        kort="Elke maand een gratis warme maaltijd voor de buurt, van de gezamenlijke kerken.",
        tekst=(
            "De gezamenlijke kerken organiseren elke maand in de Erfgooiersspeeltuin een "
            "gratis warme maaltijd voor iedereen uit de buurt."
        ),
        soort=("sociaal", "existentieel"),
        type=("samen-eten", "ontmoeting"),
        wijken=("noordoost",),
        tijden=(maandelijks(-1, "do", van="17:30", tot="19:30", waar="erfgooiersspeeltuin"),),
    ),
    Demo(
        slug="buurtmobi-kerkelanden",
        name="Buurtmobi Kerkelanden",
        org="buurtmobi-kerkelanden",
        kort="Vrijwilligers rijden ouderen in een elektrische shuttle naar de dokter, winkel of "
        "activiteit.",
        tekst=(
            "De Buurtmobi is een bewonersinitiatief. Sinds maart 2019 rijdt een elektrische "
            "shuttle door Kerkelanden, sinds 2023 zijn het er twee. Er kunnen drie ouderen in "
            "en de rollators gaan achterop mee. Vrijwillige telefonisten plannen de ritten. De "
            "chauffeurs maken onderweg een praatje en letten erop of het goed met u gaat."
        ),
        doelgroep=("senioren",),
        type=("vervoer",),
        vorm=("thuis",),
        wijken=("noordoost",),
        tijden=(wekelijks("ma", "di", "wo", "do", "vr", van="09:00", tot="17:00"),),
        kosten_uitleg=VRAAG_KOSTEN,
        aanmelding=Aanmelding.NODIG,
        aanmelding_uitleg="Bel de telefonisten van de Buurtmobi om een rit af te spreken.",
    ),
    Demo(
        slug="buurtmobi-on-tour",
        name="Uitjes met de Buurtmobi on tour bus",
        org="buurtmobi-kerkelanden",
        kort="Gezellige uitjes voor ouderen uit Kerkelanden met de Buurtmobi on tour bus.",
        tekst=(
            "Met de Buurtmobi on tour bus organiseren de vrijwilligers uitjes voor ouderen "
            "uit Kerkelanden, begonnen in het jaar dat Hilversum 600 jaar bestaat."
        ),
        doelgroep=("senioren",),
        type=("cultuur", "vervoer"),
        wijken=("noordoost",),
        tijden=(maandelijks(3, "za", van="10:00", tot="16:00"),),
        kosten_uitleg=VRAAG_KOSTEN,
        aanmelding=Aanmelding.NODIG,
    ),
]

MEENT = [
    Demo(
        slug="meentbewoners-voor-meentbewoners",
        name="Meentbewoners voor Meentbewoners",
        org="stichting-hilversumse-meent",
        kort="De vrijwilligerscentrale van de Meent: bewoners helpen bewoners.",
        tekst=(
            "Meentbewoners voor Meentbewoners brengt bewoners die hulp zoeken in contact met "
            "bewoners die willen helpen. Iets voor een ander doen geeft ook voldoening."
        ),
        soort=("sociaal", "existentieel"),
        type=("maatje", "informatie"),
        vorm=("thuis", "op-locatie"),
        wijken=("hilversumse-meent",),
    ),
    Demo(
        slug="senioren-eetcafe-meent",
        name="Senioren eetcafé",
        org="stichting-hilversumse-meent",
        kort="Samen eten met andere senioren uit de Meent in Wijkcentrum de Kruisdam.",
        tekst="Een gezellige maaltijd met andere senioren uit de Meent.",
        doelgroep=("senioren",),
        type=("samen-eten", "ontmoeting"),
        wijken=("hilversumse-meent",),
        tijden=(maandelijks(3, "wo", van="17:30", tot="19:30", waar="kruisdam"),),
        kosten=Decimal("7.50"),
        kosten_uitleg=VOORBEELDBEDRAG,
        aanmelding=Aanmelding.NODIG,
    ),
    Demo(
        slug="meent-cultureel",
        name="Meent Cultureel",
        org="stichting-hilversumse-meent",
        kort="Muziek, lezingen en voorstellingen in de wijk.",
        tekst="Meent Cultureel brengt cultuur dichtbij, in Wijkcentrum de Kruisdam.",
        type=("cultuur", "ontmoeting"),
        wijken=("hilversumse-meent",),
        tijden=(maandelijks(2, "zo", van="15:00", tot="17:00", waar="kruisdam"),),
        kosten_uitleg=VRAAG_KOSTEN,
    ),
    Demo(
        slug="informatiepunt-zorg-en-welzijn-meent",
        name="Informatiepunt Zorg en Welzijn",
        org="stichting-hilversumse-meent",
        kort="Vragen over zorg, welzijn of activiteiten in de Meent? Loop binnen.",
        tekst="Bij het informatiepunt helpen vrijwilligers u verder met uw vraag.",
        type=("informatie",),
        wijken=("hilversumse-meent",),
        tijden=(wekelijks("di", van="10:00", tot="12:00", waar="kruisdam"),),
    ),
    Demo(
        slug="gesprekken-75-plus-meent",
        name="75+ gesprekken in de Meent",
        org="stichting-hilversumse-meent",
        kort="Een gesprek aan huis met bewoners van 75 jaar en ouder.",
        tekst="Een vrijwilliger komt langs voor een gesprek over hoe het met u gaat.",
        doelgroep=("senioren-75",),
        soort=("sociaal", "emotioneel"),
        type=("huisbezoek",),
        vorm=("thuis",),
        wijken=("hilversumse-meent",),
        min_age=75,
    ),
    Demo(
        slug="workshops-kruisdam",
        name="Workshops in Wijkcentrum de Kruisdam",
        org="stichting-hilversumse-meent",
        kort="Samen iets maken of leren in een kleine groep.",
        tekst="In de workshops maakt of leert u iets nieuws, samen met andere bewoners.",
        type=("creatief", "cursus"),
        wijken=("hilversumse-meent",),
        tijden=(tweewekelijks("do", van="19:30", tot="21:30", waar="kruisdam"),),
        kosten_uitleg=VRAAG_KOSTEN,
        aanmelding=Aanmelding.GEWENST,
    ),
]

LANDELIJK_GEBIED = [
    Demo(
        slug="hoorneboeg-workshops-jongeren",
        name="Workshops en lezingen voor jongeren op De Hoorneboeg",
        org="buitenplaats-de-hoorneboeg",
        kort="Jongeren praten over taboeonderwerpen zoals eenzaamheid, in workshops en lezingen.",
        tekst=(
            "Op Buitenplaats De Hoorneboeg worden jongeren uitgenodigd om onderwerpen als "
            "eenzaamheid bespreekbaar te maken. Dat gebeurt in workshops en lezingen door het "
            "jaar heen."
        ),
        doelgroep=("jongeren",),
        soort=("sociaal", "emotioneel", "existentieel"),
        type=("cursus", "lotgenoten"),
        wijken=("landelijk-gebied",),
        heel=True,
        tijden=(maandelijks(1, "za", van="13:00", tot="16:00", waar="hoorneboeg"),),
        kosten_uitleg=VRAAG_KOSTEN,
        min_age=12,
        max_age=25,
    ),
    Demo(
        slug="heidewandeling",
        name="Heidewandeling met koffie",
        org="bewonersinitiatief-voorbeeld",
        kort="Om de week samen wandelen over de hei, met koffie na afloop.",
        tekst="Een rustige wandeling in de natuur rond Hilversum, samen met anderen.",
        type=("bewegen", "ontmoeting"),
        wijken=("landelijk-gebied",),
        tijden=(tweewekelijks("zo", van="10:00", tot="12:00", waar="heide"),),
        voorbeeld=True,
    ),
]

PER_WIJK = [
    *CENTRUM,
    *NOORDWEST,
    *ZUIDWEST,
    *ZUID,
    *ZUIDOOST,
    *OOST,
    *NOORDOOST,
    *MEENT,
    *LANDELIJK_GEBIED,
]
