"""A declaration typed wrong or left empty, in the browser: the error beside its field with and without
JavaScript, and the confirmation asked before filing a quarter without any income (axe on each page)."""

import os

import pytest

from benefits.claims.models import Claim
from tests.benefits.claims.factories import file_factory

SHOTS = os.environ.get("BROWSER_SCREENSHOTS", "")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


@pytest.fixture
def declaration(live_server, settings, monkeypatch):
    settings.INCOME_API_URL = live_server.url + "/_revenus/api/v1"
    settings.INCOME_API_TIMEOUT, settings.INCOME_API_RETRIES = 1, 0
    monkeypatch.setattr("benefits.claims.services.current_declaration_month", lambda: "2026-11")


@pytest.mark.django_db(transaction=True)
def test_an_amount_typed_wrong_is_said_beside_its_field(
    page, live_server, login_browser, assert_accessible, declaration
):
    user = login_browser()
    file_factory(user=user)
    page.goto(live_server.url + "/mon-espace/")
    with page.expect_navigation():
        page.locator("main form[action$='/nouvelle/dtr/'] button").click()
    page.locator("summary").first.click()
    field = page.locator("#a-2026-08-alimony_received")
    field.fill("abc")
    with page.expect_response(lambda response: "/brouillon/" in response.url):
        field.press("Tab")
    status = page.locator("#enregistrement")
    status.get_by_text("Indiquez un montant en euros").wait_for()
    assert "Pension alimentaire reçue (Camille Marie MARTIN, août 2026)" in status.inner_text()
    # Beside its field at once (the autosave swaps the field's error region), and the field says it is invalid.
    beside = page.locator(f"#{field.get_attribute('aria-describedby')}")
    assert beside.inner_text() == "Indiquez un montant en euros, par exemple 1250,50." and beside.is_visible()
    assert field.get_attribute("aria-invalid") == "true"
    shot(page, "abc-autosave")
    assert_accessible(page, "amount typed wrong, autosaved")

    with page.expect_navigation():
        page.locator("button[value=save]").first.click()
    field = page.locator("#a-2026-08-alimony_received")
    assert field.input_value() == "abc" and field.get_attribute("aria-invalid") == "true"
    error = page.locator(f"#{field.get_attribute('aria-describedby')}")
    assert error.inner_text() == "Indiquez un montant en euros, par exemple 1250,50."
    assert error.is_visible()
    shot(page, "abc-saved")
    assert_accessible(page, "amount typed wrong")


@pytest.mark.django_db(transaction=True)
def test_a_quarter_without_income_is_confirmed_before_filing(
    page, live_server, login_browser, assert_accessible, declaration
):
    user = login_browser()
    file_factory(user=user, nir="2850375056191")  # the income service answers 500
    page.goto(live_server.url + "/mon-espace/")
    with page.expect_navigation():
        page.locator("main form[action$='/nouvelle/dtr/'] button").click()
    with page.expect_navigation():
        page.locator("button[value=continue]").first.click()
    assert page.url.endswith("/verifier/")
    assert page.get_by_text("Vous ne déclarez aucun revenu").is_visible()
    assert_accessible(page, "no income")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert not Claim.objects.exists()
    box = page.locator("#id_no_income")
    assert box.get_attribute("aria-invalid") == "true"
    assert page.locator("#id_no_income-error").is_visible()
    shot(page, "no-income-refused")
    assert_accessible(page, "no income refused")
    page.locator("label[for=id_no_income]").click()
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "/demande/" in page.url and Claim.objects.count() == 1
    shot(page, "no-income-filed")
