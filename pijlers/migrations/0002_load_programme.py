"""The six pillars, their sub-goals (chapter 5) and every action of chapter 7 of the
Uitvoeringsagenda Eenzaamheid 2024–2030, as the programme itself words them.

Quarters are read from the planning column; "daarna continu(ering)" or "jaarlijks terugkerend"
means no end quarter (doorlopend). The original words stay in planning_text.

The programme is written in the municipality's voice ("we") and names no other lead for any
action; the municipality is the kartrekker (pillar 6). So every action starts with the
municipality as trekker: linked to the organisation when it already exists, otherwise by name.
"""

from django.db import migrations

TREKKER = "Gemeente Hilversum"

PIJLERS = [
    (
        1,
        "weten",
        "Weten",
        "Zorg ervoor dat eenzaamheid lokaal op de agenda staat en dat inwoners, professionals "
        "en vrijwilligers er kennis van hebben.",
        [
            "Zichtbaarheid op het onderwerp genereren",
            "Normaliseren van het thema eenzaamheid bij professionals, gemeente en inwoners",
            "Eenzaamheid blijft op de lokale agenda staan",
        ],
    ),
    (
        2,
        "vinden",
        "Vinden",
        "Zorg ervoor dat eenzame mensen gesignaleerd en gevonden worden.",
        [
            "Meer kennis bij professionals over het signaleren van eenzaamheid",
            "Inwoners en professionals weten waar ze naartoe kunnen met signalen",
        ],
    ),
    (
        3,
        "ondersteunen",
        "Ondersteunen",
        "Zorg voor concreet aanbod voor mensen die eenzaam zijn.",
        [
            "Het aanbod is passend voor een specifieke doelgroep",
            "Het aanbod is inzichtelijk en vindbaar",
            "Onderdeel subsidieregelingen; ruimte voor bewonersinitiatieven",
        ],
    ),
    (
        4,
        "kwaliteit-bieden",
        "Kwaliteit bieden",
        "Zorg ervoor dat het aanbod van voldoende kwaliteit is.",
        [
            "Kennis bij professionals over wat werkt in de aanpak tegen eenzaamheid",
            "Monitoren of aanpak gewenste resultaat bereikt",
        ],
    ),
    (
        5,
        "samenwerken",
        "Samenwerken",
        "Zorg voor samenwerking tussen mensen en organisaties die eenzaamheid willen aanpakken.",
        [
            "Er is samenwerking en kennisdeling op het gebied van eenzaamheid",
            "Er is kennis van het aanbod van elkaar",
            "Er is betrokkenheid van de non-usual suspects",
        ],
    ),
    (
        6,
        "informeren",
        "Informeren",
        "Zorg ervoor dat iedereen informatie over eenzaamheid en het aanbod goed en makkelijk "
        "kan vinden.",
        [
            "Aanbod is zichtbaar en er is blijvend aandacht voor",
            "Inwoners weten waar ze naartoe kunnen en informatie over eenzaamheid is vindbaar "
            "voor alle doelgroepen",
        ],
    ),
]

ALLE_INWONERS = "Alle inwoners in de stad."
ALLE_INWONERS_EN_PROFESSIONALS = (
    "Alle inwoners in de stad. Ook gericht op verwijzers, professionals en vrijwilligers."
)
STARTPUNT_COALITIE = (
    "Startpunt is deelnemers aan lokale coalitie en deelnemers trainingen. In later stadium "
    "uitbreiden met vrijwilligers en inwoners."
)
CONTINU_2024 = "Start in 2024, daarna continu."

