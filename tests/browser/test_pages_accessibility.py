"""Every page of the site walk passes axe (WCAG 2.2 A/AA) with 0 violations, with JavaScript and without
(assert_accessible audits a copy of a page without it: tests/browser/axe_check.py), and works without it."""

import pytest
from playwright.sync_api import expect

from tests.site_walk import argument_free_pages

PAGES = argument_free_pages()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_axe_violation(page, live_server, login_browser, assert_accessible, url):
    # A script error (DSFR's own included) stops the components that start after it.
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(f"{page.url}: {error}"))
    response = page.goto(live_server.url + url)
    if "/compte/connexion/" in page.url and "/compte/connexion/" not in url:
        login_browser()
        response = page.goto(live_server.url + url)
    assert response.status == 200
    assert_accessible(page, url)
    assert script_errors == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_page_without_javascript_has_no_axe_violation(
    no_js_page, live_server, login_browser, assert_accessible, url
):
    page = no_js_page
    response = page.goto(live_server.url + url)
    if "/compte/connexion/" in page.url and "/compte/connexion/" not in url:
        login_browser(into=page.context)
        response = page.goto(live_server.url + url)
    assert response.status == 200
    assert_accessible(page, f"{url} without JavaScript")


@pytest.mark.django_db(transaction=True)
def test_error_page_has_no_axe_violation(page, live_server, assert_accessible):
    response = page.goto(live_server.url + "/nulle-part/")
    assert response.status == 404
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_site_works_without_javascript(no_js_page, live_server, assert_accessible):
    page = no_js_page
    page.goto(live_server.url + "/")
    assert page.locator("h1").count() == 1
    assert_accessible(page, "home without JavaScript")
    # Keyboard: the first Tab reaches the skip link, which leads to the content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Contenu"
    page.get_by_role("link", name="Plan du site").click()
    assert page.url.endswith("/plan-du-site/")
    assert_accessible(page, "site map without JavaScript")
    # The language switch is a plain form: it works without JavaScript and keeps the page.
    page.get_by_role("button", name="English").click()
    assert page.url.endswith("/plan-du-site/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page, "site map in English without JavaScript")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("standing", ["right received", "claim in progress"])
def test_the_held_benefit_check_page_has_no_axe_violation(
    page, live_server, login_browser, assert_accessible, standing
):
    """The check page of a draft whose benefit is held meanwhile (templates/benefits/claims/held.html):
    it takes URL arguments, so the site walk does not reach it."""
    from benefits.claims.models import Claim, ClaimDraft
    from tests.benefits.claims.factories import file_factory

    user = login_browser()
    file = file_factory(user=user, rights=[])
    draft = ClaimDraft.objects.create(file=file, user=user, kind="ppa", month="2026-11", data={})
    if standing == "right received":
        file.rights = [{"benefit": "ppa", "amount": 212.40}]
        file.save(update_fields=["rights"])
    else:
        other = ClaimDraft.objects.create(file=file, user=user, kind="ppa", month="2026-11", data={})
        fields = {"inputs": {}, "figures": {}, "household": {}, "estimate": {}}
        Claim.objects.create(
            draft=other,
            key=other.key,
            file=file,
            kind="ppa",
            month="2026-11",
            engine_version="t",
            parameters_version="t",
            **fields,
        )
    response = page.goto(f"{live_server.url}/mon-espace/demarches/brouillon/{draft.key}/verifier/")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Pas besoin de déposer cette demande")
    in_progress = page.get_by_role("link", name="Voir ma demande en cours")
    expect(in_progress).to_have_count(1 if standing == "claim in progress" else 0)
    assert_accessible(page, f"held benefit ({standing})")
