"""Issue #8: the self-check by keyboard only, from the home page to the result.

Tab, Shift+Tab, the arrow keys, Space and Enter only: no clicks, no address typed after the
home page. tests/e2e/test_zelftest.py checks every answer's score; this checks the way there.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.keyboard import assert_focus_visible, tab_to

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Question → the answer chosen (0 nee, 1 min of meer, 2 ja). Emotional items 1, 3 and 5 score
# on "ja" and "min of meer", social items 2, 4 and 6 on "nee" and "min of meer": 4 of 6.
ANSWERS = {
    "leegte": 2,
    "terugvallen": 0,
    "mensen_missen": 1,
    "vertrouwen": 2,
    "in_de_steek": 0,
    "verbonden": 1,
}


def _answer(page, question: str, choice: int) -> None:
    """From the question's first answer: Space picks it, each ArrowRight the next one."""
    tab_to(page, f"#id_{question}_0")
    page.keyboard.press("Space")
    for _ in range(choice):
        page.keyboard.press("ArrowRight")
    expect(page.locator(f"#id_{question}_{choice}")).to_be_checked()
    assert_focus_visible(page)


def test_self_check_from_the_home_page_to_the_result_by_keyboard_only(visitor, wandelclub):
    page = visitor.open("/")
    tab_to(page, "main a[href='/zelftest/']")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Zelftest: voelt u zich eenzaam?")
    visitor.check_skip_link()

    for question, choice in ANSWERS.items():
        _answer(page, question, choice)
    # Back one question with Shift+Tab and change the answer there, then on again.
    tab_to(page, "#id_in_de_steek_0", back=True)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#id_in_de_steek_2")).to_be_checked()  # now "ja": 5 of 6
    tab_to(page, "#id_leeftijd_0")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    expect(page.locator("#id_leeftijd_3")).to_be_checked()
    tab_to(page, "#id_wijk")
    for _ in range(20):  # a closed list follows the arrow keys
        if page.locator("#id_wijk").input_value() == "oost":
            break
        page.keyboard.press("ArrowDown")
    expect(page.locator("#id_wijk")).to_have_value("oost")
    tab_to(page, "button:has-text('Bekijk de uitslag')")
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Uitslag van de zelftest")
    expect(page.locator("#zelftest-score")).to_contain_text("Uw score is 5 van de 6")
    tab_to(page, "main a:has-text('Wandelclub Oost')")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Wandelclub Oost")
