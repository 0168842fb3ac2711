"""At phone width: the header leaves room for the page, the chart's text is readable (issue 17, E)."""

import pytest

from tests.benefits.simulator.test_result_paper import ANSWERS


@pytest.mark.django_db(transaction=True)
def test_header_height_and_chart_text_at_375_px(new_context, live_server):
    from benefits.simulator.services import simulation_save

    simulation = simulation_save(answers=ANSWERS, month="2026-11")
    page = new_context(viewport={"width": 375, "height": 800}).new_page()
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


def ax_roles(page, selector) -> list[str]:
    """The roles Chromium's own accessibility tree gives inside an element (what a screen reader gets)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("Accessibility.enable")
    node = cdp.send(
        "DOM.querySelector", {"nodeId": cdp.send("DOM.getDocument")["root"]["nodeId"], "selector": selector}
    )
    tree = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node["nodeId"], "fetchRelatives": False})
    roles = [n["role"]["value"] for n in tree["nodes"] if "role" in n]
    children = cdp.send("Accessibility.queryAXTree", {"nodeId": node["nodeId"]})
    roles += [n["role"]["value"] for n in children["nodes"] if "role" in n]
    cdp.detach()
    return roles


@pytest.mark.django_db(transaction=True)
def test_the_declarations_incomes_are_read_without_scrolling_sideways_at_360_px(
    page, live_server, login_browser, assert_accessible, settings, monkeypatch
):
    """The check page's table of incomes scrolled 142 px sideways in its region at 360 px: on a phone each
    row is now a block (CSS only), and it stays a table with its caption and headers for screen readers."""
    from benefits.claims.models import ClaimDraft
    from tests.benefits.claims.factories import confirm_all, file_factory

    settings.INCOME_API_URL = live_server.url + "/_revenus/api/v1"
    monkeypatch.setattr("benefits.claims.services.current_declaration_month", lambda: "2026-11")
    user = login_browser()
    file_factory(user=user, partner_nir="1831069123103")  # two employers a month, and a partner
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + "/mon-espace/")
    with page.expect_navigation():
        page.locator("main form[action$='/nouvelle/dtr/'] button").click()
    draft = ClaimDraft.objects.get()
    for name in confirm_all(draft):
        page.locator(f"input[name='{name}'][value=confirm]").check(force=True)
    with page.expect_navigation():
        page.locator("button[value=continue]").click()
    assert page.url.endswith("/verifier/")

    region = page.locator(".portal-table-scroll")
    sideways = "el => el.scrollWidth - el.clientWidth"
    assert region.evaluate(sideways) == 0  # was 142
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    first_row = region.locator("tbody tr").first
    labels = first_row.locator(".portal-table-stack__label")
    assert labels.first.is_visible() and labels.all_text_contents() == [
        "Revenu et source",
        "Montant prérempli",
        "Montant déclaré",
    ]
    assert region.locator("thead").bounding_box()["height"] <= 1  # for screen readers only
    box = first_row.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360

    table = page.get_by_role("table", name="Revenus déclarés, avec le montant prérempli et sa source")
    assert table.count() == 1
    assert table.get_by_role("columnheader").count() == 5
    assert table.get_by_role("rowheader").count() == 9  # 3 months × (2 employers + the partner's)
    roles = ax_roles(page, ".portal-table-stack table")
    assert {"table", "columnheader", "rowheader", "cell"} <= set(roles), roles
    assert_accessible(page, "check page at 360 px")

    page.set_viewport_size({"width": 1024, "height": 800})  # a wide screen keeps the table's columns
    assert not labels.first.is_visible()
    assert region.locator("thead").bounding_box()["height"] > 20
