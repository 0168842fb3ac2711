"""At phone width: the header leaves room for the page, the chart's text is readable (issue 17, E)."""

import pytest

from tests.benefits.simulator.test_result_paper import ANSWERS


@pytest.mark.django_db(transaction=True)
def test_header_height_and_chart_text_at_375_px(browser, live_server):
    from benefits.simulator.services import simulation_save

    simulation = simulation_save(answers=ANSWERS, month="2026-11")
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="fr-FR")
    page = context.new_page()
    page.goto(f"{live_server.url}/simulateur/resultat/{simulation.token}/")
    assert page.locator("h1").bounding_box()["y"] < 300  # it was about 460 px
    for link in page.locator(".fr-header__menu .fr-nav__link").all():
        assert link.bounding_box()["height"] >= 44  # targets stay large enough
    labels = page.locator(".portal-chart__label")
    assert labels.count() >= 2
    for index in range(labels.count()):
        box = labels.nth(index).bounding_box()
        assert box["height"] >= 12, box  # was about 6 px
        assert box["x"] + box["width"] <= 375  # never cut
    label_texts = page.locator(".portal-chart__label").all_text_contents()
    assert "Aide au logement (APL, ALF ou ALS)" in label_texts  # whole, not truncated
    context.close()


@pytest.mark.django_db(transaction=True)
def test_no_page_of_the_walk_scrolls_sideways_at_320_px(page, live_server, login_browser):
    """WCAG 1.4.10 (reflow): at 320 CSS px nothing pushes the page sideways (the API page's code
    samples did by 700 px); a wide data table scrolls inside its own region instead. The header's
    tools take two rows at most."""
    from tests.site_walk import argument_free_pages

    login_browser()
    page.set_viewport_size({"width": 320, "height": 640})
    wide, tall_header = {}, {}
    for name, url in argument_free_pages().items():
        page.goto(live_server.url + url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            wide[name] = overflow
        if page.locator(".fr-header__tools-links").count() and tool_rows(page) > 2:
            tall_header[name] = tool_rows(page)  # logged in, the tools took a row each
    assert wide == {}
    assert tall_header == {}


def tool_rows(page) -> int:
    """How many rows the header's tools (Mon espace, Se déconnecter, language…) take on the screen."""
    tops = {
        round(box["y"])
        for box in (b.bounding_box() for b in page.locator(".fr-header__tools-links li").all())
    }
    return len(tops)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kiosk", [False, True], ids=["home", "kiosk"])
def test_logged_in_at_320_px_the_header_tools_take_two_rows_at_most(
    page, context, live_server, login_browser, assert_accessible, kiosk
):
    """They took three (one button a row); on a kiosk only "Terminer et tout effacer" ends the visit."""
    from portal.kiosk.enrolment import KIOSK_COOKIE, kiosk_token_issue

    if kiosk:
        token = kiosk_token_issue(office="Lyon 3e")
        context.add_cookies(
            [{"name": KIOSK_COOKIE, "value": token, "url": live_server.url, "httpOnly": True}]
        )
    login_browser()
    page.set_viewport_size({"width": 320, "height": 640})
    for url in ("/", "/mon-espace/", "/simulateur/"):
        page.goto(live_server.url + url)
        assert tool_rows(page) <= 2, url
        assert (
            page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
        )
        for button in page.locator(".fr-header__tools-links .fr-btn").all():
            assert button.bounding_box()["height"] >= 44  # still large enough targets (WCAG 2.5.8)
        logout = page.locator(".fr-header").get_by_role("button", name="Se déconnecter")
        assert logout.count() == (0 if kiosk else 1)
    if kiosk:
        assert page.get_by_role("button", name="Terminer et tout effacer").count() == 1
    assert_accessible(page, "header at 320 px")
