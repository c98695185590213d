"""Search on the sociale kaart: public activities, filtered, counted per option, one page shown.

Facet counts follow the usual rule: an option's count is what the visitor would get by ticking
it, so every group is counted with all OTHER groups applied. One SQL query does all of them: it
marks each candidate activity with one flag per active filter group, keeps the candidates that
fail at most one group, and counts per option and per pattern of flags; Python then adds up the
patterns that fit each option. A fixed number of queries, whatever the number of results.

That query is the SQLite one (the embedded default, a few hundred activities). PostgreSQL reads
the options from the facet keys on each activity and returns the page in the same query
(aanbod/search_pg.py): the text is matched once, through its index.
"""

import math
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import F, Prefetch, QuerySet, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext

from .constants import Vocabulaire
from .facet_rows import add_up
from .filters import (
    ACTIVITEIT,
    MAX_WORD_VARIANTS,
    MIN_FUZZY_LENGTH,
    ROOSTER,
    TERM,
    Choices,
    Group,
    Moment,
    TextQuery,
    active_roosters,
    activity_option,
    dutch_stem,
    group_condition,
    rooster_option,
    synonym_sets,
    term_label,
    text_filter,
    text_query,
    text_rank,
)
from .indexing import search_version_bump
from .models import Activiteit, Rooster, Synoniem, Term
from .schedules import next_occurrence
from .search_pg import facet_counts_pg
from .sql import compiled, flag

PAGE_SIZE = 20


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    checked: bool
    id: str


@dataclass
class FacetGroup:
    name: str
    legend: str
    radio: bool
    options: list[FacetOption]


