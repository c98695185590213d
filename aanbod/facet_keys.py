"""Facet keys (PostgreSQL): per activity, the filter options it has, stored with the activity.

`aanbod_activiteit.facet_keys` (migration 0007, PostgreSQL only, no model field: derived data like
an index, with a GIN index from 0008) holds one text per option the activity meets: `wijk:<pk>`
(an activity for all of Hilversum has `heel` instead: it is in every wijk), `term:<pk>`, and per
running schedule `dag:di`, `dagdeel:ochtend`, `toegankelijk:rolstoel`, … The schedule options are
worked out with the same conditions as the SQLite search uses (aanbod.filters.rooster_option,
active_roosters), so both find the same activities.

With the keys on the row, a filter is `facet_keys && ARRAY[…]` instead of a subquery over the
link and schedule tables, the index on the keys can combine with the text index, and the facet
counts are one pass over the candidates (unnest) instead of a join per kind of option. The cost
of a search follows the number of candidates, not the size of those tables. aanbod.indexing
keeps the keys with the search text; like next_occurrence, the nightly reindex moves them on
with the calendar (a schedule that ended yesterday).
"""

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from .models import Activiteit, Rooster
from .sql import compiled, flag

COLUMN = "facet_keys"
# The key of an activity for all of Hilversum: a filter on wijken always includes it.
HEEL = "heel"


def option_key(group, option) -> str:
    """The stored text for one option of a filter group (aanbod.filters.Group/Option)."""
    if group.source in ("term", "wijk"):
        return f"{group.source}:{option.key}"
    return f"{group.name}:{option.value}"


def keys_condition(keys: list[str]) -> RawSQL:
    """Activities with at least one of these keys (an empty list matches nothing)."""
    table = connection.ops.quote_name(Activiteit._meta.db_table)
    return RawSQL(f"{table}.{COLUMN} && %s::text[]", (list(keys),), output_field=BooleanField())


def _schedule_sql(now, ids) -> tuple[str, list, list[str], list[str]]:
    """Running schedules with one flag per schedule option, and the key of each flag."""
    from .filters import Moment, active_roosters, rooster_option, schedule_groups  # imports us

    moment = Moment(now)
    columns, keys = {}, []
    for group in schedule_groups():
        for option in group.options:
            columns[f"k_{len(keys)}"] = flag(rooster_option(group, option.value))
            keys.append(option_key(group, option))
    schedules = Rooster.objects.filter(active_roosters(moment)).order_by()
    if ids is not None:
        schedules = schedules.filter(activiteit_id__in=ids)
    query = schedules.annotate(**columns).values("activiteit_id", *columns)
    sql, params = compiled(query)
    return sql, list(params), list(columns), keys


def facet_keys_refresh(*, now, ids=None) -> None:
    """Recompute the facet keys of these activities (all when ids is None); PostgreSQL only."""
    if connection.vendor != "postgresql":
        return
    if ids is not None:
        ids = list(ids)
        if not ids:
            return
    r_sql, r_params, columns, keys = _schedule_sql(now, ids)
    cases = ", ".join(f"CASE WHEN r.{col} THEN %s END" for col in columns)
    where = " WHERE a.id = ANY(%s)" if ids is not None else ""
    sql = (
        f"WITH r AS ({r_sql}) UPDATE aanbod_activiteit a SET {COLUMN} = ARRAY("
        f" SELECT '{HEEL}' WHERE a.heel_hilversum"
        " UNION SELECT 'wijk:' || w.wijk_id FROM aanbod_activiteit_wijken w"
        " WHERE w.activiteit_id = a.id AND NOT a.heel_hilversum"
        " UNION SELECT 'term:' || t.term_id FROM aanbod_activiteit_terms t"
        " WHERE t.activiteit_id = a.id"
        f" UNION SELECT k FROM r, unnest(ARRAY[{cases}]::text[]) AS k"
        f" WHERE r.activiteit_id = a.id AND k IS NOT NULL){where}"
    )
    params = [*r_params, *keys, *([ids] if ids is not None else [])]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
