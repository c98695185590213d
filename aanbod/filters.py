"""The filters of the public search page: GET parameters → known choices → query conditions.

django-filter is not used here on purpose: facet counts need each filter group applied "all but
one" (see aanbod/search.py), and an unknown value must be dropped on its own with a visible note
instead of invalidating the whole form.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import Case, F, FloatField, Q, Value, When
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wijken.models import Wijk

from .constants import DAG_CODES, TERMEN, Herhaling, Toegankelijkheid, Vocabulaire, Weekdag
from .facet_keys import HEEL, keys_condition, option_key
from .indexing import normalise
from .models import Activiteit, Rooster, Term
from .schedules import AMSTERDAM

MAX_Q_LENGTH = 200
MAX_WORDS = 8
# Shorter words match too much inside other words and with a typo ("eten" would find "meten").
MIN_FUZZY_LENGTH = 5
# Enough for the compounds of one word ("wandelgroep", "avondwandeling", …) in a real word list.
MAX_WORD_VARIANTS = 30
# Far more than there are options in any group; stops work on hostile URLs early.
MAX_VALUES_PER_GROUP = 50
MAX_IGNORED_SHOWN = 5

# Where the condition of a group is checked: on a term or wijk link, on a schedule, or on the
# activity row itself. aanbod/search.py builds its facet counts per source.
TERM, WIJK, ROOSTER, ACTIVITEIT = "term", "wijk", "rooster", "activiteit"

DAY_FIELDS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
NOON, EVENING = time(12, 0), time(18, 0)


@dataclass(frozen=True)
class Option:
    value: str  # as in the URL
    label: str
    key: int | None = None  # primary key of the Term or Wijk behind the option


@dataclass(frozen=True)
class Group:
    name: str  # the GET parameter
    legend: str
    source: str
    options: tuple[Option, ...]
    radio: bool = False
    vocabulaire: str | None = None


@dataclass
class Choices:
    """What the visitor asked for, with every unknown value left out."""

    q: str = ""
    selected: dict[str, list[str]] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    page: int = 1

    def active_groups(self, groups: list[Group]) -> list[Group]:
        return [g for g in groups if self.selected.get(g.name)]


@dataclass(frozen=True)
class Moment:
    """The clock of one request, so that "vandaag" means the same day in every query."""

    now: datetime

    @property
    def today(self):
        return timezone.localtime(self.now, AMSTERDAM).date()

    def day_start(self, days: int = 0) -> datetime:
        return datetime.combine(self.today + timedelta(days=days), time.min, tzinfo=AMSTERDAM)


_TERM_LABELS = {(str(vocab), code): label for vocab, code, label in TERMEN}

_STATIC_GROUPS = {
    "dag": (
        ROOSTER,
        _("Dag"),
        [(code, capfirst(Weekdag(day).label)) for day, code in enumerate(DAG_CODES)],
    ),
    "dagdeel": (
        ROOSTER,
        _("Tijd van de dag"),
        [
            ("ochtend", _("Ochtend (voor 12 uur)")),
            ("middag", _("Middag (12 tot 18 uur)")),
            ("avond", _("Avond (vanaf 18 uur)")),
        ],
    ),
    "kosten": (ACTIVITEIT, _("Kosten"), [("gratis", _("Alleen gratis activiteiten"))]),
    "toegankelijk": (ROOSTER, _("Toegankelijkheid"), list(Toegankelijkheid.choices)),
}

# (GET parameter, vocabulary) of the groups whose options are taxonomy terms.
_TERM_GROUPS = {
    "type": (Vocabulaire.TYPE, _("Soort activiteit")),
    "doelgroep": (Vocabulaire.DOELGROEP, _("Voor wie")),
    "vorm": (Vocabulaire.VORM, _("Waar of hoe")),
    "taal": (Vocabulaire.TAAL, _("Taal")),
    "soort": (Vocabulaire.SOORT, _("Soort eenzaamheid")),
}

# The order of the fieldsets on the page: the questions residents ask first come first.
GROUP_ORDER = [
    "wanneer",
    "wijk",
    "dag",
    "dagdeel",
    "type",
    "doelgroep",
    "kosten",
    "vorm",
    "toegankelijk",
    "taal",
    "soort",
]


def term_label(term: Term) -> str:
    """The translated label of a term (the database holds the Dutch one)."""
    return _TERM_LABELS.get((term.vocabulaire, term.code), term.label)


def _static_groups() -> list[Group]:
    return [
        Group(name, legend, source, tuple(Option(v, lab) for v, lab in options))
        for name, (source, legend, options) in _STATIC_GROUPS.items()
    ]


def schedule_groups() -> list[Group]:
    """The groups whose options are read from the schedules (no query needed)."""
    return [group for group in _static_groups() if group.source == ROOSTER]


def filter_groups() -> list[Group]:
    """All filter groups with their options, in page order (two queries: terms and wijken)."""
    groups = {
        "wanneer": Group(
            "wanneer",
            _("Wanneer"),
            ACTIVITEIT,
            (Option("vandaag", _("Vandaag")), Option("deze-week", _("Deze week"))),
            radio=True,
        ),
        "wijk": Group(
            "wijk",
            _("Wijk"),
            WIJK,
            tuple(Option(w.slug, w.name, w.pk) for w in Wijk.objects.only("pk", "slug", "name")),
        ),
    }
    groups.update({group.name: group for group in _static_groups()})
    terms: dict[str, list[Option]] = {vocab: [] for vocab, _legend in _TERM_GROUPS.values()}
    for term in Term.objects.only("pk", "vocabulaire", "code", "label"):
        terms.setdefault(term.vocabulaire, []).append(Option(term.code, term_label(term), term.pk))
    for name, (vocab, legend) in _TERM_GROUPS.items():
        groups[name] = Group(name, legend, TERM, tuple(terms[vocab]), vocabulaire=vocab)
    return [groups[name] for name in GROUP_ORDER]


def clean_text(value: str) -> str:
    """Drop control characters (NUL bytes included) and lone surrogates; fold whitespace."""
    kept = (c for c in value if unicodedata.category(c) not in {"Cc", "Cf", "Cs", "Co", "Cn"})
    return " ".join("".join(kept).split())


def parse_page(value: str | None) -> int:
    """A page number from the URL; anything that is not a positive number means page 1."""
    value = (value or "").strip()
    if not (value.isascii() and value.isdigit()):
        return 1
    if len(value) > 9:
        return 10**9  # past any end: the search shows the last page
    return max(1, int(value))


def parse_choices(params, groups: list[Group]) -> Choices:
    """Read the GET parameters; unknown values are collected in `ignored`, never raised."""
    choices = Choices(q=clean_text(params.get("q", ""))[:MAX_Q_LENGTH])
    for group in groups:
        known = {option.value for option in group.options}
        chosen: list[str] = []
        for raw in params.getlist(group.name)[:MAX_VALUES_PER_GROUP]:
            value = clean_text(raw)
            if not value or value in chosen:
                continue
            if value in known:
                chosen.append(value)
            elif len(choices.ignored) < MAX_IGNORED_SHOWN:
                choices.ignored.append(f"{group.name}={value[:40]}")
        if chosen:
            choices.selected[group.name] = chosen
    choices.page = parse_page(params.get("pagina"))
    return choices


def active_roosters(moment: Moment) -> Q:
    """Schedules that still take place: not ended, and a single date not in the past."""
    today = moment.today
    return (Q(end_date__isnull=True) | Q(end_date__gte=today)) & ~Q(
        herhaling=Herhaling.EENMALIG, start_date__lt=today
    )


def _day(index: int) -> Q:
    # A single date may have no weekday ticked; its date then says which day it is.
    no_days = Q(**{name: False for name in DAY_FIELDS})
    return Q(**{DAY_FIELDS[index]: True}) | (no_days & Q(start_date__iso_week_day=index + 1))


def rooster_option(group: Group, value: str) -> Q:
    """The condition of one option of a schedule group, on Rooster."""
    if group.name == "dag":
        return _day(DAG_CODES.index(value))
    if group.name == "dagdeel":
        return {
            "ochtend": Q(start_time__lt=NOON),
            "middag": Q(start_time__gte=NOON, start_time__lt=EVENING),
            "avond": Q(start_time__gte=EVENING),
        }[value]
    return Q(**{f"locatie__{value}": True})  # toegankelijk: a field of Locatie


def activity_option(group: Group, value: str, moment: Moment) -> Q:
    """The condition of one option of a group on the activity row itself."""
    if group.name == "kosten":
        return Q(is_free=True)
    # wanneer: the stored next occurrence, which the nightly reindex moves on with the calendar.
    days = 1 if value == "vandaag" else 7 - moment.today.weekday()
    return Q(next_occurrence__gte=moment.day_start(), next_occurrence__lt=moment.day_start(days))


def group_condition(group: Group, values: list[str], moment: Moment) -> Q:
    """Activities matching any of the chosen values of one group (OR within a group).

    On PostgreSQL the options of wijk, term and schedule groups are read from the facet keys
    stored on the activity (aanbod/facet_keys.py); the conditions below are how they are made.
    """
    if group.source != ACTIVITEIT and connection.vendor == "postgresql":
        keys = [option_key(group, o) for o in group.options if o.value in values]
        return Q(keys_condition([*keys, HEEL] if group.source == WIJK else keys))
    if group.source == ROOSTER:
        either = Q()
        for value in values:
            either |= rooster_option(group, value)
        rooster_ids = Rooster.objects.filter(active_roosters(moment) & either)
        return Q(pk__in=rooster_ids.values("activiteit_id"))
    if group.source == ACTIVITEIT:
        either = Q()
        for value in values:
            either |= activity_option(group, value, moment)
        return either
    keys = [o.key for o in group.options if o.value in values]
    if group.source == TERM:
        links = Activiteit.terms.through.objects.filter(term_id__in=keys)
        return Q(pk__in=links.values("activiteit_id"))
    links = Activiteit.wijken.through.objects.filter(wijk_id__in=keys)
    # An activity for all of Hilversum is in every wijk.
    return Q(heel_hilversum=True) | Q(pk__in=links.values("activiteit_id"))


# Text search. PostgreSQL: full-text search with the `dutch` configuration on `search_vector` and
# prefix matching ("wandel" finds "wandelgroep"); aanbod/search.py first adds the words of the word
# list that contain a query word or are a likely typo of it. SQLite: substring match on the
# normalised `search_text` (see aanbod/SEARCH.md).

_WORD_RE = re.compile(r"[^\W_]+")
# Longest first, so "tjes" goes before "s". Enough for plurals and diminutives; not a stemmer.
_SUFFIXES = ("heden", "etjes", "tjes", "jes", "tje", "ingen", "ing", "en", "je", "es", "s", "e")


def dutch_stem(word: str) -> str:
    """Strip one common Dutch suffix: "wandelen" → "wandel", "kopjes" → "kop"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    """The normalised words of a text, without punctuation: "Café-bezoek!" → ["cafe", "bezoek"]."""
    return _WORD_RE.findall(normalise(text))


