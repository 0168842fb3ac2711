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
