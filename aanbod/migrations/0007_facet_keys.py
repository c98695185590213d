"""Facet keys on PostgreSQL: per activity, the filter options it has (aanbod/facet_keys.py).

Derived data like an index, kept by aanbod/indexing.py; no model field. The column is filled for
the activities there are now. SQLite (the embedded default) skips every step.
"""

from django.db import migrations
from django.utils import timezone

ADD = (
    "ALTER TABLE aanbod_activiteit ADD COLUMN IF NOT EXISTS facet_keys text[] NOT NULL DEFAULT '{}'"
)
DROP = "ALTER TABLE aanbod_activiteit DROP COLUMN IF EXISTS facet_keys"


def add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(ADD)
    from aanbod.facet_keys import facet_keys_refresh

    facet_keys_refresh(now=timezone.now())


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("aanbod", "0006_drop_public_index"),
    ]

    operations = [migrations.RunPython(add, drop)]
