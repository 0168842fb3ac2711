"""A kiosk without JavaScript: the estimate's print button, which only a script can work, is not shown
dead; the page says how to print instead (with JavaScript the button prints)."""

import pytest
from playwright.sync_api import expect

from benefits.simulator.services import simulation_save
from tests.benefits.simulator.test_result_paper import ANSWERS
from tests.browser.test_kiosk_journey import KIOSK_IDLE_REFRESH, enrol


@pytest.mark.django_db(transaction=True)
def test_a_kiosk_without_javascript_shows_no_dead_print_button(no_js_context, live_server, assert_accessible):
    simulation = simulation_save(answers=ANSWERS, month="2026-11")
    enrol(no_js_context, live_server)
    page = no_js_context.new_page()
    page.goto(f"{live_server.url}/simulateur/resultat/{simulation.token}/")
    expect(page.get_by_role("button", name="Imprimer l’estimation")).to_be_hidden()
    # Playwright's text selectors skip <noscript>, which this browser without JavaScript renders.
    hint = page.locator("main noscript")
    assert "Pour imprimer l’estimation, appuyez sur les touches Ctrl et P" in hint.inner_html()
    assert page.locator("main").inner_text().count("Pour imprimer l’estimation") == 1
    assert page.get_by_role("link", name="Télécharger en PDF").count() == 0
    assert_accessible(page, "the estimate on a kiosk without JavaScript", disabled_rules=KIOSK_IDLE_REFRESH)


@pytest.mark.django_db(transaction=True)
def test_a_kiosk_with_javascript_shows_the_print_button(context, page, live_server):
    simulation = simulation_save(answers=ANSWERS, month="2026-11")
    enrol(context, live_server)
    page.goto(f"{live_server.url}/simulateur/resultat/{simulation.token}/")
    expect(page.get_by_role("button", name="Imprimer l’estimation")).to_be_visible()
    assert "Pour imprimer l’estimation" not in page.locator("main").inner_text()
