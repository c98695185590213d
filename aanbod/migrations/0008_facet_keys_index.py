"""A GIN index on the facet keys (PostgreSQL only), so a search with several filters reads only
the activities that meet all filters but one (aanbod/search_pg.py) instead of every text match.
The keys are filled again: activities for all of Hilversum now have the key "heel"."""

from django.db import migrations
from django.utils import timezone

CREATE = (
    "CREATE INDEX IF NOT EXISTS aanbod_act_facet_keys ON aanbod_activiteit USING gin (facet_keys)"
)
DROP = "DROP INDEX IF EXISTS aanbod_act_facet_keys"


def add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE)
    from aanbod.facet_keys import facet_keys_refresh

    facet_keys_refresh(now=timezone.now())


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("aanbod", "0007_facet_keys"),
    ]

    operations = [migrations.RunPython(add, drop)]
