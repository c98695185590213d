"""The self-check form: which answers it accepts, and its Dutch messages for the rest."""

import pytest

from pijlers.forms_zelftest import ZelftestForm
from pijlers.zelftest import VRAGEN

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

NAMES = [v.name for v in VRAGEN]


def answers(**overrides) -> dict[str, str]:
    return {**dict.fromkeys(NAMES, "min-of-meer"), **overrides}


def test_six_answers_and_nothing_else_is_valid():
    form = ZelftestForm(answers())
    assert form.is_valid(), form.errors
    assert form.antwoorden() == dict.fromkeys(NAMES, "min-of-meer")
    assert form.cleaned_data["leeftijd"] == "" and form.cleaned_data["wijk"] == ""


def test_questions_come_first_then_age_group_and_wijk():
    assert list(ZelftestForm().fields) == [*NAMES, "leeftijd", "wijk"]


def test_one_question_may_be_skipped():
    form = ZelftestForm(answers(leegte=""))
    assert form.is_valid(), form.errors
    assert form.antwoorden()["leegte"] == ""


def test_two_skipped_questions_each_get_an_error_and_the_summary_says_how_many_are_needed():
    data = answers()
    del data["leegte"], data["verbonden"]
    form = ZelftestForm(data)
    assert not form.is_valid()
    assert form.errors["leegte"] == ["Kies een antwoord."]
    assert form.errors["verbonden"] == ["Kies een antwoord."]
    assert form.non_field_errors() == [
        "U hebt 4 vragen beantwoord. Beantwoord er minstens 5 van de 6. "
        "Dan kunnen we zeggen wat de uitslag is."
    ]
    assert "terugvallen" not in form.errors


def test_an_empty_form_asks_for_every_question():
    form = ZelftestForm({})
    assert not form.is_valid()
    assert set(form.errors) == {*NAMES, "__all__"}
    assert "U hebt 0 vragen beantwoord." in form.non_field_errors()[0]


def test_one_answered_question_is_named_in_the_singular():
    form = ZelftestForm({"leegte": "ja"})
    assert "U hebt 1 vraag beantwoord." in form.non_field_errors()[0]


@pytest.mark.parametrize("bad", ["JA", "misschien", "0", "ja\x00", "x" * 5000])
def test_an_unknown_answer_gets_a_dutch_message_and_is_not_counted_as_skipped(bad):
    form = ZelftestForm(answers(vertrouwen=bad))
    assert not form.is_valid()
    assert form.errors == {"vertrouwen": ["Kies nee, min of meer of ja."]}


def test_an_unknown_answer_and_one_skipped_question_only_complain_about_the_unknown_one():
    form = ZelftestForm(answers(vertrouwen="wellicht", leegte=""))
    assert form.errors == {"vertrouwen": ["Kies nee, min of meer of ja."]}


def test_unknown_age_group_and_wijk_get_dutch_messages():
    form = ZelftestForm(answers(leeftijd="130", wijk="amsterdam"))
    assert not form.is_valid()
    assert form.errors == {
        "leeftijd": ["Kies een van de leeftijden uit de lijst."],
        "wijk": ["Kies een wijk uit de lijst."],
    }


def test_wijk_choices_are_the_wijken_of_hilversum_by_name_after_a_no_answer_option():
    choices = ZelftestForm().fields["wijk"].choices
    assert choices[0] == ("", "Weet ik niet of zeg ik liever niet")
    names = [name for _slug, name in choices[1:]]
    assert "Hilversumse Meent" in names and "Oost" in names
    assert names == sorted(names)


def test_age_group_and_wijk_are_kept_when_valid():
    form = ZelftestForm(answers(leeftijd="75-plus", wijk="oost"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["leeftijd"] == "75-plus"
    assert form.wijk_name("oost") == "Oost"
    assert form.wijk_name("") == ""
