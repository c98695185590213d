"""The self-check in a real browser: keyboard only, axe-core on form, errors and result."""

import pytest
from playwright.sync_api import expect

# serialized_rollback: wijken and terms come from data migrations; the flush after each
# transactional test would otherwise delete them for the tests that follow.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADING = "Zelftest: voelt u zich eenzaam?"


def focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def tab_to(page, element_id: str, limit: int = 40) -> None:
    """Press Tab from where focus is until the element has it (as a keyboard user would)."""
    for _ in range(limit):
        if focused_id(page) == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}; focus is on #{focused_id(page)}")


def test_empty_form_passes_axe_and_loads_only_from_the_portal(visitor):
    page = visitor.open("/zelftest/")
    expect(page.locator("h1")).to_have_text(HEADING)
    visitor.audit()
    visitor.check_skip_link()


def test_form_with_errors_passes_axe_focuses_the_summary_and_keeps_the_answers(visitor):
    page = visitor.open("/zelftest/")
    page.locator("#id_leegte_2").check()
    page.get_by_role("button", name="Bekijk de uitslag").click()
    expect(page.locator("#foutmeldingen")).to_be_focused()
    expect(page.locator("#foutmeldingen")).to_contain_text("U hebt 1 vraag beantwoord.")
    expect(page.locator("#id_leegte_2")).to_be_checked()
    visitor.audit()
    # Following an error link lands on the question it names.
    page.locator("#foutmeldingen a", has_text="Ik mis mensen om me heen").click()
    assert page.url.endswith("#id_mensen_missen_0")


def test_self_check_can_be_done_by_keyboard_only_and_the_result_passes_axe(visitor, wandelclub):
    page = visitor.open("/zelftest/")
    page.keyboard.press("Tab")  # from the top of the page, like anyone with a keyboard
    tab_to(page, "id_leegte_0")
    # 1 (emotional) "min of meer": Space picks "nee", the arrow moves on to the next answer.
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#id_leegte_1")).to_be_checked()
    # 2 (social) "nee".
    page.keyboard.press("Tab")
    expect(page.locator("#id_terugvallen_0")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.locator("#id_terugvallen_0")).to_be_checked()
    # 3 (emotional) "ja".
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#id_mensen_missen_2")).to_be_checked()
    # 4 (social) "min of meer".
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#id_vertrouwen_1")).to_be_checked()
    # 5 (emotional) "nee".
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.locator("#id_in_de_steek_0")).to_be_checked()
    # 6 (social) "ja".
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowLeft")  # from the first answer the arrow wraps round to the last
    expect(page.locator("#id_verbonden_2")).to_be_checked()
    # Age group: "Zeg ik liever niet" is chosen; arrows go down to "65 tot 75 jaar".
    page.keyboard.press("Tab")
    expect(page.locator("#id_leeftijd_0")).to_be_focused()
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    expect(page.locator("#id_leeftijd_3")).to_be_checked()
    # Wijk: a closed list follows the arrow keys.
    page.keyboard.press("Tab")
    expect(page.locator("#id_wijk")).to_be_focused()
    for _ in range(20):
        if page.locator("#id_wijk").input_value() == "oost":
            break
        page.keyboard.press("ArrowDown")
    expect(page.locator("#id_wijk")).to_have_value("oost")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Bekijk de uitslag")).to_be_focused()
    page.keyboard.press("Space")

    expect(page.locator("h1")).to_have_text("Uitslag van de zelftest")
    # Emotional 2 (items 1 and 3), social 2 (items 2 and 4): 4 of 6, matig eenzaam.
    expect(page.locator("#zelftest-score")).to_contain_text("Uw score is 4 van de 6")
    expect(page.locator("#zelftest-score")).to_contain_text("matig eenzaam")
    expect(page.get_by_role("link", name="Wandelclub Oost")).to_be_visible()
    expect(page.get_by_role("link", name="088 0767 000").first).to_be_visible()
    assert page.url.endswith("/zelftest/uitslag/")  # no answers in the address
    cookies = {cookie["name"] for cookie in page.context.cookies()}
    assert cookies <= {"csrftoken"}
    visitor.audit()


def test_result_works_without_javascript(visitor_without_js):
    page = visitor_without_js.open("/zelftest/")
    for answer_id in ["leegte_2", "terugvallen_0", "mensen_missen_2", "vertrouwen_0"]:
        page.locator(f"#id_{answer_id}").check()
    page.locator("#id_in_de_steek_2").check()
    page.get_by_role("button", name="Bekijk de uitslag").click()
    expect(page.locator("h1")).to_have_text("Uitslag van de zelftest")
    expect(page.locator("#zelftest-score")).to_contain_text("sterk eenzaam")
    expect(page.locator("body")).to_contain_text("U hebt één vraag overgeslagen")
