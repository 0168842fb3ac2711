"""An agent under a mandate opens the person's Mes courriers and a letter at 360 px: the mandate band is
shown, the letter is the person's, the page is axe clean, nothing scrolls sideways, and the letter stays
unread for the person."""

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from benefits.letters.models import Letter
from portal.models import JournalEntry
from tests.agents import agent_factory, sign_in
from tests.benefits.claims.factories import file_factory
from tests.benefits.desk.test_mandates import MANDATE
from tests.benefits.letters.conftest import file_claim
from tests.factories import UserFactory


@pytest.mark.django_db(transaction=True)
def test_an_agent_under_a_mandate_reads_the_persons_letters_at_360_px(
    page, live_server, assert_accessible, settings
):
    settings.INCOME_API_URL = live_server.url + "/_revenus/api/v1"
    camille = UserFactory(first_name="Camille Marie", last_name="MARTIN")
    file = file_factory(user=camille, partner_nir="1831069123103")
    file_claim(file, camille)
    letter = Letter.objects.get(file=file)
    agent = agent_factory(office="Lyon")
    client = Client()
    assert sign_in(client, agent).status_code == 302
    assert client.post(f"/agent/dossier/{file.number}/mandat/", MANDATE).status_code == 302
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page.set_viewport_size({"width": 360, "height": 800})

    def band_and_width():
        band = page.get_by_role("region", name="Mandat en cours")
        expect(band).to_be_visible()
        expect(band).to_contain_text(f"Vous agissez pour Camille Marie MARTIN (dossier {file.number})")
        expect(page.get_by_role("button", name="Terminer le mandat")).to_have_count(1)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.goto(live_server.url + "/mon-espace/courriers/")
    band_and_width()
    link = page.get_by_role("link", name=letter.subject)
    expect(link).to_be_visible()
    assert_accessible(page, "Mes courriers under a mandate at 360 px")

    link.click()
    expect(page.get_by_role("heading", name="Ce que vous avez déclaré")).to_be_visible()
    expect(page.get_by_text(letter.reference).first).to_be_visible()
    band_and_width()
    assert_accessible(page, "a letter under a mandate at 360 px")

    letter.refresh_from_db()
    assert letter.read_at is None
    assert JournalEntry.objects.filter(action="letter_viewed", target=f"letter:{letter.pk}").exists()
