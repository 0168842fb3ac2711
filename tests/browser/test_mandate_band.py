"""An agent under a mandate on the person's own page (/mon-espace/demarches/): the agent's header, the
mandate band first in <main>, readable at 1280 and 360 px, axe clean; its button ends the mandate
without JavaScript, and « Mandat terminé. » takes the focus (it was announced to nobody: the focus
stayed on the page's top while the band and its button were gone)."""

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from benefits.desk.models import Mandate
from tests.agents import agent_factory, sign_in
from tests.benefits.claims.factories import file_factory
from tests.benefits.desk.test_mandates import MANDATE
from tests.browser.keyboard import tab_to
from tests.factories import UserFactory


def agent_under_a_mandate(live_server):
    """A signed-in agent under a mandate on Camille's file: the file and the session cookie."""
    file = file_factory(user=UserFactory(first_name="Camille Marie", last_name="MARTIN"))
    agent = agent_factory(office="Lyon")
    client = Client()
    assert sign_in(client, agent).status_code == 302
    assert client.post(f"/agent/dossier/{file.number}/mandat/", MANDATE).status_code == 302
    cookie = {
        "name": django_settings.SESSION_COOKIE_NAME,
        "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }
    return file, cookie


FOCUSED_TEXT = "document.activeElement && document.activeElement.textContent.trim()"


@pytest.mark.django_db(transaction=True)
def test_the_mandate_band_on_mes_demarches_at_1280_and_360_px(
    page, no_js_context, live_server, assert_accessible, settings
):
    settings.INCOME_API_URL = live_server.url + "/_revenus/api/v1"
    file, cookie = agent_under_a_mandate(live_server)
    page.context.add_cookies([cookie])

    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(live_server.url + "/mon-espace/demarches/")
        band = page.get_by_role("region", name="Mandat en cours")
        expect(band).to_be_visible()
        expect(band).to_contain_text(
            f"Vous agissez pour Camille Marie MARTIN (dossier {file.number}), sous mandat"
        )
        # The first thing of <main>, above the page's <h1>.
        assert page.locator("main > *").first.get_attribute("id") == "mandat-en-cours"
        assert band.bounding_box()["y"] < page.get_by_role("heading", level=1).bounding_box()["y"]
        tools = page.locator(".fr-header__tools-links")
        expect(tools.get_by_role("link", name="Espace agent")).to_be_visible()
        expect(tools.get_by_role("button", name="Déconnexion agent")).to_be_visible()
        expect(tools.get_by_role("link", name="Mon espace")).to_have_count(0)
        expect(tools.get_by_role("button", name="Se déconnecter")).to_have_count(0)
        # Readable at 360 px: nothing scrolls sideways, the band's controls are whole on the screen.
        assert (
            page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
        )
        for control in (
            band.get_by_role("link", name="Retour au dossier"),
            band.get_by_role("button", name="Terminer le mandat"),
        ):
            box = control.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (width, box)
            assert box["height"] >= 24  # WCAG 2.5.8 (AA)
        assert_accessible(page, f"Mes démarches under a mandate at {width} px")

    # Without JavaScript the band's button ends the mandate: back on the file, no band any more.
    # (no_js_context is pytest-playwright's new_context: closed at teardown, after a failure too.)
    no_js_context.add_cookies([cookie])
    no_js = no_js_context.new_page()
    no_js.goto(live_server.url + "/mon-espace/demarches/")
    no_js.locator("#mandat-en-cours").get_by_role("button", name="Terminer le mandat").click()
    no_js.wait_for_url(f"**/agent/dossier/{file.number}/")
    expect(no_js.get_by_text("Mandat terminé.")).to_be_visible()
    assert no_js.evaluate(FOCUSED_TEXT) == "Mandat terminé."
    expect(no_js.locator("#mandat-en-cours")).to_have_count(0)
    assert Mandate.objects.get().revoked_at is not None


@pytest.mark.django_db(transaction=True)
def test_ending_the_mandate_with_the_keyboard_moves_the_focus_to_mandat_termine(
    page, live_server, assert_accessible, settings
):
    settings.INCOME_API_URL = live_server.url + "/_revenus/api/v1"
    file, cookie = agent_under_a_mandate(live_server)
    page.context.add_cookies([cookie])
    page.goto(live_server.url + "/mon-espace/demarches/")
    tab_to(page, "#mandat-en-cours button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(f"**/agent/dossier/{file.number}/")
    notice = page.get_by_role("status").filter(has_text="Mandat terminé.")
    expect(notice).to_be_focused()
    # The next Tab goes on from the notice, in the page's order, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate(
        "document.activeElement.compareDocumentPosition(document.querySelector('.fr-alert--success'))"
        " & Node.DOCUMENT_POSITION_PRECEDING"
    )
    assert_accessible(page, "file page after the mandate ended")
