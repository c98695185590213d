"""A faster `serialized_rollback` for the browser tests on PostgreSQL.

Every browser test runs against a live server, so the database is emptied after it and the rows
the migrations made (wijken, vocabularies, role groups, ...) are put back before the next one.
Django does that by deserialising its JSON copy of those rows and saving them one by one: about
0.7 s per test, a fifth of the browser run. Here the same rows are copied once into a schema of
their own and put back with one `INSERT ... SELECT` per table.

The copy is only used when the database holds exactly the rows of Django's JSON copy (the same
number per model); otherwise, for instance when earlier tests in the same run emptied the
database, Django's own restore runs as before.
"""

from __future__ import annotations

import json
from collections import Counter

from django.apps import apps
from django.db import transaction

SCHEMA = "e2e_snapshot"


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
    """Put the copied rows back (into emptied tables; rows still there are left as they are)."""
    quote = connection.ops.quote_name
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        # Django's foreign keys are deferrable: checked at the commit, so any order will do.
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table in tables:
            cursor.execute(
                f"INSERT INTO {quote(table)} SELECT * FROM {SCHEMA}.{quote(table)}"
                " ON CONFLICT DO NOTHING"
            )
