from django.db import migrations
from django.utils.text import slugify

# Copied from wijken/constants.py on purpose: a migration must not change when that file does.
WIJKEN = [
    ("WK040201", "Centrum"),
    ("WK040202", "Noordwest"),
    ("WK040203", "Zuidwest"),
    ("WK040204", "Zuid"),
    ("WK040205", "Zuidoost"),
    ("WK040206", "Oost"),
    ("WK040207", "Noordoost"),
    ("WK040208", "Hilversumse Meent"),
    ("WK040209", "Landelijk Gebied"),
]


def load(apps, schema_editor):
    Wijk = apps.get_model("wijken", "Wijk")
    for code, name in WIJKEN:
        Wijk.objects.update_or_create(code=code, defaults={"name": name, "slug": slugify(name)})


def unload(apps, schema_editor):
    apps.get_model("wijken", "Wijk").objects.filter(code__in=[c for c, _ in WIJKEN]).delete()


class Migration(migrations.Migration):
    dependencies = [("wijken", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
