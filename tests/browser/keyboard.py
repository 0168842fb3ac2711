"""Keyboard-only helpers: reach a control with Tab (as a person would), never with a mouse click."""

MAX_TABS = 120


def tab_to(page, selector: str) -> None:
    target = page.locator(selector)
    target.wait_for(state="attached")
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def type_into(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def choose(page, selector: str) -> None:
    """Radio buttons: Tab reaches the group, the arrow keys move to the option, Space selects it."""
    target = page.locator(selector)
    name = target.get_attribute("name")
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("name => document.activeElement && document.activeElement.name === name", name):
            break
    else:
        raise AssertionError(f"radio group {name} cannot be reached with the Tab key")
    for _ in range(12):
        if target.evaluate("element => element === document.activeElement"):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert target.is_checked(), f"{selector} not selected"


def submit(page) -> None:
    tab_to(page, "#continuer")
    with page.expect_navigation():
        page.keyboard.press("Enter")
