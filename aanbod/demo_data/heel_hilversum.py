"""Demo activities for people from all over Hilversum."""

from decimal import Decimal

from ..constants import Aanmelding
from .types import (
    MOVISIE_WAT_WERKT,
    VRAAG_KOSTEN,
    Demo,
    eenmalig,
    maandelijks,
    tweewekelijks,
    wekelijks,
)

HEEL_HILVERSUM = [
    Demo(
        slug="luisterlijn",
        name="De Luisterlijn",
        org="de-luisterlijn",
        kort="Dag en nacht een luisterend oor aan de telefoon. Anoniem en voor iedereen.",
        tekst=(
            "Wilt u uw hart luchten, een praatje maken of iets delen dat niemand anders weet? "
            "Bij de vrijwilligers van de Luisterlijn kunt u dag en nacht terecht voor een goed "
            "gesprek van mens tot mens. Iedereen is welkom en u hoeft uw naam niet te zeggen. "
            "De vrijwilligers zijn geen hulpverleners: zij luisteren zonder oordeel en geven "
            "geen advies. U mag altijd nog een keer bellen."
        ),
        soort=("sociaal", "emotioneel", "existentieel"),
        type=("luisterend-oor",),
        vorm=("telefonisch",),
        heel=True,
        # Always open: a schedule would show "volgende keer: 00:00" and top every date sort.
        tijden=(),
        tijden_bekend=True,
        kosten_uitleg="U betaalt alleen uw gewone belkosten.",
        telefoon="088 0767 000",
    ),
    Demo(
        slug="senver-wandelen",
        name="Wandelen met Senver",
        org="senver",
        kort="Samen wandelen met andere senioren, in een rustig tempo.",
        tekst=(
            "Bij Senver wandelt u samen met andere senioren. Onderweg is er tijd voor een "
            "praatje. Senver let erop dat ook mensen die wat verlegen zijn zich welkom voelen."
        ),
        doelgroep=("senioren",),
        type=("bewegen", "ontmoeting"),
        heel=True,
        tijden=(wekelijks("di", van="10:00", tot="11:30"),),
        kosten_uitleg="Voor leden van Senver. " + VRAAG_KOSTEN,
    ),
    Demo(
        slug="senver-scrabble",
        name="Scrabbelen bij Senver",
        org="senver",
        kort="Een spelletje scrabble met andere senioren, met koffie of thee.",
        tekst="Houdt u van woorden en spelletjes? Bij Senver scrabbelt u samen met anderen.",
        doelgroep=("senioren",),
        type=("spel", "ontmoeting"),
        heel=True,
        tijden=(wekelijks("do", van="14:00", tot="16:00"),),
        kosten_uitleg="Voor leden van Senver. " + VRAAG_KOSTEN,
    ),
    Demo(
        slug="senver-dagtochten",
        name="Dagtochten met Senver",
        org="senver",
        kort="Eén keer per maand samen een dagje uit, met vervoer erbij.",
        tekst=(
            "Senver organiseert dagtochten voor senioren. U gaat samen met andere leden op pad "
            "en er is een vaste begeleider."
        ),
        doelgroep=("senioren",),
        type=("cultuur", "ontmoeting"),
        heel=True,
        tijden=(maandelijks(2, "wo", van="09:00", tot="17:00"),),
        kosten=Decimal("35.00"),
        kosten_uitleg="Voorbeeldbedrag per dagtocht. Vraag Senver naar de echte prijs.",
        aanmelding=Aanmelding.NODIG,
        aanmelding_uitleg="Meld u een week van tevoren aan bij Senver.",
    ),
    Demo(
        slug="senver-filosofie",
        name="Filosofiecursus bij Senver",
        org="senver",
        kort="Samen nadenken en praten over grote vragen, onder leiding van een docent.",
        tekst=(
            "In de filosofiecursus van Senver praat u met andere senioren over vragen als: "
            "wat maakt het leven zinvol? De cursus duurt een aantal weken."
        ),
        doelgroep=("senioren",),
        soort=("sociaal", "existentieel"),
        type=("cursus",),
        heel=True,
        tijden=(tweewekelijks("ma", van="14:00", tot="16:00"),),
        kosten=Decimal("40.00"),
        kosten_uitleg="Voorbeeldbedrag voor de hele cursus. Vraag Senver naar de echte prijs.",
        aanmelding=Aanmelding.NODIG,
        aanmelding_uitleg="Aanmelden bij Senver. Er is plaats voor een kleine groep.",
    ),
    Demo(
        slug="senver-huisbezoek",
        name="Huisbezoek voor de oudste leden van Senver",
        org="senver",
        kort="Vrijwilligers van Senver komen bij de oudste leden thuis op bezoek.",
        tekst=(
            "Senver bezoekt de oudste leden thuis. Zo blijft u in contact, ook als u minder "
            "makkelijk de deur uit komt."
        ),
        doelgroep=("senioren-75",),
        soort=("sociaal", "emotioneel"),
        type=("huisbezoek",),
        vorm=("thuis",),
        heel=True,
        aanmelding=Aanmelding.GEWENST,
        aanmelding_uitleg="Vraag Senver om een bezoek.",
    ),
    Demo(
        slug="senver-maatjes-service",
        name="Maatjes-service van Senver",
        org="senver",
        kort="Senver brengt senioren bij elkaar die samen iets willen ondernemen.",
        tekst=(
            "Via de maatjes-service zoekt Senver iemand die bij u past: om samen te wandelen, "
            "koffie te drinken of naar een activiteit te gaan."
        ),
        doelgroep=("senioren",),
        soort=("sociaal", "emotioneel"),
        type=("maatje",),
        vorm=("thuis", "op-locatie"),
        heel=True,
        aanmelding=Aanmelding.NODIG,
        aanmelding_uitleg="Neem contact op met Senver voor een kennismaking.",
    ),
    Demo(
        slug="senver-cultuurkring",
        name="Cultuurkring van Senver",
        org="senver",
        kort="Samen naar het theater, een concert of een museum.",
        tekst="In de cultuurkring gaan senioren samen uit. U hoeft niet alleen te gaan.",
        doelgroep=("senioren",),
        type=("cultuur",),
        heel=True,
        tijden=(maandelijks(3, "do", van="19:30", tot="22:00"),),
        kosten=Decimal("15.00"),
        kosten_uitleg="Voorbeeldbedrag; de prijs hangt af van de voorstelling.",
        aanmelding=Aanmelding.NODIG,
    ),
    Demo(
        slug="friends4friends",
        name="Friends4Friends",
        org="present-hilversum",
        kort="Nieuwkomers en Nederlandse jongeren leren elkaar kennen en doen samen leuke dingen.",
        tekst=(
            "Stichting Present verbindt met Friends4Friends nieuwkomers en Nederlandse "
            "jongeren. Samen doet u activiteiten en bouwt u een netwerk op."
        ),
        doelgroep=("jongeren", "nieuwkomers"),
        type=("ontmoeting", "maatje"),
        taal=("nl", "en"),
        heel=True,
        tijden=(tweewekelijks("wo", van="19:00", tot="21:00", waar="bibliotheek"),),
        kosten_uitleg=VRAAG_KOSTEN,
        aanmelding=Aanmelding.GEWENST,
    ),
    Demo(
        slug="maatjesproject",
        name="Een maatje via het Maatjesproject",
        org="maatjesproject",
        kort="Het Maatjesproject zoekt een vrijwilliger die bij u past, om samen dingen te doen.",
        tekst=(
            "Voelt u zich alleen? Het Maatjesproject brengt u in contact met een vrijwillige "
            "maatje. Samen spreekt u af wat u doet: een wandeling, koffie drinken of een uitje."
        ),
        doelgroep=("volwassenen", "senioren"),
        soort=("sociaal", "emotioneel"),
        type=("maatje",),
        vorm=("thuis", "op-locatie"),
        heel=True,
        kosten_uitleg=VRAAG_KOSTEN,
        aanmelding=Aanmelding.NODIG,
        aanmelding_uitleg="U meldt zich aan voor een kennismakingsgesprek.",
    ),
    Demo(
        slug="versa-huisbezoek-75-plus",
        name="Huisbezoek voor 75-plussers",
        org="versa-welzijn",
        kort="Een medewerker of vrijwilliger van Versa Welzijn komt bij u thuis voor een gesprek.",
        tekst=(
            "Versa Welzijn bezoekt inwoners van 75 jaar en ouder. In het gesprek gaat het over "
            "hoe het met u gaat, en over wat u nodig heeft om prettig thuis te blijven wonen."
        ),
        doelgroep=("senioren-75",),
        soort=("sociaal", "emotioneel"),
        type=("huisbezoek", "informatie"),
        vorm=("thuis",),
        heel=True,
        min_age=75,
        aanmelding=Aanmelding.GEWENST,
        aanmelding_uitleg="Versa neemt contact met u op. U kunt ook zelf om een bezoek vragen.",
    ),
    Demo(
        slug="versa-jongerenwerk-vakantie",
        name="Vakantieactiviteiten van het jongerenwerk",
        org="versa-welzijn",
        kort="In de zomervakantie doen kinderen en jongeren samen mee aan activiteiten.",
        tekst=(
            "In de vakanties organiseert het jongerenwerk van Versa Welzijn activiteiten, "
            "vooral voor kinderen en jongeren die thuisblijven. Bij lasergamen sluiten altijd "
            "veel jongeren aan. Meedoen geeft het gevoel erbij te horen."
        ),
        doelgroep=("jongeren",),
        type=("spel", "ontmoeting"),
        heel=True,
        tijden=(eenmalig(7, 22, van="13:00", tot="17:00"),),
        min_age=12,
        max_age=25,
    ),
    Demo(
        slug="versa-vrijwilligerswerk-zoeken",
        name="Vrijwilligerswerk vinden",
        org="versa-vrijwilligerscentrale",
        kort="Hulp bij het vinden van vrijwilligerswerk dat bij u past.",
        tekst=(
            "Iets betekenen voor een ander helpt tegen eenzaamheid. De vrijwilligerscentrale "
            "helpt u vrijwilligerswerk te vinden dat bij u past."
        ),
        doelgroep=("iedereen",),
        soort=("sociaal", "existentieel"),
        type=("informatie",),
        heel=True,
    ),
    Demo(
        slug="computerles-senioren",
        name="Computer- en internetles voor senioren",
        org="bibliotheek-hilversum",
        kort="Leer in een kleine groep e-mailen, videobellen en WhatsApp gebruiken.",
        tekst=(
            "In deze les leert u stap voor stap omgaan met de computer, tablet of telefoon. "
            "Zo houdt u makkelijker contact met familie en vrienden. U leert ook andere "
            "senioren kennen."
        ),
        doelgroep=("senioren",),
        type=("digitaal", "cursus"),
        heel=True,
        tijden=(wekelijks("vr", van="10:00", tot="12:00", waar="bibliotheek"),),
        aanmelding=Aanmelding.NODIG,
        aanmelding_uitleg="Aanmelden kan in de bibliotheek.",
        wat_werkt_url=MOVISIE_WAT_WERKT,
        voorbeeld=True,
    ),
    Demo(
        slug="taalcafe",
        name="Taalcafé",
        org="bibliotheek-hilversum",
        kort="Oefen Nederlands praten in een ontspannen sfeer en ontmoet andere Hilversummers.",
        tekst="Aan tafel met vrijwilligers en andere deelnemers oefent u Nederlands praten.",
        doelgroep=("nieuwkomers",),
        type=("ontmoeting",),
        taal=("nl", "en", "ar", "uk", "ti"),
        heel=True,
        tijden=(wekelijks("za", van="10:30", tot="12:00", waar="bibliotheek"),),
        voorbeeld=True,
    ),
    Demo(
        slug="uit-de-schaduw-festival",
        name="Uit de Schaduw Festival",
        org="buitenplaats-de-hoorneboeg",
        kort="Een dag over mentale gezondheid voor jongeren, met workshops, sprekers en muziek.",
        tekst=(
            "Elk jaar op 29 juni organiseert Buitenplaats De Hoorneboeg samen met stichting "
            "Get it Done het Uit de Schaduw Festival. De dag draait helemaal om mentale "
            "gezondheid. Jongeren ontmoeten er gelijkgestemden en praten in een veilige "
            "omgeving openhartig over hoe het met ze gaat."
        ),
        doelgroep=("jongeren",),
        soort=("sociaal", "emotioneel", "existentieel"),
        type=("ontmoeting", "cultuur", "lotgenoten"),
        heel=True,
        tijden=(eenmalig(6, 29, van="12:00", tot="22:00", waar="hoorneboeg"),),
        kosten_uitleg=VRAAG_KOSTEN,
        min_age=12,
        max_age=25,
    ),
]
