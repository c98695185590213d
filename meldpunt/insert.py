"""A new melding and the rows that belong to it, written in one SQL statement on PostgreSQL.

The public form is the meldpunt's busiest write. Through the ORM, a melding costs eight round
trips to the database (BEGIN, six INSERTs, COMMIT) and Django's bookkeeping for each. Here the
same rows go in as one statement of data-modifying CTEs, which PostgreSQL runs atomically:

    WITH parent AS (INSERT INTO meldpunt_melding (...) VALUES (...) RETURNING id, ...),
         c0 AS (INSERT INTO meldpunt_melder (melding_id, ...) VALUES ((SELECT id FROM parent), ...)
                RETURNING id),
         ...
    SELECT (SELECT id FROM parent), ..., ARRAY(SELECT id FROM c0 ORDER BY id), ...

The values are prepared by each field, as `Model.save()` would prepare them (`pre_save`,
`get_db_prep_save`), so the columns and values follow the models without a hand-written list.
Model signals are not sent; no receiver listens to these models. SQLite keeps the ORM path.
"""

from dataclasses import dataclass, field

import psycopg
from django.db import connection
from django.db.models import Model


@dataclass
class SqlValue:
    """A column of the parent filled by SQL in the same statement (e.g. the melding it repeats)."""

    sql: str
    params: tuple = ()


@dataclass
class _Insert:
    sql: str
    params: list = field(default_factory=list)


def _columns(model) -> list:
    return [f for f in model._meta.concrete_fields if not f.primary_key]


def _insert(alias, objs, *, link=None, subqueries=None, returning=("id",)) -> _Insert:
    """One `alias AS (INSERT ...)` of the statement; `link`: the column pointing at the parent."""
    qn = connection.ops.quote_name
    fields = _columns(type(objs[0]))
    subqueries = subqueries or {}
    params, rows = [], []
    for obj in objs:
        holders = []
        for f in fields:
            if f.column == link:
                holders.append(f"(SELECT {qn('id')} FROM parent)")
            elif f.name in subqueries:
                holders.append(f"({subqueries[f.name].sql})")
                params.extend(subqueries[f.name].params)
            else:
                holders.append("%s")
                params.append(f.get_db_prep_save(f.pre_save(obj, True), connection))
        rows.append(f"({', '.join(holders)})")
    table = qn(objs[0]._meta.db_table)
    columns = ", ".join(qn(f.column) for f in fields)
    back = ", ".join(qn(name) for name in returning)
    sql = f"{alias} AS (INSERT INTO {table} ({columns}) VALUES {', '.join(rows)} RETURNING {back})"
    return _Insert(sql, params)


def insert_with_children(
    parent: Model, children: list[tuple[str, list[Model]]], subqueries: dict | None = None
) -> None:
    """Insert `parent` and its `children` (pairs of the foreign key's name and unsaved rows).

    Sets the primary keys, the children's link to the parent and the parent's subquery columns,
    as `save()` would. Raises the database's IntegrityError like `save()` does.
    """
    subqueries = subqueries or {}
    opts = parent._meta
    returned = ["id", *(opts.get_field(name).column for name in subqueries)]
    parts = [_insert("parent", [parent], subqueries=subqueries, returning=returned)]
    named = []  # (alias, fk field name, rows) of the child inserts that have rows
    for number, (fk, rows) in enumerate(children):
        if not rows:
            continue
        alias = f"c{number}"
        link = rows[0]._meta.get_field(fk).column
        parts.append(_insert(alias, rows, link=link))
        named.append((alias, fk, rows))
    qn = connection.ops.quote_name
    selects = [f"(SELECT {qn(column)} FROM parent)" for column in returned]
    selects += [
        f"ARRAY(SELECT {qn('id')} FROM {alias} ORDER BY {qn('id')})" for alias, _, _ in named
    ]
    sql = f"WITH {', '.join(p.sql for p in parts)} SELECT {', '.join(selects)}"
    with _prepared_cursor() as cursor:
        cursor.execute(sql, [value for part in parts for value in part.params])
        result = cursor.fetchone()
    _saved(parent, result[0])
    for name, value in zip(subqueries, result[1 : len(returned)], strict=True):
        setattr(parent, opts.get_field(name).attname, value)
    for (_, fk, rows), ids in zip(named, result[len(returned) :], strict=True):
        for row, pk in zip(rows, ids, strict=True):
            setattr(row, fk, parent)
            _saved(row, pk)


def _prepared_cursor():
    """A cursor that binds the values on the server, so that PostgreSQL can reuse the plan.

    Django's cursors put the values into the SQL text (client-side binding), which PostgreSQL
    parses and plans anew each time. With server-side binding, psycopg prepares a statement
    it has run `prepare_threshold` times on this connection (settings.py sets it); later
    meldingen of the same shape then skip parsing and planning. Django's other queries keep
    their client-side cursors, which psycopg never prepares. The cursor is wrapped as Django
    wraps its own, so query logging, execute wrappers and error translation stay the same.
    """
    connection.ensure_connection()
    connection.validate_thread_sharing()
    raw = psycopg.Cursor(connection.connection)
    if connection.queries_logged:
        return connection.make_debug_cursor(raw)
    return connection.make_cursor(raw)


def _saved(obj: Model, pk) -> None:
    obj.pk = pk
    obj._state.adding = False
    obj._state.db = connection.alias
