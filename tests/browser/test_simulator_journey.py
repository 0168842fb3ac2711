"""The simulator by keyboard only, with JavaScript and without, and axe on every step."""

import pytest

from tests.browser.keyboard import choose, tab_to, type_into


def submit(page) -> None:
    """The step's own "Continuer" button (the page also has add / remove child buttons)."""
    tab_to(page, "#continuer")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def press_enter_and_wait_for_htmx_settle(page) -> None:
    """Enter on an htmx form, then wait until htmx has settled the swap (htmx:afterSettle).

    The address htmx pushes changes in the same task as the swap, but htmx wires the swapped-in
    content (the new "et si…" form's data-hx-post, its autofocus) in its settle step, 20 ms later
    (htmx.config.defaultSettleDelay): a test waiting on the address went on, and ran axe or pressed
    Enter again, inside that window. afterSettle fires once every settle task has run."""
    page.evaluate(
        "() => { window.__htmxSettled = new Promise(resolve => document.body.addEventListener("
        "'htmx:afterSettle', () => resolve(true), {once: true})); }"
    )
    page.keyboard.press("Enter")
    # Bounded: a swap that never comes fails the test instead of hanging it.
    assert page.evaluate(
        "() => Promise.race([window.__htmxSettled, new Promise(r => setTimeout(() => r(false), 15000))])"
    ), "htmx did not settle a swap within 15 s"


def fill_journey(page, live_server, assert_accessible):
    page.goto(live_server.url + "/simulateur/")
    assert_accessible(page, "start")
    tab_to(page, "main a.fr-btn")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert_accessible(page, "household")
    submit(page)  # nothing answered: the error state
    assert page.locator("#erreurs").is_visible()
    assert_accessible(page, "household with errors")
    choose(page, "#id_couple_1")
    type_into(page, "#id_children", "1")
    submit(page)

    assert_accessible(page, "persons")
    type_into(page, "#id_demandeur-birth_date", "10/03/1990")
    choose(page, "#id_demandeur-activity_0")
    choose(page, "#id_demandeur-disability_0")
    choose(page, "#id_demandeur-nationality_0")
    type_into(page, "#id_enfant1-birth_date", "01/09/2019")
    choose(page, "#id_isolement-maintenance_0")  # a single parent is asked; "oui" needs the amount later
    submit(page)

    # "Votre famille": asked because of the child and the applicant's age (family_step.py); the
    # defaults ("Non") are already checked, so continuing answers "no" to each question.
    assert page.url.endswith("/simulateur/famille/"), page.url
    assert page.get_by_text("Attendez-vous un enfant ?").is_visible()
    assert_accessible(page, "family")
    submit(page)

    assert_accessible(page, "housing")
    choose(page, "#id_status_0")
    type_into(page, "#id_rent", "650")
    type_into(page, "#id_commune", "Lyon")
    submit(page)

    assert_accessible(page, "incomes")
    type_into(page, "#id_demandeur-salary", "1100")
    type_into(page, "#id_demandeur-alimony", "150")
    submit(page)

    assert page.url.endswith("/simulateur/verifier/"), page.locator("main").inner_text()[:1500]
    assert_accessible(page, "check your answers")
    tab_to(page, "main form button.fr-btn[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/simulateur/resultat/" in page.url
    assert page.locator("h1").inner_text() == "Votre estimation"
    assert_accessible(page, "result")
    return page


@pytest.mark.django_db(transaction=True)
def test_journey_by_keyboard_with_javascript(page, live_server, assert_accessible):
    fill_journey(page, live_server, assert_accessible)
    page.locator("details summary").first.focus()
    page.keyboard.press("Enter")
    assert page.locator("details").first.evaluate("element => element.open")


@pytest.mark.django_db(transaction=True)
def test_journey_by_keyboard_without_javascript(no_js_page, live_server, assert_accessible):
    # Every step as a person without JavaScript has it, errors included (assert_accessible audits a
    # copy of the page's document: tests/browser/axe_check.py).
    fill_journey(no_js_page, live_server, assert_accessible)


@pytest.mark.django_db(transaction=True)
def test_what_if_refreshes_the_result_in_place_with_javascript(page, live_server, assert_accessible):
    fill_journey(page, live_server, assert_accessible)
    first_url = page.url
    before = page.locator("#resultat").inner_text()
    type_into(page, "#id_salary", "1800")
    tab_to(page, "#et-si button[type=submit]")
    press_enter_and_wait_for_htmx_settle(page)  # htmx: no navigation, the region swapped, the address pushed
    assert page.evaluate("() => window.location.href") != first_url
    assert page.locator("#resultat").inner_text() != before
    assert page.locator("#resultat").get_attribute("aria-live") == "polite"
    assert page.locator("#id_salary").input_value() == "1800"
    # Focus follows the new numbers (static/portal/portal.js), not lost on a removed element.
    assert page.evaluate("() => document.getElementById('resultat').contains(document.activeElement)")
    assert_accessible(page, "result after an htmx swap")


@pytest.mark.django_db(transaction=True)
def test_commune_suggestions_follow_what_is_typed_with_javascript(page, live_server, assert_accessible):
    page.goto(live_server.url + "/simulateur/logement/")
    type_into(page, "#id_commune", "Saint-Den")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#communes option')].some(o => o.value === 'Saint-Denis (93066)')"
    )
    assert_accessible(page, "housing with suggestions")