# (pillar code, position, title, description, audience, planning text, start, end, parent position)
# Positions leave room so that the parts of the communication plan sort right after it.
ACTIES = [
    # Pijler 1: WETEN
    (
        "weten",
        10,
        "Opstellen en uitvoeren communicatieplan",
        "Opstellen en uitvoeren van een meerjarige (regionale) communicatieaanpak om "
        "bewustwording te stimuleren met o.a. inzet van een publiekscampagne bewustwording. "
        "Strategie, doelgroepen en acties worden ontwikkeld in samenwerking met maatschappelijke "
        "partners.",
        ALLE_INWONERS_EN_PROFESSIONALS,
        "Ontwikkeling aanpak gereed 1e kwartaal 2024, uitvoering vanaf 2e kwartaal 2024, daarna "
        "jaarlijkse update en continuering.",
        "2024-Q1",
        "",
        None,
    ),
    (
        "weten",
        11,
        "Participatie van maatschappelijke partners",
        "Participatie: draagvlak en draagkracht maatschappelijk partners: taal, beeld en woorden, "
        "middelen.",
        ALLE_INWONERS_EN_PROFESSIONALS,
        "Tweede kwartaal 2024",
        "2024-Q2",
        "2024-Q2",
        10,
    ),
    (
        "weten",
        12,
        "Doelgroepaanpak jongeren",
        "Ontwikkelen doelgroepaanpak jongeren in samenwerking met partij die faciliteit voor "
        "jongeren oppakt.",
        "Jongeren",
        "Tweede kwartaal 2024",
        "2024-Q2",
        "2024-Q2",
        10,
    ),
    (
        "weten",
        13,
        "Campagne mentale gezondheid jongeren ‘Hey, het is oké’",
        "Campagne mentale gezondheid jongeren, landelijke campagne VWS Hey, het is oké – gericht "
        "op jongeren. We sluiten daarbij aan met lokale acties.",
        "Jongeren",
        "Tweede kwartaal 2024",
        "2024-Q2",
        "2024-Q2",
        10,
    ),
    (
        "weten",
        14,
        "Aandacht en PR voor computer- en internettrainingen senioren",
        "Aandacht en PR trainingen rondom computer- en internettrainingen senioren – buurtgericht.",
        "Ouderen",
        "Tweede en/of derde kwartaal 2024",
        "2024-Q2",
        "2024-Q3",
        10,
    ),
    (
        "weten",
        15,
        "Communicatietoolkit voor partners",
        "Communicatie toolkit: tekst website, kernboodschap, beeld, nieuwsartikelen voor start "
        "campagne.",
        "Maatschappelijke partners",
        "Derde kwartaal 2024",
        "2024-Q3",
        "2024-Q3",
        10,
    ),
    (
        "weten",
        16,
        "Actie zomer eenzaamheid",
        "Actie zomer eenzaamheid.",
        ALLE_INWONERS,
        "Derde kwartaal 2024",
        "2024-Q3",
        "2024-Q3",
        10,
    ),
    (
        "weten",
        17,
        "Landelijke Week tegen Eenzaamheid 2024",
        "26/9 – 3/10 Landelijke week tegen eenzaamheid (WtE).",
        ALLE_INWONERS_EN_PROFESSIONALS,
        "Derde kwartaal 2024",
        "2024-Q3",
        "2024-Q3",
        10,
    ),
    (
        "weten",
        18,
        "Eenzaamheid rond de kerstdagen",
        "Eenzaamheid rond de kerstdagen.",
        ALLE_INWONERS,
        "Vierde kwartaal 2024",
        "2024-Q4",
        "2024-Q4",
        10,
    ),
    (
        "weten",
        20,
        "Deelname jaarlijkse Week tegen Eenzaamheid",
        "Deelname jaarlijkse Week tegen Eenzaamheid, inclusief campagne en symposium.",
        ALLE_INWONERS_EN_PROFESSIONALS,
        "Start voorbereiding 2e kwartaal 2024, week zelf in derde kwartaal 2024. Jaarlijks "
        "terugkerend evenement.",
        "2024-Q2",
        "",
        None,
    ),
    (
        "weten",
        30,
        "Inzet ambassadeurs",
        "Ambassadeurschap stimuleren bij professionals, vrijwilligers en inwoners.",
        STARTPUNT_COALITIE,
        "Start tweede kwartaal 2024, door aandacht vragen in lokale netwerk. Vervolgens "
        "uitbreiding en continuering.",
        "2024-Q2",
        "",
        None,
    ),
    (
        "weten",
        40,
        "Eenzaamheid blijft een actueel onderwerp",
        "Doorlopend aandacht vragen voor het onderwerp door zichtbaarheid en impact van "
        "activiteiten te genereren (o.a. via publiekscampagnes).",
        STARTPUNT_COALITIE,
        "Start 2024, daarna continu.",
        "2024-Q1",
        "",
        None,
    ),
    # Pijler 2: VINDEN
    (
        "vinden",
        10,
        "Trainen in signaleren, herkennen en bespreekbaar maken",
        "Opzetten van trainingen voor professionals, vrijwilligers, verwijzers en ondernemers.",
        "Verwijzers, professionals, vrijwilligers en ondernemers.",
        "Ontwikkeling aanpak 3e kwartaal 2024, uitvoering vanaf 4e kwartaal 2024/1e kwartaal "
        "2025, daarna jaarlijkse update en continuering.",
        "2024-Q3",
        "",
        None,
    ),
    (
        "vinden",
        20,
        "Realiseren van meldpunt",
        "Realiseren van meldpunt waar vermoedens van eenzaamheid vermeld worden. Onderzoeken "
        "binnen welk gemeentelijk gremium dit kan worden ingevoegd.",
        "Alle inwoners zelf eenzaam zijn of iemand in hun omgeving hebben die eenzaam is. Ook "
        "gericht op verwijzers, professionals en vrijwilligers.",
        "Start onderzoeken geschikt gremium derde kwartaal 2024. Vervolgens versterking, "
        "continuering en bekendheid geven.",
        "2024-Q3",
        "",
        None,
    ),
    # Pijler 3: ONDERSTEUNEN
    (
        "ondersteunen",
        10,
        "Opstarten van een faciliteit voor jongeren met gevoelens van (sociale) eenzaamheid",
        "We investeren in een faciliteit voor jongeren die het lastig vinden om contact te maken "
        "met leeftijdsgenoten. De methodiek helpt bij het ontwikkelen van een positief "
        "denkbeeld, verbeteren van sociale vaardigheden, het invullen van vrije tijd en het "
        "opbouwen en onderhouden van netwerk.",
        "Jongeren in de leeftijd 12 – 25 die kampen met gevoelens van eenzaamheid.",
        "Voorbereiding tweede kwartaal 2024. Derde/vierde kwartaal 2024: start eerste groepen.",
        "2024-Q2",
        "2024-Q4",
        None,
    ),
    (
        "ondersteunen",
        20,
        "Versterken digitale vaardigheden senioren",
        "Aanbieden van computer- en internettrainingen voor ouderen, zodat zij in staat zijn "
        "online contacten te onderhouden en online activiteiten kunnen zoeken.",
        "Ouderen die kampen met gevoelens van eenzaamheid.",
        "Voorbereiding tweede/derde kwartaal 2024. Vierde kwartaal 2024/eerste kwartaal 2025: "
        "start eerste groepen.",
        "2024-Q2",
        "2025-Q1",
        None,
    ),
    (
        "ondersteunen",
        30,
        "Bestaande activiteiten gericht op eenzaamheidsbestrijding bundelen en ontsluiten",
        "Aanbod inventariseren en offline en online zichtbaar maken, hiervoor aansluiten bij te "
        "ontwikkelen gemeentebrede Sociale Kaart.",
        "",
        "Start ontwikkeling tweede kwartaal 2024, daarna continuering.",
        "2024-Q2",
        "",
        None,
    ),
    (
        "ondersteunen",
        40,
        "Bestaande en toekomstige subsidieregelingen een impuls geven",
        "In bestaande en nieuw te ontwikkelen subsidieregelingen wordt bestrijding en voorkomen "
        "van eenzaamheid nadrukkelijk als doelstelling opgenomen. Dit wordt ook opgenomen in de "
        "beschikking aan subsidierelaties.",
        "",
        "Tweede kwartaal 2024, en continuering.",
        "2024-Q2",
        "",
        None,
    ),
    # Pijler 4: KWALITEIT BIEDEN
    (
        "kwaliteit-bieden",
        10,
        "Kennis over effectieve methoden verspreiden",
        "Professionals en vrijwilligers worden gestimuleerd gebruik te maken van bewezen "
        "effectieve interventies.",
        "Startpunt is deelnemers aan lokale coalitie en deelnemers trainingen.",
        "Start in 2024, daarna continu.",
        "2024-Q1",
        "",
        None,
    ),
    (
        "kwaliteit-bieden",
        20,
        "Monitoringsstrategie opzetten en uitvoeren",
        "Monitoren of de voorgestelde aanpak effect heeft. In de monitoring is aandacht voor de "
        "stem van de doelgroep.",
        "",
        # The plan gives only the evaluation; the monitoring runs from the start of the plan.
        "Evaluatie vierde kwartaal 2026.",
        "2024-Q1",
        "2026-Q4",
        None,
    ),
    (
        "kwaliteit-bieden",
        30,
        "Halfjaarlijkse evaluatie met Kernteam",
        # The table leaves the description empty; this is chapter 8's own description.
        "Deze halfjaarlijkse evaluatie vindt plaats met leden van het kernteam. Voor deze "
        "evaluatie worden relevante data verzameld. Deze dienen als input voor een gesprek met "
        "kernteam over de voortgang.",
        "",
        "Start derde kwartaal 2024, daarna ieder half jaar.",
        "2024-Q3",
        "",
        None,
    ),
    (
        "kwaliteit-bieden",
        40,
        "Benchmark Eén tegen Eenzaamheid",
        "",
        "",
        "Derde kwartaal 2024.",
        "2024-Q3",
        "2024-Q3",
        None,
    ),
    # Pijler 5: SAMENWERKEN
    (
        "samenwerken",
        10,
        "Inrichten lokale coalitie eenzaamheid",
        "Inrichting van lokale coalitie tegen eenzaamheid. Het netwerk komt meerdere keren per "
        "jaar bijeen. Afhankelijk van de behoefte worden verschillende onderwerpen besproken.",
        "Gemeente (kartrekkersrol) en maatschappelijke partners (zowel uit hoek zorg en welzijn, "
        "als cultuur en sport) en ondernemers.",
        CONTINU_2024,
        "2024-Q1",
        "",
        None,
    ),
    (
        "samenwerken",
        20,
        "Kennisdeling over aanbod",
        "Middels de lokale coalitie leren de partners elkaar en elkaars aanbod op "
        "laagdrempelige wijze kennen, zodat men ook naar elkaar kan doorverwijzen.",
        # The table's audience cell repeats the planning of the digital-skills groups (a
        # misprint), so it is left empty here.
        "",
        CONTINU_2024,
        "2024-Q1",
        "",
        None,
    ),
    (
        "samenwerken",
        30,
        "Organisaties die te maken (kunnen) hebben met eenzame mensen als onderdeel lokale "
        "coalitie",
        "Organisaties met een belangrijke signalerende functie worden ook betrokken bij de "
        "aanpak en het lokale netwerk.",
        "Lokale horeca, supermarkten en andere ondernemers uit de Nationale Coalitie tegen "
        "Eenzaamheid.",
        CONTINU_2024,
        "2024-Q1",
        "",
        None,
    ),
    # Pijler 6: INFORMEREN
    (
        "informeren",
        10,
        "Aanstellen van een kartrekker eenzaamheid",
        "Een kartrekker is verantwoordelijk om de aanpak eenzaamheid voortvarend van de grond te "
        "krijgen, voortgang te bewaken en bij te sturen indien nodig.",
        "Gemeente in startfase, mogelijk later overdragen aan maatschappelijke partner.",
        CONTINU_2024,
        "2024-Q1",
        "",
        None,
    ),
    (
        "informeren",
        20,
        "Verspreiding van informatie via lokale coalitie en op locaties waar doelgroep komt",
        "Inwoners worden op passende wijze geïnformeerd over activiteiten ter voorkoming en "
        "bestrijding van eenzaamheid. Dit is onderdeel van communicatieplan.",
        "Alle inwoners in de stad die te maken hebben met eenzaamheid of iemand in hun omgeving "
        "hebben die eenzaam is. Ook gericht op verwijzers, professionals en vrijwilligers.",
        CONTINU_2024,
        "2024-Q1",
        "",
        None,
    ),
]


