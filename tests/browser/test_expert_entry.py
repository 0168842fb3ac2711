"""Expert fast entry in a browser: an agent signs in with the TOTP code, types a household with the
keyboard, presses Enter; the result region is swapped in place (htmx) or the page re-rendered (no
JavaScript); errors list each problem with a link to its field. axe on every state; screenshots."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.agents import AGENT_PASSWORD, agent_factory, current_code

SHOTS = Path("/tmp/expert-screenshots")


def agent_signs_in(page, live_server, agent):
    page.goto(live_server.url + "/agent/saisie-rapide/")
    assert "/agent/connexion/" in page.url
    page.get_by_label("Identifiant").fill(agent.username)
    page.get_by_label("Mot de passe").fill(AGENT_PASSWORD)
    page.get_by_label("Code à usage unique").fill(current_code())
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/agent/saisie-rapide/")


def type_household(page):
    page.locator("#id_foyer-couple_1").check(force=True)  # "Non"
    page.get_by_label("Enfant 1 : date de naissance").fill("01/05/2018")
    page.locator("#id_isolement-maintenance_1").check(force=True)  # "Non": the other parent pays nothing
    page.locator("#id_demandeur-birth_date").fill("25/03/1990")
    page.locator("#id_demandeur-activity_0").check(force=True)
    page.locator("#id_revenus-demandeur-salary").fill("1200")
    page.locator("#id_logement-status_0").check(force=True)
    page.locator("#id_logement-zone").select_option("2")
    page.locator("#id_logement-rent").fill("550")


@pytest.mark.django_db(transaction=True)
def test_expert_entry_with_htmx(page, live_server, assert_accessible):
    agent = agent_factory(office="Lyon", username="expert-htmx")
    agent_signs_in(page, live_server, agent)
    expect(page.get_by_role("heading", level=1)).to_have_text("Saisie rapide")
    assert_accessible(page, "expert entry, empty")

    type_household(page)
    page.locator("#id_logement-rent").press("Enter")  # Enter submits, from any field
    region = page.locator("#resultat-expert")
    expect(region).to_have_attribute("aria-live", "polite")
    expect(region.get_by_role("heading", name="Résultat")).to_be_visible()
    expect(region).to_contain_text("Total estimé pour")
    # Swapped in place, above the form: what was typed is still there, focus goes to the result.
    expect(page.locator("#id_logement-rent")).to_have_value("550")
    expect(page.locator("#resultat-titre")).to_be_focused()
    assert (
        page.locator("#resultat-titre").bounding_box()["y"]
        < page.locator("#foyer-legende").bounding_box()["y"]
    )
    assert_accessible(page, "expert entry, result")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / "result-desktop.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=SHOTS / "result-390.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.locator("#id_revenus-demandeur-salary").fill("douze cents")
    page.locator("#id_revenus-demandeur-salary").press("Enter")
    summary = page.locator("#erreurs")
    expect(summary).to_contain_text("Indiquez un montant en euros, par exemple 1250 ou 1250,50.")
    expect(summary).to_be_focused()
    expect(page.locator("#id_logement-rent")).to_have_value("550")
    assert_accessible(page, "expert entry, errors")
    page.screenshot(path=SHOTS / "errors-desktop.png", full_page=True)
    summary.get_by_role("link").first.click()
    expect(page.locator("#id_revenus-demandeur-salary")).to_be_focused()


@pytest.mark.django_db(transaction=True)
def test_expert_entry_without_javascript(no_js_page, live_server, assert_accessible):
    # axe on each state as it is without JavaScript, the errors of a POST included (a copy of the
    # document: tests/browser/axe_check.py).
    page = no_js_page
    agent = agent_factory(office="Lyon", username="expert-nojs")
    agent_signs_in(page, live_server, agent)
    type_household(page)
    page.locator("#id_demandeur-birth_date").fill("31/02/1990")
    page.locator("#id_logement-rent").press("Enter")
    expect(page.locator("#erreurs")).to_contain_text("Indiquez une date réelle au format JJ/MM/AAAA")
    expect(page.locator("#id_revenus-demandeur-salary")).to_have_value("1200")
    assert_accessible(page, "expert entry, errors, without JavaScript")
    page.locator("#id_demandeur-birth_date").fill("25/03/1990")
    page.get_by_role("button", name="Calculer").click()
    expect(page.get_by_role("heading", name="Résultat")).to_be_visible()
    assert page.url.endswith("#saisie")  # the page opens on the result, above the form
    expect(page.get_by_role("heading", name="Résultat")).to_be_in_viewport()
    assert_accessible(page, "expert entry, result, without JavaScript")
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page, "expert entry, result at 390 px, without JavaScript")
    page.screenshot(path=SHOTS / "nojs-result-390.png", full_page=True)


@pytest.mark.django_db(transaction=True)
def test_the_family_questions_are_folded_and_the_month_can_be_chosen(page, live_server, assert_accessible):
    agent = agent_factory(office="Lyon", username="expert-family")
    agent_signs_in(page, live_server, agent)
    page.get_by_label("Mois du calcul").select_option("2026-09")
    page.get_by_role("button", name="Changer de mois").click()
    page.wait_for_url("**/agent/saisie-rapide/?mois=2026-09")
    type_household(page)
    expect(page.get_by_label("Enfant 1 : handicap reconnu par la CDAPH")).to_be_hidden()
    page.locator("details.portal-expert-family > summary").click()
    page.get_by_label("Enfant 1 : handicap reconnu par la CDAPH").select_option("80")
    assert_accessible(page, "expert entry, family questions open")
    page.locator("#id_logement-rent").press("Enter")
    region = page.locator("#resultat-expert")
    expect(region).to_contain_text("Total estimé pour septembre 2026")
    expect(region).to_contain_text("Allocation d’éducation de l’enfant handicapé")