def persons_page_with_one_child(page, live_server):
    page.goto(live_server.url + "/simulateur/foyer/")
    choose(page, "#id_couple_1")
    type_into(page, "#id_children", "1")
    submit(page)
    assert page.url.endswith("/simulateur/personnes/")


@pytest.mark.django_db(transaction=True)
def test_adding_a_child_with_javascript_moves_focus_to_the_new_row(page, live_server, assert_accessible):
    persons_page_with_one_child(page, live_server)
    type_into(page, "#id_demandeur-birth_date", "10/03/1990")
    tab_to(page, "button[value=add_child]")
    page.keyboard.press("Enter")
    page.locator("#id_enfant2-birth_date").wait_for()
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.textContent.includes('Enfant 2')"
    )
    assert page.locator("#id_demandeur-birth_date").input_value() == "10/03/1990"
    assert_accessible(page, "persons after adding a child")


@pytest.mark.django_db(transaction=True)
def test_adding_a_child_without_javascript_lands_on_the_new_row_with_the_focus(no_js_page, live_server):
    page = no_js_page
    persons_page_with_one_child(page, live_server)
    type_into(page, "#id_demandeur-birth_date", "10/03/1990")
    tab_to(page, "button[value=add_child]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/simulateur/personnes/#enfant-2")
    assert page.evaluate("() => document.activeElement.id") == "enfant-2"
    heading = page.locator("#enfant-2").bounding_box()
    assert -1 <= heading["y"] < page.viewport_size["height"], heading  # scrolled to it, not the page's top
    assert page.locator("#id_demandeur-birth_date").input_value() == "10/03/1990"
    # Tab goes on to the new child's field.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "id_enfant2-birth_date"


@pytest.mark.django_db(transaction=True)
def test_enter_in_a_field_continues_and_never_removes_a_child_without_javascript(no_js_page, live_server):
    page = no_js_page
    persons_page_with_one_child(page, live_server)
    type_into(page, "#id_demandeur-birth_date", "10/03/1990")
    choose(page, "#id_demandeur-activity_0")
    choose(page, "#id_demandeur-disability_0")
    choose(page, "#id_demandeur-nationality_0")
    choose(page, "#id_isolement-maintenance_1")
    type_into(page, "#id_enfant1-birth_date", "01/09/2019")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # implicit submission: the form's first button is "Continuer"
    assert page.url.endswith("/simulateur/famille/")  # the next step ("Votre famille" applies here)


@pytest.mark.django_db(transaction=True)
def test_what_if_refused_then_accepted_with_javascript(page, live_server, assert_accessible):
    # A refused "et si…" lost the focus to <body>; the next, accepted one refreshed the numbers but left
    # the previous message beside the amount just accepted, and the form posting to the old simulation.
    fill_journey(page, live_server, assert_accessible)
    type_into(page, "#id_salary", "beaucoup")
    tab_to(page, "#et-si button[type=submit]")
    press_enter_and_wait_for_htmx_settle(page)
    page.locator("#id_salary-error").wait_for()
    assert page.evaluate("() => document.activeElement.id") == "id_salary"
    assert page.locator("#id_salary").get_attribute("tabindex") is None
    assert_accessible(page, "what if refused")
    first_url = page.url
    page.keyboard.press("Control+A")
    page.keyboard.type("1800")
    tab_to(page, "#et-si button[type=submit]")
    press_enter_and_wait_for_htmx_settle(page)
    assert page.evaluate("() => window.location.href") != first_url
    page.locator("#id_salary-error").wait_for(state="detached")
    assert page.locator("#et-si .fr-input-group--error").count() == 0
    assert page.locator("#id_salary").input_value() == "1800"
    action = page.locator("#et-si form").get_attribute("action")
    assert action == page.url.removeprefix(live_server.url)
    assert page.locator("#et-si form").get_attribute("data-hx-post") == action


@pytest.mark.django_db(transaction=True)
def test_the_add_a_child_button_does_not_touch_the_next_heading_at_360_px(page, live_server):
    # "Ajouter un enfant" sat right on the next heading (0 px between them) at phone width.
    page.set_viewport_size({"width": 360, "height": 740})
    persons_page_with_one_child(page, live_server)
    button = page.get_by_role("button", name="Ajouter un enfant").bounding_box()
    heading = page.get_by_role("heading", name="Seule ou seul avec vos enfants").bounding_box()
    assert heading["y"] - (button["y"] + button["height"]) >= 24