@dataclass
class SearchResult:
    activities: list[Activiteit]
    total: int
    page: int
    num_pages: int
    facets: list[FacetGroup]
    ignored: list[str] = field(default_factory=list)
    q: str = ""

    @property
    def first_index(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1 if self.total else 0

    @property
    def last_index(self) -> int:
        return min(self.page * PAGE_SIZE, self.total)


def activiteit_search(*, choices: Choices, groups: list[Group], now=None) -> SearchResult:
    """Public activities matching the choices: one page, the total and every facet count.

    Queries: with a text the synonym list and (PostgreSQL) the word list; on PostgreSQL one to
    turn off JIT compiling; the facet counts, the page of activities and four prefetches (wijken,
    terms, schedules and their exceptions).
    """
    moment = Moment(now or timezone.now())
    tq = text_query(choices.q, synonym_sets(Synoniem.objects.all())) if choices.q else None
    if tq and connection.vendor == "postgresql":
        tq = _with_word_list(tq)
    base = Activiteit.objects.public(now=moment.now)
    if tq:
        base = base.filter(text_filter(tq))
    active = choices.active_groups(groups)
    order = _order(tq)
    with _planner_settings(text=tq is not None):
        page_ids = None
        if connection.vendor == "postgresql":
            start = (choices.page - 1) * PAGE_SIZE
            total, counts, page_ids = facet_counts_pg(
                base, active, choices, groups, moment, order, start, PAGE_SIZE
            )
        else:
            total, counts = facet_counts(base, active, choices, groups, moment)
        num_pages = max(1, math.ceil(total / PAGE_SIZE))
        page = min(choices.page, num_pages)  # past the end: the last page
        activities = []
        if total and page_ids is not None and page == choices.page:
            activities = _page_by_ids(page_ids, moment)
        elif total:
            matching = base
            for group in active:
                matching = matching.filter(
                    group_condition(group, choices.selected[group.name], moment)
                )
            activities = _page(matching, order, page, moment)
    return SearchResult(
        activities=activities,
        total=total,
        page=page,
        num_pages=num_pages,
        facets=_facet_groups(groups, choices, counts),
        ignored=choices.ignored,
        q=choices.q,
    )


# Per query word: words of the word list that contain it ("wandel" → "avondwandeling") or, when
# there are none, the words that look most like it (a typo: "maaltyd" → "maaltijd"). A word whose
# stem starts with the query word's stem ("wandelgroep" for "wandelen") is `covered`: the query
# word's own prefix (wandel:*) finds it already, so it is not added. Covered words sort last, so
# the limit leaves room for the words the prefix cannot find.
_WORD_LIST_SQL = """
SELECT s.word, w.word, w.inside, w.covered
FROM unnest(%s::text[], %s::text[]) AS s(word, stem)
CROSS JOIN LATERAL (SELECT (ts_lexize('dutch_stem', s.word))[1] AS prefix) AS p
CROSS JOIN LATERAL (
  (SELECT word, TRUE AS inside,
     coalesce(starts_with((ts_lexize('dutch_stem', word))[1], p.prefix), FALSE) AS covered
   FROM aanbod_zoekwoord WHERE word LIKE '%%' || s.stem || '%%'
   ORDER BY covered, length(word), word LIMIT %s)
  UNION ALL
  (SELECT word, FALSE,
     coalesce(starts_with((ts_lexize('dutch_stem', word))[1], p.prefix), FALSE)
   FROM aanbod_zoekwoord WHERE word %% s.stem
   ORDER BY similarity(word, s.stem) DESC, word LIMIT 3)
) AS w
"""


def _with_word_list(tq: TextQuery) -> TextQuery:
    """The query with, per word, its compounds or likely corrections from the word list."""
    asked = [group[0] for group in tq.groups if len(dutch_stem(group[0])) >= MIN_FUZZY_LENGTH]
    if not asked:
        return tq
    with connection.cursor() as cursor:
        cursor.execute(
            _WORD_LIST_SQL, [asked, [dutch_stem(word) for word in asked], MAX_WORD_VARIANTS]
        )
        rows = cursor.fetchall()
    inside, similar = defaultdict(list), defaultdict(list)
    for word, found, is_inside, covered in rows:
        (inside if is_inside else similar)[word].append(None if covered else found)
    groups = []
    for group in tq.groups:
        # Compounds when the word list has any, even if the prefix covers them all: only a word
        # that is in no text at all is treated as a typo.
        extra = inside.get(group[0]) or similar.get(group[0], [])
        groups.append((*group, *(w for w in extra if w is not None and w not in group)))
    return TextQuery(text=tq.text, groups=tuple(groups))


@contextmanager
def _planner_settings(*, text: bool):
    """PostgreSQL settings for the search's own transaction (SET LOCAL needs one; inside one
    already, as in tests or with ATOMIC_REQUESTS, no savepoint is needed).

    No JIT: the facet query looks expensive to the planner with many activities, and compiling
    it then took seconds for a query that runs in milliseconds. With a text, no sequential
    scan: the planner cannot estimate prefix matches ("wandel:*") and read every activity
    instead of the GIN index on search_vector, 2-5x slower at 100,000 activities.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(savepoint=False):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('jit', 'off', true), set_config('enable_seqscan', %s, true)",
                ["off" if text else "on"],
            )
        yield


def _order(tq: TextQuery | None) -> dict:
    """How results are sorted: by relevance with a text, else by the next date; then by name."""
    soonest = F("next_occurrence").asc(nulls_last=True)
    if tq:
        return {
            "annotations": {"rank": text_rank(tq)},
            "order_by": [F("rank").desc(), soonest, F("name").asc(), F("pk").asc()],
        }
    return {"annotations": {}, "order_by": [soonest, F("name").asc(), F("pk").asc()]}


def _with_details(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("organisatie")


def _page(matching: QuerySet, order: dict, page: int, moment: Moment) -> list:
    ordered = matching.annotate(**order["annotations"]).order_by(*order["order_by"])
    start = (page - 1) * PAGE_SIZE
    return _prepared(list(_with_details(ordered)[start : start + PAGE_SIZE]), moment)


def _page_by_ids(ids: list[int], moment: Moment) -> list:
    found = {a.pk: a for a in _with_details(Activiteit.objects.filter(pk__in=ids))}
    return _prepared([found[pk] for pk in ids if pk in found], moment)


def _prepared(rows: list, moment: Moment) -> list:
    """What a result shows besides its own columns: wijk names, forms, the next time.

    Two small queries of plain values for the page (model instances for every wijk and term of
    twenty activities cost more than the rest of the page). The schedules are read only for the
    results whose stored next time has passed since the last reindex: two more queries at most.
    """
    ids = [activiteit.pk for activiteit in rows]
    wijk_namen, vormen = defaultdict(list), defaultdict(list)
    links = Activiteit.wijken.through.objects.filter(activiteit_id__in=ids)
    for activiteit_id, name in links.order_by("wijk__code").values_list(
        "activiteit_id", "wijk__name"
    ):
        wijk_namen[activiteit_id].append(name)
    terms = Activiteit.terms.through.objects.filter(
        activiteit_id__in=ids, term__vocabulaire=Vocabulaire.VORM
    )
    for activiteit_id, code, label in terms.order_by("term__position").values_list(
        "activiteit_id", "term__code", "term__label"
    ):
        vormen[activiteit_id].append(
            term_label(Term(vocabulaire=Vocabulaire.VORM, code=code, label=label))
        )
    stale = [a for a in rows if not (a.next_occurrence and a.next_occurrence >= moment.now)]
    prefetch_related_objects(
        stale, Prefetch("roosters", queryset=Rooster.objects.prefetch_related("uitzonderingen"))
    )
    for activiteit in rows:
        activiteit.volgende = _next_time(activiteit, moment)
        activiteit.wijk_namen = wijk_namen[activiteit.pk]
        activiteit.vormen = vormen[activiteit.pk]
    return rows


def _next_time(activiteit: Activiteit, moment: Moment):
    # The stored value is from the last reindex; once it has passed, work it out again.
    stored = activiteit.next_occurrence
    if stored and stored >= moment.now:
        return stored
    return next_occurrence(activiteit.roosters.all(), after=moment.now)


def _facet_sql(base: QuerySet, active: list[Group], choices: Choices, groups, moment: Moment):
    """The one facet query and what its option columns stand for."""
    flags = {
        f"f_{i}": flag(group_condition(g, choices.selected[g.name], moment))
        for i, g in enumerate(active)
    }
    activity_columns, rooster_columns = {}, {}
    for group in groups:
        for index, option in enumerate(group.options):
            if group.source == ACTIVITEIT:
                condition = activity_option(group, option.value, moment)
                activity_columns[f"o_{len(activity_columns)}"] = (group.name, index, condition)
            elif group.source == ROOSTER:
                condition = rooster_option(group, option.value)
                rooster_columns[f"r_{len(rooster_columns)}"] = (group.name, index, condition)
    candidates = base.order_by().annotate(
        **flags, **{col: flag(cond) for col, (_g, _i, cond) in activity_columns.items()}
    )
    b_sql, b_params = compiled(candidates.values("id", "heel_hilversum", *flags, *activity_columns))
    schedules = (
        Rooster.objects.filter(active_roosters(moment))
        .order_by()
        .annotate(**{col: flag(cond) for col, (_g, _i, cond) in rooster_columns.items()})
        .values("activiteit_id", *rooster_columns)
    )
    r_sql, r_params = compiled(schedules)

    flag_cols = [f"c.{name}" for name in flags]
    fl = "".join(f", {col}" for col in flag_cols)

    def group_by(*keys: str) -> str:
        columns = [*keys, *flag_cols]
        return f" GROUP BY {', '.join(columns)}" if columns else ""

    quote = connection.ops.quote_name
    terms = quote(Activiteit.terms.through._meta.db_table)
    wijken = quote(Activiteit.wijken.through._meta.db_table)
    members = [
        f"SELECT 'all' AS grp, 0 AS k{fl}, COUNT(*) AS n FROM c{group_by()}",
        f"SELECT 'heel', 0{fl}, COUNT(*) FROM c WHERE c.heel_hilversum{group_by()}",
        f"SELECT 'term', t.term_id{fl}, COUNT(*) FROM c JOIN {terms} t ON t.activiteit_id = c.id"
        f"{group_by('t.term_id')}",
        f"SELECT 'wijk', w.wijk_id{fl}, COUNT(*) FROM c JOIN {wijken} w"
        f" ON w.activiteit_id = c.id WHERE NOT c.heel_hilversum{group_by('w.wijk_id')}",
    ]
    for col, (name, index, _c) in activity_columns.items():
        members.append(f"SELECT '{name}', {index}{fl}, COUNT(*) FROM c WHERE c.{col}{group_by()}")
    for col, (name, index, _c) in rooster_columns.items():
        members.append(
            f"SELECT '{name}', {index}{fl}, COUNT(*) FROM c"
            f" JOIN r ON r.activiteit_id = c.id WHERE r.{col} = 1{group_by()}"
        )
    # One row per activity: does any of its running schedules have the option?
    any_schedule = ", ".join(
        f"MAX(CASE WHEN rr.{col} THEN 1 ELSE 0 END) AS {col}" for col in rooster_columns
    )
    # Keep only candidates that fail at most one group: the others count for no option.
    misses = " + ".join(f"CASE WHEN b.{name} THEN 0 ELSE 1 END" for name in flags)
    keep = f" WHERE {misses} <= 1" if len(flags) > 1 else ""
    # MATERIALIZED: work out each flag once per activity, not again in the WHERE above.
    sql = (
        f"WITH b AS MATERIALIZED ({b_sql}), c AS (SELECT * FROM b{keep}),"
        f" r AS (SELECT rr.activiteit_id, {any_schedule} FROM ({r_sql}) rr"
        " WHERE rr.activiteit_id IN (SELECT id FROM c) GROUP BY rr.activiteit_id)"
        f" {' UNION ALL '.join(members)}"
    )
    return sql, (*b_params, *r_params)


def _row_targets(groups: list[Group]):
    """Map a row of the facet query to its group and the option values it counts for."""
    by_name = {group.name: group for group in groups}
    term_option = {
        option.key: (group.name, option.value)
        for group in groups
        if group.source == TERM
        for option in group.options
    }
    wijk_option = {option.key: option.value for option in by_name["wijk"].options}

    def targets(grp: str, key: int) -> tuple[str | None, list[str]]:
        if grp == "heel":  # an activity for all of Hilversum counts in every wijk
            return "wijk", list(wijk_option.values())
        if grp == "wijk":
            return ("wijk", [wijk_option[key]]) if key in wijk_option else (None, [])
        if grp == "term":
            name, value = term_option.get(key, (None, None))
            return name, [value]
        return grp, [by_name[grp].options[key].value]

    return targets


def facet_counts(base: QuerySet, active, choices: Choices, groups, moment: Moment):
    """The number of matching activities and, per (group, value), the count of that option.

    `(group, None)` holds the count of a radio group's "no preference" option.
    """
    sql, params = _facet_sql(base, active, choices, groups, moment)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()

    return add_up(rows, active, groups, _row_targets(groups))


def _facet_groups(groups: list[Group], choices: Choices, counts: Counter) -> list[FacetGroup]:
    facets = []
    for group in groups:
        chosen = choices.selected.get(group.name, [])
        options = []
        if group.radio:
            count = counts[(group.name, None)]
            options.append(
                FacetOption("", gettext("Maakt niet uit"), count, not chosen, f"f-{group.name}")
            )
        for option in group.options:
            options.append(
                FacetOption(
                    value=option.value,
                    label=option.label,
                    count=counts[(group.name, option.value)],
                    checked=option.value in chosen,
                    id=f"f-{group.name}-{option.value}",
                )
            )
        facets.append(FacetGroup(group.name, group.legend, group.radio, options))
    return facets


# Writes: the synonym list the kartrekker keeps.


def _clean_synonyms(text: str) -> str:
    parts = (" ".join(part.split()).lower() for part in text.split(","))
    return ", ".join(dict.fromkeys(part for part in parts if part))


@transaction.atomic
def synoniem_save(*, synoniem: Synoniem | None = None, term: str, synonyms: str) -> Synoniem:
    """Create or change one line of the synonym list; words are stored in lower case."""
    synoniem = synoniem or Synoniem()
    synoniem.term = " ".join(term.split()).lower()
    synoniem.synonyms = _clean_synonyms(synonyms)
    synoniem.full_clean()
    synoniem.save()
    transaction.on_commit(search_version_bump)
    return synoniem


@transaction.atomic
def synoniem_delete(*, synoniem: Synoniem) -> None:
    """Remove one line of the synonym list."""
    synoniem.delete()
    transaction.on_commit(search_version_bump)
