"""PostgreSQL: a text search reads an index, not the table; the facet keys follow the activities.

The planner cannot estimate prefix matches ("wandel:*"); without guidance it read every activity
(3-5x slower at 100,000). aanbod/search.py turns sequential scans off for a text search and
migration 0006 dropped the index that lured it away; this test notices when a new index or a
changed query makes it read the whole table again.
"""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from aanbod.filters import filter_groups, parse_choices
from aanbod.indexing import activiteit_reindex
from aanbod.search import activiteit_search
from tests.aanbod.test_search import NOW, make_activity

pytestmark = [pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: the GIN index and the facet keys")


def _facet_query(query: str) -> str:
    groups = filter_groups()
    activiteit_reindex(now=NOW)
    with CaptureQueriesContext(connection) as captured:
        activiteit_search(choices=parse_choices(QueryDict(query), groups), groups=groups, now=NOW)
    return next(q["sql"] for q in captured.captured_queries if q["sql"].startswith("WITH b"))


def test_a_text_search_with_filters_reads_an_index_not_the_table():
    for number in range(30):
        make_activity(
            f"Wandelgroep {number}", wijken=["oost"], terms=["senioren"], days=["dinsdag"]
        )
        make_activity(f"Koffieochtend {number}", wijken=["centrum"], terms=["jongeren"])
    sql = _facet_query("q=wandelen&wijk=oost&doelgroep=senioren&dag=di")
    with connection.cursor() as cursor:  # same transaction: the search's SET LOCAL still holds
        cursor.execute("EXPLAIN " + sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # Through the text index or the facet keys index (the planner picks by the figures), never
    # by reading every activity.
    assert "aanbod_act_search_vector" in plan or "aanbod_act_facet_keys" in plan, plan
    assert "Seq Scan on aanbod_activiteit " not in plan, plan
    # One text match per search: the page comes from the same candidates.
    assert sql.count("@@") == 1


def test_the_facet_keys_hold_wijken_terms_and_running_schedules():
    activiteit = make_activity("Sleutels", wijken=["oost"], terms=["senioren"], days=["dinsdag"])
    overal = make_activity("Overal", heel_hilversum=True, wijken=["oost"])
    activiteit_reindex(now=NOW)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, facet_keys FROM aanbod_activiteit WHERE id = ANY(%s)",
            [[activiteit.pk, overal.pk]],
        )
        keys = {pk: set(value) for pk, value in cursor.fetchall()}
    oost = activiteit.wijken.get().pk
    senioren = activiteit.terms.get().pk
    assert keys[activiteit.pk] >= {f"wijk:{oost}", f"term:{senioren}", "dag:di", "dagdeel:middag"}
    assert not any(key.startswith("dag:") and key != "dag:di" for key in keys[activiteit.pk])
    assert keys[overal.pk] == {"heel"}  # in every wijk: a wijk filter always includes "heel"
