"""A faster and sturdier `serialized_rollback` on PostgreSQL, for every test that asks for it.

A transactional test empties the database afterwards; a test with `serialized_rollback` (the
browser tests, the fault tests) first gets back the rows the migrations made (wijken,
vocabularies, role groups, ...). Django does that by deserialising its JSON copy of those rows
and saving them one by one: about 0.7 s per test, a fifth of the browser run. Here the same rows
are copied into a schema of their own at the moment Django takes its JSON copy, and put back
with one `DELETE` and one `INSERT ... SELECT` per table (about 25 ms).

The `DELETE` also makes the result the same whatever ran before. A plain transactional test's
flush lets Django create content types and permissions again (with new ids); Django's own
restore then fails on them ("duplicate key ... django_content_type"), so the suite's order
used to matter.

The copy is only used when the database held exactly the rows of Django's JSON copy (the same
number per model) and the data to restore is that copy; otherwise Django's restore runs.
"""

from __future__ import annotations

import json
from collections import Counter

from django.apps import apps
from django.db import transaction
from django.db.backends.postgresql.creation import DatabaseCreation

SCHEMA = "test_snapshot"
# Per test database: (Django's JSON copy, the tables copied into SCHEMA).
_TAKEN: dict[str, tuple[str, list[str]]] = {}


def take(connection, serialized: str) -> list[str] | None:
    """Copy the tables that hold rows into SCHEMA; the tables copied, or None when the database
    does not hold exactly the serialized rows."""
    expected = Counter(row["model"] for row in json.loads(serialized))
    models = {model._meta.db_table: model for model in apps.get_models(include_auto_created=True)}
    quote = connection.ops.quote_name
    found, tables = Counter(), []
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        for table in sorted(connection.introspection.django_table_names(only_existing=True)):
            cursor.execute(f"SELECT count(*) FROM {quote(table)}")
            rows = cursor.fetchone()[0]
            model = models.get(table)
            if model is not None and not model._meta.auto_created:
                found[model._meta.label_lower] = rows
            if rows:
                cursor.execute(f"CREATE TABLE {SCHEMA}.{quote(table)} AS TABLE {quote(table)}")
                tables.append(table)
    if +found != +expected:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA {SCHEMA} CASCADE")
        return None
    return tables


def restore(connection, tables: list[str]) -> None:
    """Make the copied tables hold exactly the copied rows again."""
    quote = connection.ops.quote_name
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        # Django's foreign keys are deferrable: checked at the commit, so any order will do.
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table in tables:
            cursor.execute(f"DELETE FROM {quote(table)}")
            cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {SCHEMA}.{quote(table)}")


def install() -> None:
    """Have PostgreSQL test databases take the copy when Django serialises, and use it."""
    serialize, deserialize = (
        DatabaseCreation.serialize_db_to_string,
        DatabaseCreation.deserialize_db_from_string,
    )

    def serialize_and_copy(self):
        data = serialize(self)
        tables = take(self.connection, data)
        if tables is not None:
            _TAKEN[self.connection.settings_dict["NAME"]] = (data, tables)
        return data

    def restore_from_copy(self, data):
        taken = _TAKEN.get(self.connection.settings_dict["NAME"])
        if taken is not None and data == taken[0]:
            restore(self.connection, taken[1])
        else:
            deserialize(self, data)

    DatabaseCreation.serialize_db_to_string = serialize_and_copy
    DatabaseCreation.deserialize_db_from_string = restore_from_copy
