"""A GIN index on the facet keys (PostgreSQL only), so a search with several filters reads only
the activities that meet all of them but one (aanbod/search_pg.py) instead of every text match."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS aanbod_act_facet_keys ON aanbod_activiteit USING gin (facet_keys)"
)
DROP = "DROP INDEX IF EXISTS aanbod_act_facet_keys"


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("aanbod", "0007_facet_keys"),
    ]

    operations = [
        migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP)),
        # The keys of activities for all of Hilversum now include "heel".
        migrations.RunPython(
            lambda apps, schema_editor: _refresh(schema_editor), migrations.RunPython.noop
        ),
    ]


def _refresh(schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from django.utils import timezone

    from aanbod.facet_keys import facet_keys_refresh
    from aanbod.filters import Moment

    facet_keys_refresh(moment=Moment(timezone.now()))
