"""The aide universelle d'urgence pages in a real browser: quick exit by button and by Shift ×3, the
history entry replaced, 0 axe violations, the form filed without JavaScript, small screens."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)
EXIT = "https://meteofrance.com/"


@pytest.fixture
def neutral_site(context):
    """The neutral site, served locally: the tests never leave the machine."""
    context.route(
        "https://meteofrance.com/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<html lang='fr'><title>Météo</title></html>"
        ),
    )


def test_quick_exit_button_replaces_the_page_and_its_history_entry(
    page, live_server, login_browser, neutral_site, assert_accessible
):
    login_browser()
    page.goto(f"{live_server.url}/mon-espace/demarche/")
    assert_accessible(page, "index")
    page.get_by_role("link", name="Commencer ma demande").click()
    page.wait_for_url("**/demarche/nouvelle/")
    assert_accessible(page, "form")
    page.get_by_role("link", name="Quitter ce site").click()
    page.wait_for_url(EXIT)
    page.go_back()
    page.wait_for_load_state()
    # The form's entry was replaced: Back leads to the page before it, never to the form.
    assert page.url.endswith("/mon-espace/demarche/"), page.url


def test_shift_pressed_three_times_leaves_too(page, live_server, login_browser, neutral_site):
    login_browser()
    page.goto(f"{live_server.url}/mon-espace/")
    page.goto(f"{live_server.url}/mon-espace/demarche/nouvelle/")
    assert page.get_by_text("Ou appuyez trois fois sur la touche Maj").is_visible()
    page.get_by_label("Date de cette pièce").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT)
    page.go_back()
    page.wait_for_load_state()
    assert "/demarche/nouvelle/" not in page.url


def test_filed_without_javascript_and_usable_on_a_small_screen(
    new_context, live_server, login_browser, context, assert_accessible
):
    login_browser()
    small = new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    small.add_cookies(context.cookies())
    page = small.new_page()
    page.goto(f"{live_server.url}/mon-espace/demarche/")
    assert_accessible(page, "index without JavaScript at 390 px")
    page.get_by_role("link", name="Commencer ma demande").click()
    page.wait_for_url("**/demarche/nouvelle/")
    assert page.get_by_role("link", name="Quitter ce site").get_attribute("href") == EXIT
    # Shift ×3 needs JavaScript: without it the page does not promise it.
    assert not page.get_by_text("Ou appuyez trois fois sur la touche Maj").is_visible()
    assert_accessible(page, "form without JavaScript at 390 px")
    page.get_by_role("button", name="Déposer ma demande").click()
    page.wait_for_load_state()
    expect(page.locator("#erreurs")).to_be_visible()
    assert page.get_by_role("link", name="Quitter ce site").get_attribute("href") == EXIT
    assert_accessible(page, "form refused without JavaScript at 390 px")
    page.locator("label", has_text="Mon concubin ou ma concubine").click()
    page.locator("label", has_text="Un dépôt de plainte").click()
    page.get_by_label("Date de cette pièce").fill(
        (timezone.localdate() - timedelta(days=10)).strftime("%d/%m/%Y")
    )
    page.get_by_label("Vos ressources du mois dernier").fill("300")
    page.get_by_label("Combien d’enfants sont à votre charge ?").fill("2")
    page.get_by_role("button", name="Déposer ma demande").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Votre demande est déposée"
    assert page.title().startswith("Demande du")
    assert_accessible(page, "receipt without JavaScript at 390 px")
    page.screenshot(path="/tmp/auu-receipt-390.png", full_page=True)
