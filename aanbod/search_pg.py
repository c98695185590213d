"""The facet query on PostgreSQL: counts and the ids of the page in one statement.

Same rule as aanbod/search.py (an option's count applies every other group, not its own), but
read from the facet keys stored on each activity (aanbod/facet_keys.py): the candidates are
found once, through the text index when there is a text, each gets one flag per active group
from its own row, and one pass over their keys counts every option. The page (20 ids in the
order shown) comes from the same candidates, so the text is matched once per search.
"""

from django.db import connection
from django.db.models import Q, QuerySet, TextField, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber

from .facet_keys import COLUMN, option_key
from .facet_rows import add_up
from .filters import ACTIVITEIT, Choices, Group, Moment, activity_option, group_condition
from .models import Activiteit
from .sql import compiled, flag


def _page_sql(flags: list[str], order, start: int, size: int) -> tuple[str, tuple]:
    """The ids of one page of full matches (every flag true) with their position."""
    full = " AND ".join(f"c.{name}" for name in flags) or "TRUE"
    matches = Activiteit.objects.filter(pk__in=RawSQL(f"SELECT c.id FROM c WHERE {full}", ()))
    annotations = {name: value for name, value in order["annotations"].items()}
    ordered = (
        matches.annotate(**annotations)
        .annotate(pos=Window(RowNumber(), order_by=order["order_by"]))
        .order_by("pos")
        .values_list("pk", "pos")[start : start + size]
    )
    return compiled(ordered)


def _all_but_one(conditions: list) -> Q:
    """Rows that meet every condition but at most one, as OR-ed ANDs: written like this the
    planner combines the indexes (text, facet keys) and reads only these rows from the table."""
    either = Q()
    for skip in range(len(conditions)):
        every = Q()
        for i, condition in enumerate(conditions):
            if i != skip:
                every &= condition
        either |= every
    return either


def _counted_keys(flags: list[str]) -> str:
    """Which keys of a candidate count: all of them when it meets every filter; when it misses
    one, only the keys of that filter's own group (the counts of the other groups need every
    filter but their own). Saves counting most keys of most candidates."""
    if not flags:
        return ""
    full = " AND ".join(f"c.{name}" for name in flags)
    misses = "".join(f" OR (NOT c.{name} AND key = ANY(%s::text[]))" for name in flags)
    return f" WHERE ({full}){misses}"


def _group_keys(active: list[Group]) -> list[list[str]]:
    """Per active group, the keys of its options (none for a group read from its own column)."""
    return [
        [option_key(group, option) for option in group.options]
        if group.source != ACTIVITEIT
        else []
        for group in active
    ]


def facet_counts_pg(
    base: QuerySet,
    active: list[Group],
    choices: Choices,
    groups: list[Group],
    moment: Moment,
    order: dict,
    page_start: int,
    page_size: int,
):
    """(total, counts, page ids in order) for the candidates in `base`.

    `order` holds the annotations and order_by of the result list (aanbod/search.py).
    """
    conditions = [group_condition(g, choices.selected[g.name], moment) for g in active]
    flags = {f"f_{i}": flag(condition) for i, condition in enumerate(conditions)}
    if len(conditions) > 1:
        base = base.filter(_all_but_one(conditions))
    columns = {}
    for group in groups:
        if group.source == ACTIVITEIT:
            for index, option in enumerate(group.options):
                condition = activity_option(group, option.value, moment)
                columns[f"o_{len(columns)}"] = (group.name, index, condition)
    table = connection.ops.quote_name(Activiteit._meta.db_table)
    candidates = base.order_by().annotate(
        keys=RawSQL(f"{table}.{COLUMN}", (), output_field=TextField()),
        **flags,
        **{col: flag(cond) for col, (_g, _i, cond) in columns.items()},
    )
    b_sql, b_params = compiled(candidates.values("id", "heel_hilversum", "keys", *flags, *columns))
    p_sql, p_params = _page_sql(list(flags), order, page_start, page_size)

    flag_cols = [f"c.{name}" for name in flags]
    fl = "".join(f", {col}" for col in flag_cols)

    def group_by(*keys: str) -> str:
        names = [*keys, *flag_cols]
        return f" GROUP BY {', '.join(names)}" if names else ""

    members = [
        f"SELECT 'all' AS grp, '' AS k{fl}, COUNT(*) AS n FROM c{group_by()}",
        f"SELECT 'heel', ''{fl}, COUNT(*) FROM c WHERE c.heel_hilversum{group_by()}",
        f"SELECT 'key', key{fl}, COUNT(*) FROM c, unnest(c.keys) AS key"
        f"{_counted_keys(flags)}{group_by('key')}",
    ]
    for col, (name, index, _c) in columns.items():
        members.append(f"SELECT '{name}', '{index}'{fl}, COUNT(*) FROM c WHERE c.{col}{group_by()}")
    trues = "".join(", TRUE" for _ in flags)
    members.append(f"SELECT 'page', p.pk::text{trues}, p.pos FROM ({p_sql}) AS p")
    misses = " + ".join(f"CASE WHEN b.{name} THEN 0 ELSE 1 END" for name in flags)
    keep = f" WHERE {misses} <= 1" if len(flags) > 1 else ""
    # MATERIALIZED: match the text and work out each flag once per activity.
    sql = (
        f"WITH b AS MATERIALIZED ({b_sql}), c AS (SELECT * FROM b{keep})"
        f" {' UNION ALL '.join(members)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*b_params, *_group_keys(active), *p_params))
        rows = cursor.fetchall()
    return _read(rows, active, groups)


def _read(rows, active: list[Group], groups: list[Group]):
    by_key = {
        option_key(group, option): (group.name, option.value)
        for group in groups
        if group.source != ACTIVITEIT
        for option in group.options
    }
    by_name = {group.name: group for group in groups}
    wijk_values = [option.value for option in by_name["wijk"].options]

    def targets(kind: str, key: str):
        if kind == "heel":  # an activity for all of Hilversum counts in every wijk
            return "wijk", wijk_values
        if kind == "key":
            name, value = by_key.get(key, (None, None))
            return name, [value]
        return kind, [by_name[kind].options[int(key)].value]

    page = sorted((n, int(key)) for kind, key, *_flags, n in rows if kind == "page")
    total, counts = add_up([row for row in rows if row[0] != "page"], active, groups, targets)
    return total, counts, [pk for _pos, pk in page]
