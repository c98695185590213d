"""Scoring of the self-check (the 6-item De Jong Gierveld scale): pure functions, no database."""

import pytest

from pijlers.zelftest import (
    VRAGEN,
    Leeftijd,
    Niveau,
    Soort,
    niveau,
    score,
    zoekadres,
    zoekvragen,
)

pytestmark = pytest.mark.sqlite

EMOTIONEEL = [v.name for v in VRAGEN if v.soort == Soort.EMOTIONEEL]
SOCIAAL = [v.name for v in VRAGEN if v.soort == Soort.SOCIAAL]

# Answers that score nothing: "nee" to the emotional items, "ja" to the social ones.
NOT_LONELY = {**dict.fromkeys(EMOTIONEEL, "nee"), **dict.fromkeys(SOCIAAL, "ja")}
# Answers that score everything.
LONELY = {**dict.fromkeys(EMOTIONEEL, "ja"), **dict.fromkeys(SOCIAAL, "nee")}


def with_points(n: int) -> dict[str, str]:
    """All six answered, the first n questions (in page order) answered "lonely"."""
    answers = dict(NOT_LONELY)
    for vraag in VRAGEN[:n]:
        answers[vraag.name] = LONELY[vraag.name]
    return answers


def test_the_six_statements_are_the_published_ones_in_alternating_order():
    assert [(str(v.text), v.soort) for v in VRAGEN] == [
        ("Ik ervaar een leegte om me heen", Soort.EMOTIONEEL),
        ("Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen", Soort.SOCIAAL),
        ("Ik mis mensen om me heen", Soort.EMOTIONEEL),
        ("Ik heb veel mensen op wie ik volledig kan vertrouwen", Soort.SOCIAAL),
        ("Vaak voel ik me in de steek gelaten", Soort.EMOTIONEEL),
        ("Er zijn voldoende mensen met wie ik me nauw verbonden voel", Soort.SOCIAAL),
    ]


@pytest.mark.parametrize("name", EMOTIONEEL)
@pytest.mark.parametrize(("answer", "points"), [("ja", 1), ("min-of-meer", 1), ("nee", 0)])
def test_an_emotional_statement_scores_for_ja_and_min_of_meer(name, answer, points):
    uitslag = score({**NOT_LONELY, name: answer})
    assert uitslag.totaal == points
    assert uitslag.emotioneel == points
    assert uitslag.sociaal == 0


@pytest.mark.parametrize("name", SOCIAAL)
@pytest.mark.parametrize(("answer", "points"), [("nee", 1), ("min-of-meer", 1), ("ja", 0)])
def test_a_social_statement_scores_for_nee_and_min_of_meer(name, answer, points):
    uitslag = score({**NOT_LONELY, name: answer})
    assert uitslag.totaal == points
    assert uitslag.sociaal == points
    assert uitslag.emotioneel == 0


def test_min_of_meer_everywhere_is_the_highest_score():
    uitslag = score(dict.fromkeys(NOT_LONELY, "min-of-meer"))
    assert (uitslag.totaal, uitslag.emotioneel, uitslag.sociaal) == (6, 3, 3)
    assert uitslag.niveau == Niveau.STERK


def test_no_lonely_answer_is_a_score_of_zero_and_not_lonely():
    uitslag = score(NOT_LONELY)
    assert (uitslag.totaal, uitslag.emotioneel, uitslag.sociaal) == (0, 0, 0)
    assert uitslag.niveau == Niveau.NIET
    assert uitslag.emotioneel_eenzaam is False and uitslag.sociaal_eenzaam is False
    assert uitslag.soorten == []
    assert uitslag.ontbrekend == ()


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        (0, Niveau.NIET),
        (1, Niveau.NIET),
        (2, Niveau.MATIG),
        (3, Niveau.MATIG),
        (4, Niveau.MATIG),
        (5, Niveau.STERK),
        (6, Niveau.STERK),
    ],
)
def test_total_0_to_1_is_not_lonely_2_to_4_moderately_5_to_6_severely(points, expected):
    assert niveau(points) == expected
    uitslag = score(with_points(points))
    assert uitslag.totaal == points
    assert uitslag.niveau == expected


def test_category_labels_say_it_in_words():
    assert [str(n.label) for n in Niveau] == ["niet eenzaam", "matig eenzaam", "sterk eenzaam"]


@pytest.mark.parametrize("total", [-1, 7])
def test_a_total_outside_0_to_6_is_refused(total):
    with pytest.raises(ValueError):
        niveau(total)


@pytest.mark.parametrize("points", [0, 1, 2, 3])
def test_a_subscale_of_0_is_not_lonely_and_1_to_3_is_lonely(points):
    answers = dict(NOT_LONELY)
    for name in EMOTIONEEL[:points]:
        answers[name] = "ja"
    for name in SOCIAAL[:points]:
        answers[name] = "nee"
    uitslag = score(answers)
    assert uitslag.emotioneel == uitslag.sociaal == points
    assert uitslag.emotioneel_eenzaam is (points >= 1)
    assert uitslag.sociaal_eenzaam is (points >= 1)


