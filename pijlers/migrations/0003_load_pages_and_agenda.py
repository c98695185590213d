"""The first text of the editable public pages, and the fixed campaign periods of 2026 and 2027.

The Week tegen Eenzaamheid is national and always runs from 26 September to 3 October. The
summer action (third quarter) and the Christmas action (fourth quarter) are given as quarters
in the programme; their periods here are the summer holidays and the Christmas days, which the
kartrekker can change in the werkruimte. The symposium and public meetings get dates each year
and are added by the kartrekker (the demo data adds examples).
"""

from datetime import date

from django.db import migrations

from pijlers.defaults import DEFAULTS

WEEK = (
    "De landelijke Week tegen Eenzaamheid. Partners in heel Hilversum organiseren activiteiten "
    "om elkaar te ontmoeten. Kijk in deze week extra naar elkaar om."
)
ZOMER = (
    "In de zomer zijn veel mensen weg. Wie thuisblijft, voelt zich dan soms extra alleen. "
    "Partners organiseren in de zomer activiteiten waar iedereen welkom is."
)
KERST = (
    "Rond kerst en oud en nieuw voelen veel mensen zich extra eenzaam. Nodig iemand uit, of "
    "kijk op de sociale kaart wat er te doen is."
)


def _campaigns(year: int):
    return [
        (f"Zomeractie tegen eenzaamheid {year}", date(year, 7, 1), date(year, 8, 31), ZOMER),
        (f"Week tegen Eenzaamheid {year}", date(year, 9, 26), date(year, 10, 3), WEEK),
        (f"Eenzaamheid rond de feestdagen {year}", date(year, 12, 20), date(year + 1, 1, 1), KERST),
    ]


def load(apps, schema_editor):
    Pagina = apps.get_model("pijlers", "Pagina")
    PaginaVersie = apps.get_model("pijlers", "PaginaVersie")
    AgendaItem = apps.get_model("pijlers", "AgendaItem")
    for slug, (title, body) in DEFAULTS.items():
        pagina, created = Pagina.objects.get_or_create(
            slug=slug, defaults={"title": title, "body": body}
        )
        if created:
            PaginaVersie.objects.create(pagina=pagina, title=title, body=body)
    for year in (2026, 2027):
        for title, start, end, description in _campaigns(year):
            AgendaItem.objects.get_or_create(
                title=title,
                start_date=start,
                defaults={
                    "kind": "campagne",
                    "end_date": end,
                    "description": description,
                    "public": True,
                },
            )


def unload(apps, schema_editor):
    apps.get_model("pijlers", "Pagina").objects.filter(slug__in=list(DEFAULTS)).delete()
    titles = [title for year in (2026, 2027) for title, *_rest in _campaigns(year)]
    apps.get_model("pijlers", "AgendaItem").objects.filter(title__in=titles).delete()


class Migration(migrations.Migration):
    dependencies = [("pijlers", "0002_load_programme")]
    operations = [migrations.RunPython(load, unload)]
