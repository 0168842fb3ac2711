"""Follow-up questions appear only when they apply, without JavaScript too (issue 17, E); axe on each state
(the audit's copy has the radios as checked: tests/browser/axe_check.py)."""

import pytest


@pytest.mark.django_db(transaction=True)
def test_follow_up_questions_without_javascript(no_js_page, live_server, assert_accessible):
    page = no_js_page
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/simulateur/foyer/")
    assert_accessible(page, "household")
    page.locator("label[for=id_couple_1]").click()
    page.fill("#id_children", "0")
    with page.expect_navigation():
        page.locator("#continuer").click()
    assert page.url.endswith("/simulateur/personnes/")
    since, permit = page.locator("#id_demandeur-unemployed_since"), page.locator("#id_demandeur-permit_years")
    rsdae = page.locator("#id_demandeur-rsdae")
    assert not since.is_visible() and not permit.is_visible()
    assert_accessible(page, "persons, no follow-up question")
    page.locator("label[for=id_demandeur-activity_1]").click()  # au chômage
    assert since.is_visible()
    assert_accessible(page, "persons, unemployed since")
    page.locator("label[for=id_demandeur-activity_0]").click()
    assert not since.is_visible()
    page.locator("label[for=id_demandeur-nationality_2]").click()  # another country
    assert permit.is_visible()
    assert_accessible(page, "persons, residence permit")
    page.locator("label[for=id_demandeur-disability_2]").click()
    assert rsdae.is_visible() or page.locator("label[for=id_demandeur-rsdae]").is_visible()
    assert_accessible(page, "persons, RSDAE")


@pytest.mark.django_db(transaction=True)
def test_a_follow_up_field_keeps_its_space_before_the_next_question(no_js_page, live_server):
    """The field revealed inside its wrapper is that wrapper's last child, where DSFR drops the
    fr-input-group's bottom margin: "depuis quelle date ?" touched the next question's legend."""
    page = no_js_page
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/simulateur/foyer/")
    page.locator("label[for=id_couple_1]").click()
    page.fill("#id_children", "0")
    with page.expect_navigation():
        page.locator("#continuer").click()
    page.locator("label[for=id_demandeur-activity_1]").click()  # au chômage
    page.locator("label[for=id_demandeur-nationality_2]").click()  # another country
    pairs = (
        ("#id_demandeur-unemployed_since", "#id_demandeur-disability-legend"),
        ("#id_demandeur-permit_years", "#enfants h2"),
    )
    for field, following in pairs:
        bottom = page.locator(field).bounding_box()
        top = page.locator(following).first.bounding_box()
        assert top["y"] - (bottom["y"] + bottom["height"]) >= 16, (field, bottom, top)
