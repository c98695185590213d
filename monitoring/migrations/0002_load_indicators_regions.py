"""The indicators the import reads and the areas that are not wijken or buurten.

Copied from constants.py and regions.py on purpose: a migration must not change when those do.
"""

from django.db import migrations

INDICATORS = [
    (
        "eenzaam",
        "Eenzaam",
        "Deel van de inwoners dat zich matig tot zeer ernstig eenzaam voelt: score 3 of hoger "
        "op de eenzaamheidsschaal van De Jong-Gierveld.",
        "Gezondheidsmonitor Volwassenen en Ouderen (GGD'en, CBS en RIVM)",
    ),
    (
        "sterk-eenzaam",
        "Sterk eenzaam",
        "Deel van de inwoners dat zich ernstig tot zeer ernstig eenzaam voelt: score 9 of hoger "
        "op de eenzaamheidsschaal van De Jong-Gierveld. Oudere tabellen noemen dit "
        "'ernstig/zeer ernstig eenzaam'.",
        "Gezondheidsmonitor Volwassenen en Ouderen (GGD'en, CBS en RIVM)",
    ),
    (
        "emotioneel-eenzaam",
        "Emotioneel eenzaam",
        "Deel van de inwoners dat een hechte, intieme band mist (subschaal emotionele "
        "eenzaamheid van De Jong-Gierveld).",
        "Gezondheidsmonitor Volwassenen en Ouderen (GGD'en, CBS en RIVM)",
    ),
    (
        "sociaal-eenzaam",
        "Sociaal eenzaam",
        "Deel van de inwoners dat een bredere kring van mensen om zich heen mist (subschaal "
        "sociale eenzaamheid van De Jong-Gierveld).",
        "Gezondheidsmonitor Volwassenen en Ouderen (GGD'en, CBS en RIVM)",
    ),
    (
        "eenzaam-scholieren",
        "Soms tot altijd eenzaam (scholieren)",
        "Deel van de middelbare scholieren in klas 2 en 4 dat zich soms tot altijd eenzaam voelt.",
        "Gezondheidsmonitor Jeugd (GGD'en en RIVM)",
    ),
    (
        "eenzaam-jongvolwassenen",
        "Enigszins tot sterk eenzaam (jongvolwassenen)",
        "Deel van de jongvolwassenen van 16 tot en met 25 jaar dat zich enigszins tot sterk "
        "eenzaam voelt.",
        "Gezondheidsmonitor Jongvolwassenen (GGD'en en RIVM)",
    ),
]

# code, name, niveau, rank
REGIONS = [
    ("NL01", "Nederland", "land", 0),
    ("GG3606", "GGD-regio Gooi en Vechtstreek", "ggd-regio", 1),
    ("GM0402", "Hilversum", "gemeente", 2),
]
WIJK_RANK = 3


def load(apps, schema_editor):
    Indicator = apps.get_model("monitoring", "Indicator")
    Regio = apps.get_model("monitoring", "Regio")
    Wijk = apps.get_model("wijken", "Wijk")
    for order, (code, name, definition, source) in enumerate(INDICATORS, start=1):
        Indicator.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "definition": definition,
                "source": source,
                "unit": "%",
                "lower_is_better": True,
                "order": order,
            },
        )
    for code, name, niveau, rank in REGIONS:
        Regio.objects.update_or_create(
            code=code, defaults={"name": name, "niveau": niveau, "rank": rank}
        )
    for wijk in Wijk.objects.filter(code__startswith="WK0402"):
        Regio.objects.update_or_create(
            code=wijk.code,
            defaults={"name": wijk.name, "niveau": "wijk", "rank": WIJK_RANK, "wijk": wijk},
        )


def unload(apps, schema_editor):
    apps.get_model("monitoring", "Observatie").objects.all().delete()
    apps.get_model("monitoring", "Regio").objects.all().delete()
    apps.get_model("monitoring", "Indicator").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0001_initial"),
        ("wijken", "0002_load_wijken"),
    ]
    operations = [migrations.RunPython(load, unload)]
