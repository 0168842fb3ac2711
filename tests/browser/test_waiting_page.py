"""The waiting page of admission control: 0 axe violations, and it reloads itself without JavaScript."""

import pytest

from portal.admission import gate


@pytest.mark.django_db(transaction=True)
def test_waiting_page_has_no_axe_violation(page, live_server, assert_accessible):
    with gate.held():
        response = page.goto(live_server.url + "/simulateur/")
        assert response.status == 503
        assert page.locator("h1").inner_text() == "Le service est très demandé"
        assert_accessible(page, "waiting page")
        page.goto(live_server.url + "/simulateur/?rechargement=non")
        assert page.get_by_text("Le rechargement automatique est arrêté").is_visible()
        assert_accessible(page, "waiting page, reload off")


@pytest.mark.django_db(transaction=True)
def test_waiting_page_reloads_itself_without_javascript(no_js_page, live_server, settings, monkeypatch):
    # A short delay for the test; the page is rendered once per delay.
    monkeypatch.setattr(settings, "ADMISSION_RETRY_AFTER", 1)
    with gate.held():
        response = no_js_page.goto(live_server.url + "/simulateur/")
        assert response.status == 503
    # The slot is free again: the meta refresh brings the real page by itself.
    no_js_page.wait_for_selector("text=Commencer", timeout=10_000)
    assert no_js_page.url.endswith("/simulateur/")
    assert no_js_page.locator("h1").count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_reload_turned_off_stays_off(no_js_page, live_server, settings, monkeypatch):
    monkeypatch.setattr(settings, "ADMISSION_RETRY_AFTER", 1)
    with gate.held():
        no_js_page.goto(live_server.url + "/simulateur/")
        no_js_page.get_by_role("link", name="Ne plus recharger automatiquement").click()
        no_js_page.wait_for_selector("text=Le rechargement automatique est arrêté")
        # Well past the delay, and the slot is taken all along: still the same page, no reload.
        no_js_page.wait_for_timeout(2500)
        assert no_js_page.url.endswith("/simulateur/?rechargement=non")
        assert no_js_page.locator("text=Le rechargement automatique est arrêté").count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_waiting_page_without_javascript_has_no_axe_violation(
    no_js_page, live_server, assert_accessible, settings
):
    """The page a person without JavaScript waits on (the Refresh header reloads it), then with the
    reload turned off. A long delay: the page must not reload while axe takes its copy."""
    settings.ADMISSION_RETRY_AFTER = 600
    with gate.held():
        response = no_js_page.goto(live_server.url + "/simulateur/")
        assert response.status == 503 and response.headers["refresh"] == str(response.headers["retry-after"])
        assert no_js_page.get_by_text("Cette page se recharge d’elle-même dans").is_visible()
        assert_accessible(no_js_page, "waiting page without JavaScript")
        no_js_page.get_by_role("link", name="Ne plus recharger automatiquement").click()
        no_js_page.wait_for_selector("text=Le rechargement automatique est arrêté")
        assert_accessible(no_js_page, "waiting page without JavaScript, reload off")
        no_js_page.get_by_role("link", name="Réessayer maintenant").click()
        no_js_page.wait_for_load_state()
        assert no_js_page.get_by_text("Le rechargement automatique est arrêté").is_visible()
