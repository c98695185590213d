"""Search on PostgreSQL: the pg_trgm and unaccent extensions, a GIN index on search_vector, and
the word list (aanbod_zoekwoord) that finds typos and words inside compounds.

The word list is derived data like an index, kept by aanbod/indexing.py; it has no model. Nothing
here changes the model state, so SQLite (the embedded default) skips every step.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

CREATE = [
    "CREATE INDEX IF NOT EXISTS aanbod_act_search_vector"
    " ON aanbod_activiteit USING gin (search_vector)",
    "CREATE TABLE IF NOT EXISTS aanbod_zoekwoord (word text PRIMARY KEY)",
    "CREATE INDEX IF NOT EXISTS aanbod_zoekwoord_trgm"
    " ON aanbod_zoekwoord USING gin (word gin_trgm_ops)",
]
DROP = [
    "DROP TABLE IF EXISTS aanbod_zoekwoord",
    "DROP INDEX IF EXISTS aanbod_act_search_vector",
]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("aanbod", "0003_moderation_corrections_search"),
    ]

    operations = [
        TrigramExtension(),
        UnaccentExtension(),
        migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP)),
    ]
