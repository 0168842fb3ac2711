"""Logging in with FranceConnect+ (the offline emulator over loopback HTTP), by keyboard only, with
axe on the login page, the emulator's identity picker, Mon espace and the error page."""

import re

import pytest

from tests.browser.keyboard import choose, tab_to


@pytest.fixture
def emulator_on_live_server(settings, live_server):
    """The provider talks to the live server's own emulator over real loopback HTTP."""
    settings.FCPLUS_ISSUER = f"{live_server.url}/_fcplus/api/v2"
    return live_server


def press_enter_and_wait(page, url: str) -> None:
    page.keyboard.press("Enter")
    page.wait_for_url(url)


@pytest.mark.django_db(transaction=True)
def test_login_and_logout_by_keyboard(page, emulator_on_live_server, assert_accessible):
    server = emulator_on_live_server.url
    page.goto(f"{server}/mon-espace/")
    assert page.url.startswith(f"{server}/compte/connexion/")
    assert page.get_by_role("link", name="Qu’est-ce que FranceConnect+ ?").is_visible()
    # The DSFR draws the "+" as generated text: the button's accessible name says FranceConnect+ once.
    assert page.get_by_role("button", name=re.compile(r"^S’identifier avec FranceConnect ?\+$")).is_visible()
    assert_accessible(page, "login page")

    tab_to(page, "button.fr-connect")
    press_enter_and_wait(page, f"{server}/_fcplus/interaction/**")
    assert page.locator("h1").count() == 1
    assert_accessible(page, "identity picker")

    choose(page, "#identite-yasmina")
    tab_to(page, "button[value=login]")
    press_enter_and_wait(page, f"{server}/mon-espace/")
    main = page.locator("main").inner_text()
    assert "Yasmina BENALI" in main and "niveau de garantie substantiel" in main
    assert page.locator("h1").count() == 1
    assert_accessible(page, "Mon espace")

    # The header's own button: DSFR keeps a hidden copy of the tools in .fr-header__menu-links.
    tab_to(page, ".fr-header__tools-links form[action='/compte/deconnexion/'] button")
    press_enter_and_wait(page, f"{server}/")
    assert "Votre session est fermée" in page.locator("main").inner_text()
    page.goto(f"{server}/mon-espace/")
    assert page.url.startswith(f"{server}/compte/connexion/")


@pytest.mark.django_db(transaction=True)
def test_cancelling_at_franceconnect_explains_and_offers_a_way_back(
    page, emulator_on_live_server, assert_accessible
):
    server = emulator_on_live_server.url
    page.goto(f"{server}/compte/connexion/")
    tab_to(page, "button.fr-connect")
    press_enter_and_wait(page, f"{server}/_fcplus/interaction/**")
    tab_to(page, "button[value=cancel]")
    press_enter_and_wait(page, f"{server}/compte/franceconnect/retour/**")
    assert page.locator("h1").inner_text() == "Connexion annulée"
    assert_accessible(page, "cancelled login")
    tab_to(page, "main a[href='/compte/connexion/']")
    press_enter_and_wait(page, f"{server}/compte/connexion/")