def test_soorten_name_the_lonely_subscales_social_first():
    only_social = score({**NOT_LONELY, "verbonden": "nee"})
    only_emotional = score({**NOT_LONELY, "leegte": "ja"})
    both = score(LONELY)
    assert only_social.soorten == [Soort.SOCIAAL]
    assert only_emotional.soorten == [Soort.EMOTIONEEL]
    assert both.soorten == [Soort.SOCIAAL, Soort.EMOTIONEEL]


# Missing answers, following the authors' SPSS syntax (see pijlers/zelftest.py).


@pytest.mark.parametrize("skipped", [v.name for v in VRAGEN])
def test_one_missing_answer_still_gives_a_total_over_the_five_answered(skipped):
    answers = {name: value for name, value in LONELY.items() if name != skipped}
    uitslag = score(answers)
    assert uitslag.totaal == 5  # the skipped question adds nothing; nothing is imputed
    assert uitslag.niveau == Niveau.STERK
    assert uitslag.ontbrekend == (skipped,)


def test_one_missing_answer_leaves_its_own_subscale_without_a_score():
    uitslag = score({**LONELY, "leegte": None})
    assert uitslag.emotioneel is None and uitslag.emotioneel_eenzaam is None
    assert uitslag.sociaal == 3 and uitslag.sociaal_eenzaam is True
    assert uitslag.soorten == [Soort.SOCIAAL]


def test_one_missing_answer_can_move_the_total_across_a_boundary_only_downwards():
    # 2 points of 6 answers is "matig"; leave out one of those points and 1 of 5 is "niet".
    answers = with_points(2)
    del answers[VRAGEN[0].name]
    uitslag = score(answers)
    assert uitslag.totaal == 1
    assert uitslag.niveau == Niveau.NIET


def test_two_missing_answers_give_no_total_and_no_category():
    uitslag = score({**LONELY, "leegte": "", "terugvallen": None})
    assert uitslag.totaal is None
    assert uitslag.niveau is None
    assert uitslag.emotioneel is None and uitslag.sociaal is None
    assert uitslag.ontbrekend == ("leegte", "terugvallen")


def test_two_missing_in_one_subscale_leave_the_other_subscale_scored():
    answers = {name: LONELY[name] for name in [*SOCIAAL, EMOTIONEEL[0]]}
    uitslag = score(answers)
    assert uitslag.totaal is None
    assert uitslag.emotioneel is None
    assert uitslag.sociaal == 3


def test_no_answers_at_all_give_no_scores():
    uitslag = score({})
    assert (uitslag.totaal, uitslag.emotioneel, uitslag.sociaal) == (None, None, None)
    assert uitslag.ontbrekend == tuple(v.name for v in VRAGEN)
    assert uitslag.soorten == []


def test_empty_string_and_none_both_count_as_missing():
    assert score({**NOT_LONELY, "leegte": ""}).ontbrekend == ("leegte",)
    assert score({**NOT_LONELY, "leegte": None}).ontbrekend == ("leegte",)


@pytest.mark.parametrize("bad", ["JA", "misschien", "1", " ja"])
def test_an_unknown_answer_is_refused(bad):
    with pytest.raises(ValueError):
        score({**NOT_LONELY, "vertrouwen": bad})


def test_keys_that_are_not_questions_are_ignored():
    assert score({**LONELY, "csrfmiddlewaretoken": "x", "wijk": "oost"}).totaal == 6


# The search on the sociale kaart that fits the result.


def test_social_loneliness_searches_social_activities_and_emotional_emotional_ones():
    assert zoekvragen(score({**NOT_LONELY, "vertrouwen": "nee"})) == [("soort", "sociaal")]
    assert zoekvragen(score({**NOT_LONELY, "leegte": "ja"})) == [("soort", "emotioneel")]
    assert zoekvragen(score(LONELY)) == [("soort", "sociaal"), ("soort", "emotioneel")]


def test_without_a_kind_of_loneliness_the_search_has_no_kind():
    assert zoekvragen(score(NOT_LONELY)) == []


@pytest.mark.parametrize(
    ("leeftijd", "doelgroepen"),
    [
        (Leeftijd.TOT_25, ["jongeren", "iedereen"]),
        (Leeftijd.TOT_65, ["volwassenen", "iedereen"]),
        (Leeftijd.TOT_75, ["senioren", "iedereen"]),
        (Leeftijd.VANAF_75, ["senioren", "senioren-75", "iedereen"]),
    ],
)
def test_age_group_searches_its_target_groups_and_activities_for_everyone(leeftijd, doelgroepen):
    params = zoekvragen(score(NOT_LONELY), leeftijd=leeftijd)
    assert params == [("doelgroep", code) for code in doelgroepen]


def test_wijk_is_added_to_the_search_and_the_address_carries_all_of_it():
    params = zoekvragen(score(LONELY), leeftijd="75-plus", wijk="oost")
    assert zoekadres(params) == (
        "?soort=sociaal&soort=emotioneel&doelgroep=senioren&doelgroep=senioren-75"
        "&doelgroep=iedereen&wijk=oost"
    )
    assert zoekadres([]) == ""


def test_an_unknown_age_group_is_refused():
    with pytest.raises(ValueError):
        zoekvragen(score(NOT_LONELY), leeftijd="honderd")
