"""A quarterly declaration by keyboard only, from Mon espace to the filed claim, axe on every step.

The person is logged in through a session cookie (the FranceConnect+ dance has its own browser test).
The live server reaches the income data emulator over loopback HTTP, as `make run` does.
"""

import pytest

from benefits.claims.models import Claim
from tests.benefits.claims.factories import file_factory
from tests.browser.keyboard import choose, tab_to, type_into


def press_enter_and_wait(page, selector):
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.django_db(transaction=True)
def test_declaration_by_keyboard(page, live_server, login_browser, assert_accessible, settings, monkeypatch):
    settings.INCOME_API_URL = live_server.url + "/_revenus/api/v1"
    monkeypatch.setattr("benefits.claims.services.current_declaration_month", lambda: "2026-11")
    user = login_browser()
    file_factory(user=user, partner_nir="1831069123103")

    page.goto(live_server.url + "/mon-espace/")
    assert_accessible(page, "mon espace")
    press_enter_and_wait(page, "main form[action$='/nouvelle/dtr/'] button")
    assert "/brouillon/" in page.url
    assert page.get_by_text("déclaré par votre employeur Boulangerie du Centre").first.is_visible()
    assert page.get_by_text("votre session expire à", exact=False).is_visible()
    assert_accessible(page, "declaration")

    # Confirm every prefilled line but one, which is corrected; then leave with the draft saved.
    radios = page.locator("input[type=radio][value=confirm]")
    ids = [radios.nth(index).get_attribute("id") for index in range(radios.count())]
    corrected = "a-2026-09-0"
    page.locator("#contenu").focus()
    for radio_id in ids:
        if radio_id.startswith(corrected):
            choose(page, f"#{corrected}-correct")
            type_into(page, f"#{corrected}-typed", "700")
        else:
            choose(page, f"#{radio_id}")
    press_enter_and_wait(page, "button[value=save]")
    assert page.get_by_text("Brouillon enregistré.").is_visible()
    press_enter_and_wait(page, "main a[href='/mon-espace/']")
    assert page.get_by_text("Vous avez déjà un brouillon").is_visible()

    press_enter_and_wait(page, "main a.fr-btn[href*='/brouillon/']")
    assert page.locator(f"#{corrected}-typed").input_value() == "700"
    press_enter_and_wait(page, "button[value=continue]")
    assert page.url.endswith("/verifier/")
    assert page.get_by_text("corrigé par vous").is_visible()
    assert_accessible(page, "check your answers")

    press_enter_and_wait(page, "main form button[type=submit]")
    assert "/demande/" in page.url
    assert page.get_by_text("Déposée").first.is_visible()
    assert_accessible(page, "filed claim")
    assert Claim.objects.count() == 1
    assert any(f["corrected"] and f["declared"] == "700.00" for f in Claim.objects.get().figures)
