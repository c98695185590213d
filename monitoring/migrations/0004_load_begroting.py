"""The budget of chapter 9 of the programme (Financiën), euros per year and line.

Copied here rather than imported from constants, so later edits there don't rewrite history.
"""

from decimal import Decimal

from django.db import migrations

BEGROTING = {
    "coalitieakkoord-eenzaamheid": {year: 150_000 for year in range(2024, 2031)},
    "coalitieakkoord-digitaal": {year: 25_000 for year in range(2024, 2031)},
    "brede-spuk": {2024: 50_000, 2025: 40_000},
}


def load(apps, schema_editor):
    Begroting = apps.get_model("monitoring", "Begroting")
    for post, years in BEGROTING.items():
        for year, amount in years.items():
            Begroting.objects.get_or_create(
                post=post, year=year, defaults={"amount": Decimal(amount)}
            )


def unload(apps, schema_editor):
    apps.get_model("monitoring", "Begroting").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0003_evaluatie")]

    operations = [migrations.RunPython(load, unload)]
