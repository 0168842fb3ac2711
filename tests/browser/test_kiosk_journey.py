"""A kiosk PC in one browser context: visitor A, "Terminer et tout effacer", then visitor B finds nothing.

Also the idle warning (with JavaScript on the page, without it on a page of its own) and the idle end,
axe on every state.
"""

import pytest
from playwright.sync_api import expect

from benefits.claims.models import ClaimDraft
from portal.kiosk.enrolment import KIOSK_COOKIE, kiosk_token_issue
from tests.benefits.claims.factories import file_factory

# axe's meta-refresh (WCAG 2.2.1, RGAA 13.1.2) on a kiosk's page without JavaScript: turned off for these
# pages only, for this reason. axe fails any refresh under 20 hours, whatever comes before it.
KIOSK_IDLE_REFRESH = {
    "meta-refresh": (
        "Without JavaScript an idle kiosk moves by a <noscript> refresh to its warning page « Êtes-vous "
        "toujours là ? » (KIOSK_IDLE_SECONDS − KIOSK_WARNING_SECONDS), whose « Continuer » goes back and "
        "whose own refresh ends the visit (templates/portal/kiosk/still_here.html): WCAG 2.2.1's warning "
        "with time to continue, tested below. The screen must clear itself: a visitor's data must not stay "
        "on a shared public screen, and the server ends the visit anyway."
    )
}


def enrol(context, live_server):
    token = kiosk_token_issue(office="Lyon 3e")
    context.add_cookies([{"name": KIOSK_COOKIE, "value": token, "url": live_server.url, "httpOnly": True}])


@pytest.mark.django_db(transaction=True)
def test_visitor_b_finds_nothing_of_visitor_a(
    page, context, live_server, login_browser, assert_accessible, settings, monkeypatch
):
    settings.INCOME_API_URL = live_server.url + "/_revenus/api/v1"
    monkeypatch.setattr("benefits.claims.services.current_declaration_month", lambda: "2026-11")
    enrol(context, live_server)
    page.goto(live_server.url + "/kiosque/")
    expect(page.get_by_text("Poste en libre-service — CAF de Lyon 3e")).to_be_visible()
    assert_accessible(page, "kiosk welcome")

    # Visitor A: the simulator, then a login and a declaration draft.
    page.get_by_role("link", name="Estimer mes droits").first.click()
    assert "/simulateur/" in page.url
    assert page.locator("form:not([autocomplete=off])").count() == 0
    assert_accessible(page, "kiosk simulator")
    visitor_a = login_browser()
    file_factory(user=visitor_a)
    page.goto(live_server.url + "/mon-espace/")
    page.locator("main form[action$='/nouvelle/dtr/'] button").click()
    assert "/brouillon/" in page.url
    draft_url = page.url
    assert ClaimDraft.objects.filter(file__user=visitor_a).exists()
    assert_accessible(page, "kiosk declaration")
    page.evaluate("window.localStorage.setItem('visitor-a', 'brouillon')")

    with page.expect_response(lambda r: r.url.endswith("/kiosque/terminer/")) as info:
        page.get_by_role("button", name="Terminer et tout effacer").click()
    response = info.value
    assert response.all_headers().get("clear-site-data") == '"cache", "storage"'
    expect(page.get_by_text("rien de ce que vous avez fait n’est resté sur ce poste")).to_be_visible()
    assert_accessible(page, "kiosk after the end")

    # Visitor B, same browser: the enrolment is kept, nothing of A is.
    names = {cookie["name"] for cookie in context.cookies()}
    assert KIOSK_COOKIE in names and settings.SESSION_COOKIE_NAME not in names
    # The back button asks the server again (no-store): the draft is behind the login now.
    page.go_back()
    page.wait_for_url("**/compte/connexion/**")
    # A's draft address is left neither in the address bar nor in the page.
    assert page.url == live_server.url + "/compte/connexion/"
    assert "brouillon" not in page.content()
    expect(page.locator("main")).not_to_contain_text("Camille")
    expect(page.locator("main")).not_to_contain_text("Brouillon")
    page.goto(draft_url)
    assert "/compte/connexion/" in page.url
    page.goto(live_server.url + "/mon-espace/")
    assert "/compte/connexion/" in page.url
    assert page.evaluate("window.localStorage.getItem('visitor-a')") is None  # Clear-Site-Data: "storage"
    expect(page.get_by_text("Poste en libre-service — CAF de Lyon 3e")).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_the_idle_warning_is_announced_and_continuer_keeps_the_visit(
    page, context, live_server, assert_accessible, settings
):
    settings.KIOSK_IDLE_SECONDS = 8
    settings.KIOSK_WARNING_SECONDS = 6
    enrol(context, live_server)
    page.goto(live_server.url + "/simulateur/")
    warning = page.get_by_role("alert").filter(has_text="Êtes-vous toujours là ?")
    expect(warning).to_be_visible(timeout=5000)
    expect(page.get_by_role("button", name="Continuer")).to_be_focused()
    assert_accessible(page, "idle warning")
    with page.expect_response(lambda r: r.url.endswith("/kiosque/continuer/")):
        page.get_by_role("button", name="Continuer").click()
    expect(warning).to_be_hidden()
    # Then, left alone, the visit ends by itself on the timeout page.
    page.wait_for_url("**/kiosque/session-expiree/", timeout=12000)
    expect(page.get_by_role("heading", name="Votre session s’est terminée")).to_be_visible()
    assert_accessible(page, "timeout page")


@pytest.mark.django_db(transaction=True)
def test_without_javascript_an_idle_visit_is_warned_then_ends_by_itself(
    no_js_page, live_server, settings, assert_accessible
):
    # The warning page after 3 s, the end 3 s later: axe audits a copy of the page taken at once.
    settings.KIOSK_IDLE_SECONDS, settings.KIOSK_WARNING_SECONDS = 6, 3
    enrol(no_js_page.context, live_server)
    page = no_js_page
    page.goto(live_server.url + "/simulateur/")
    assert_accessible(page, "kiosk simulator without JavaScript", disabled_rules=KIOSK_IDLE_REFRESH)
    assert page.locator("#kiosque-alerte").is_hidden()
    page.wait_for_url("**/kiosque/toujours-la/?suite=/simulateur/", timeout=15000)
    expect(page.get_by_role("heading", name="Êtes-vous toujours là ?")).to_be_visible()
    expect(page.locator("#contenu").get_by_text("votre session se termine dans 3 secondes")).to_be_visible()
    assert_accessible(page, "the idle warning without JavaScript", disabled_rules=KIOSK_IDLE_REFRESH)
    page.get_by_role("link", name="Continuer").click()
    assert page.url.endswith("/simulateur/")
    # Left alone this time: warned again, then the end.
    page.wait_for_url("**/kiosque/toujours-la/**", timeout=15000)
    page.wait_for_url("**/kiosque/session-expiree/", timeout=15000)
    expect(page.get_by_role("heading", name="Votre session s’est terminée")).to_be_visible()
    assert_accessible(page, "timeout page without JavaScript", disabled_rules=KIOSK_IDLE_REFRESH)
    page.get_by_role("link", name="Commencer").click()
    assert page.url.endswith("/kiosque/")
    expect(page.get_by_text("Poste en libre-service — CAF de Lyon 3e")).to_be_visible()
    assert_accessible(page, "kiosk welcome without JavaScript", disabled_rules=KIOSK_IDLE_REFRESH)