def load(apps, schema_editor):
    Pijler = apps.get_model("pijlers", "Pijler")
    Subdoel = apps.get_model("pijlers", "Subdoel")
    Actie = apps.get_model("pijlers", "Actie")
    Organisatie = apps.get_model("coalitie", "Organisatie")
    trekker = Organisatie.objects.filter(name__iexact=TREKKER).first()

    pijlers = {}
    for number, code, name, aim, subdoelen in PIJLERS:
        pijler, _created = Pijler.objects.get_or_create(
            code=code, defaults={"number": number, "name": name, "aim": aim}
        )
        pijlers[code] = pijler
        for position, text in enumerate(subdoelen, start=1):
            Subdoel.objects.get_or_create(pijler=pijler, text=text, defaults={"position": position})

    created = {}
    for code, position, title, description, audience, planning, start, end, parent in ACTIES:
        pijler = pijlers[code]
        actie, _created = Actie.objects.get_or_create(
            pijler=pijler,
            title=title,
            defaults={
                "position": position,
                "description": description,
                "audience": audience,
                "planning_text": planning,
                "start_quarter": start,
                "end_quarter": end,
                "status": "gepland",
                "trekker": trekker,
                "trekker_name": "" if trekker else TREKKER,
                "parent": created.get((code, parent)) if parent else None,
            },
        )
        created[(code, position)] = actie


def unload(apps, schema_editor):
    Actie = apps.get_model("pijlers", "Actie")
    Pijler = apps.get_model("pijlers", "Pijler")
    codes = [code for _number, code, *_rest in PIJLERS]
    Actie.objects.filter(pijler__code__in=codes).delete()
    Pijler.objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("pijlers", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
