"""Moving through a page with the keyboard only, as the journeys of tests/e2e/test_keyboard_*
do: Tab and Shift+Tab to an element, and checks that a sighted user sees where focus is."""

# What the focused element looks like: the focus style must draw something around it.
FOCUS_STYLE = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        tag: element.tagName.toLowerCase() + (element.id ? "#" + element.id : ""),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== "none",
    };
}"""


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def focused(page) -> str:
    """The focused element, for messages: its tag and id."""
    return page.evaluate(FOCUS_STYLE)["tag"]


def tab_to(page, selector: str, *, back: bool = False, limit: int = 60) -> None:
    """Press Tab (Shift+Tab with back=True) until the element has focus, then check that the
    focus can be seen. Fails when the keys never reach it."""
    target = page.locator(selector).first
    key = "Shift+Tab" if back else "Tab"
    for _ in range(limit):
        if is_focused(target):
            assert_focus_visible(page)
            return
        page.keyboard.press(key)
    raise AssertionError(f"{key} never reached {selector}; focus is on {focused(page)}")


def assert_focus_visible(page) -> None:
    """The focused element has an outline or a box shadow (WCAG 2.4.7, focus visible)."""
    style = page.evaluate(FOCUS_STYLE)
    assert style["outline"] or style["shadow"], f"no visible focus on {style['tag']}"
