"""The first text of each editable public page, in B1 Dutch, based on the Uitvoeringsagenda.

A data migration stores it; the page also falls back to it when its row is missing, so the
page is never empty. After that the kartrekker changes the text in the werkruimte.
"""

from .constants import PaginaSlug

EENZAAMHEID_TITLE = "Wat is eenzaamheid?"

EENZAAMHEID_BODY = """\
U bent eenzaam als u minder contact met andere mensen heeft dan u wilt. Of als de contacten \
die u heeft niet goed genoeg voelen. Eenzaamheid is een gevoel. Ook iemand met veel mensen om \
zich heen kan zich eenzaam voelen.

Eenzaamheid kan iedereen overkomen, jong en oud. Bijna de helft van de volwassen Hilversummers \
voelt zich weleens eenzaam. Eén op de acht voelt zich sterk eenzaam. U bent dus niet de enige.

## Drie soorten eenzaamheid

- **Sociale eenzaamheid.** U mist een groep mensen om u heen, zoals vrienden, buren of \
collega's.
- **Emotionele eenzaamheid.** U mist één persoon die heel dicht bij u staat, zoals een partner \
of een beste vriend.
- **Existentiële eenzaamheid.** U voelt zich niet thuis in de wereld om u heen. Of u vraagt \
zich af wat de zin van uw leven is.

Veel mensen voelen zich sociaal én emotioneel eenzaam. Dat heet gecombineerde eenzaamheid.

## Hoe komt het?

Eenzaamheid heeft vaak meer dan één oorzaak.

- **Iets in uzelf.** U vindt het bijvoorbeeld moeilijk om contact te maken. Of u bent ziek, u \
heeft een beperking of u denkt negatief over uzelf.
- **Een grote verandering in uw leven.** Bijvoorbeeld een scheiding, het overlijden van iemand \
van wie u houdt, een verhuizing, met pensioen gaan, uw werk kwijtraken, een nieuwe school of \
baan, of geldzorgen.
- **De samenleving.** Ouderen wonen bijvoorbeeld langer zelfstandig thuis. En in de coronatijd \
zagen mensen elkaar veel minder.

## Eenzaamheid kan erger worden

Meestal gaat het gevoel na een tijdje vanzelf over. Maar soms blijft het. Dan kan het steeds \
erger worden:

1. U voelt zich eenzaam.
2. U trekt zich terug.
3. U ziet dingen somberder dan ze zijn. U denkt bijvoorbeeld dat anderen u niet aardig vinden.
4. U trekt zich nog verder terug.
5. U krijgt nog meer sombere gedachten.

Zo komt u in een negatieve spiraal. Lang eenzaam zijn is slecht voor uw gezondheid. U kunt \
er bijvoorbeeld stress van krijgen, slecht van slapen of somber van worden. Daarom is het goed \
om er iets aan te doen. Hoe eerder, hoe beter.

## Wat kunt u zelf doen?

- Praat erover met iemand die u vertrouwt. Dat is de eerste stap.
- Doe mee aan een activiteit bij u in de buurt. Samen eten, wandelen, een cursus of een kop \
koffie. Kijk op de [sociale kaart](/aanbod/).
- Doe vrijwilligerswerk. Als u iets voor een ander betekent, voelt u zich minder alleen.
- Praat met uw huisarts. Die kan u helpen of verwijzen.
- Wilt u weten hoe eenzaam u zich voelt? Doe de [zelftest](/zelftest/).

## Wat kunt u doen voor een ander?

- Kijk om u heen. Trekt iemand zich terug? Ziet u uw buurman niet meer buiten?
- Maak een praatje. Bel eens aan of vraag hoe het gaat. Een kleine moeite kan veel betekenen.
- Nodig iemand uit. Voor een kop koffie, een wandeling of om samen naar een activiteit te gaan.
- Maakt u zich zorgen? Geef het door aan het [meldpunt eenzaamheid](/meldpunt/). Dan zoeken \
we samen naar hulp.

## Wat kunt u doen als professional of vrijwilliger?

- Let op signalen van eenzaamheid. Mensen zeggen zelden zelf dat ze eenzaam zijn. Vaak \
schamen ze zich.
- Maak het bespreekbaar. Vraag hoe het met iemand gaat, en luister.
- Verwijs naar een activiteit op de [sociale kaart](/aanbod/) of naar het \
[meldpunt eenzaamheid](/meldpunt/).
- Volg een training over het herkennen en bespreken van eenzaamheid. De gemeente organiseert \
die samen met haar partners.

## Waar kunt u terecht?

- **De Luisterlijn**: bel [088 0767 000](tel:+31880767000). Dag en nacht. U hoeft uw naam \
niet te zeggen.
- **Uw huisarts**: voor een gesprek, of als u lichamelijke of psychische klachten heeft.
- **Het meldpunt eenzaamheid**: [meld uw zorg](/meldpunt/) over uzelf of over iemand anders.
- **De sociale kaart**: [zoek een activiteit](/aanbod/) bij u in de buurt.

Bij direct gevaar: bel 112. Denkt u aan zelfdoding? Bel gratis 0800 0113 \
(113 Zelfmoordpreventie).
"""

DEFAULTS = {
    PaginaSlug.EENZAAMHEID: (EENZAAMHEID_TITLE, EENZAAMHEID_BODY),
}
