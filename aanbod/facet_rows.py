"""Adding up the rows of a facet query (aanbod/search.py on SQLite, aanbod/search_pg.py).

Each row is (kind, key, one flag per active filter group, count). A row counts for an option
when it passes every active group except the option's own; `targets(kind, key)` says which
group and option values a row stands for.
"""

from collections import Counter


def add_up(rows, active, groups, targets) -> tuple[int, Counter]:
    """The number of matches and, per (group, value), the count of that option.

    `(group, None)` holds the count of a radio group's "no preference" option.
    """
    position = {group.name: i for i, group in enumerate(active)}
    radios = [group.name for group in groups if group.radio]

    def fits(flags, name) -> bool:
        skip = position.get(name)
        return all(flag for i, flag in enumerate(flags) if i != skip)

    total, counts = 0, Counter()
    for kind, key, *flags, n in rows:
        if kind == "all":
            total += n if fits(flags, None) else 0
            for name in radios:
                counts[(name, None)] += n if fits(flags, name) else 0
            continue
        name, values = targets(kind, key)
        if name and fits(flags, name):
            for value in values:
                counts[(name, value)] += n
    return total, counts
