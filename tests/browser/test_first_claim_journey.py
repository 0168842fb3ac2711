"""A first claim of prime d'activité without JavaScript, with a missing employer's data: axe on every
step, screenshots at desktop and phone width (issue 17, D1 and D4)."""

import os

import pytest

from benefits.claims.models import Claim
from tests.benefits.claims.factories import file_factory

SHOTS = os.environ.get("SCREENSHOTS_DIR")  # set it to look at the pages (PNG files)


def shoot(page, name):
    if SHOTS:
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)


@pytest.mark.django_db(transaction=True)
def test_first_claim_without_employer_data(
    page, live_server, login_browser, assert_accessible, settings, monkeypatch
):
    settings.INCOME_API_URL = live_server.url + "/_revenus/api/v1"
    monkeypatch.setattr("benefits.claims.services.current_declaration_month", lambda: "2026-11")
    user = login_browser()
    file_factory(user=user, nir="2850375056192")  # the income service has no data for this person

    page.goto(live_server.url + "/mon-espace/")
    with page.expect_navigation():
        page.locator("main form[action$='/nouvelle/ppa/'] button").click()
    assert page.url.endswith("/situation/")
    assert_accessible(page, "first claim: situation")
    page.fill("#id_iban", "FR76 3000 6000 0112 3456 7890 188")
    page.locator("label[for=id_household_confirmed_0]").click()
    page.locator("label[for=id_situation_a_0]").click()
    page.fill("#id_bic", "BNPAFRPP")
    with page.expect_navigation():
        page.locator("button[value=continue]").click()
    # The error summary has the focus, and names the field.
    assert page.evaluate("document.activeElement.id") == "erreurs"
    assert page.get_by_role(
        "link", name="IBAN du compte où verser l’aide : Cet IBAN n’est pas valide"
    ).is_visible()
    assert_accessible(page, "first claim: situation with errors")
    shoot(page, "claim-situation-errors")
    page.fill("#id_iban", "FR76 3000 6000 0112 3456 7890 189")
    with page.expect_navigation():
        page.locator("button[value=continue]").click()

    assert "/brouillon/" in page.url and page.get_by_text("Étape 2 sur 3").is_visible()
    for month in ("2026-08", "2026-09", "2026-10"):
        page.fill(f"#a-{month}-salary", "1 150,00")
    assert_accessible(page, "first claim: incomes")
    shoot(page, "claim-incomes")
    with page.expect_navigation():
        page.locator("button[value=continue]").click()

    assert page.url.endswith("/verifier/")
    assert_accessible(page, "first claim: check")
    shoot(page, "claim-check")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.get_by_text("Cochez la déclaration sur l’honneur").is_visible()
    page.locator("label[for=id_sworn]").click()
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "/demande/" in page.url
    claim = Claim.objects.get()
    assert claim.kind == "ppa" and [row["source"] for row in claim.figures] == ["declared"] * 3