@dataclass(frozen=True)
class TextQuery:
    """A cleaned search text: per word, the word itself followed by the synonyms it stands for."""

    text: str
    groups: tuple[tuple[str, ...], ...]


def synonym_sets(rows) -> list[set[str]]:
    """Each line of the synonym list as a set of normalised words and phrases."""
    sets = []
    for row in rows:
        members = {" ".join(words(part)) for part in [row.term, *row.synonyms.split(",")]}
        members.discard("")
        if len(members) > 1:
            sets.append(members)
    return sets


def text_query(q: str, synonyms: list[set[str]]) -> TextQuery | None:
    """Split q into at most MAX_WORDS words, each with its synonyms; None when no word is left."""
    found = list(dict.fromkeys(w for w in words(q) if len(w) >= 2))[:MAX_WORDS]
    if not found:
        return None
    groups = []
    for word in found:
        variants = {word}
        for members in synonyms:
            if word in members or dutch_stem(word) in {dutch_stem(m) for m in members}:
                variants |= members
        groups.append((word, *sorted(variants - {word})))
    return TextQuery(text=" ".join(found), groups=tuple(groups))


def _tsquery(variants) -> str:
    # Only word characters reach to_tsquery, so nobody can inject its operators.
    parts = ["(" + " & ".join(f"{w}:*" for w in words(v)) + ")" for v in variants if words(v)]
    return " | ".join(parts)


def text_filter(tq: TextQuery) -> Q:
    """Activities whose text matches every word of the query, or one of its variants."""
    condition = Q()
    for group in tq.groups:
        if connection.vendor == "postgresql":
            query = SearchQuery(_tsquery(group), search_type="raw", config="dutch")
            condition &= Q(search_vector=query)
            continue
        match = Q()
        for variant in group:
            # A phrase is matched as it is; a single word by its stem ("wandel" for "wandelen").
            match |= Q(search_text__contains=variant if " " in variant else dutch_stem(variant))
        condition &= match
    return condition


def text_rank(tq: TextQuery):
    """An expression to sort matches by relevance, highest first."""
    if connection.vendor == "postgresql":
        every = " | ".join(f"({_tsquery(group)})" for group in tq.groups)
        query = SearchQuery(every, search_type="raw", config="dutch")
        return SearchRank(F("search_vector"), query) + TrigramWordSimilarity(tq.text, "name")
    in_name = Q()
    for group in tq.groups:
        for variant in group:
            in_name |= Q(name__icontains=dutch_stem(variant))
    return Case(When(in_name, then=Value(1.0)), default=Value(0.0), output_field=FloatField())
