"""Kiosk PCs: enrolment by a signed token only, the band, the end of a visit, idle expiry, nothing kept."""

import io
import re
import time

import pytest
from django.core.management import call_command
from django.test import Client

from portal.kiosk.enrolment import KIOSK_COOKIE, kiosk_token_issue
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BAND = "Poste en libre-service — CAF de"


@pytest.fixture
def kiosk():
    client = Client()
    client.cookies[KIOSK_COOKIE] = kiosk_token_issue(office="Lyon 3e")
    return client


def test_the_command_issues_a_token_that_makes_a_kiosk(client):
    out = io.StringIO()
    call_command("kiosk_enrol", office="Villeurbanne", stdout=out)
    token = out.getvalue().split(f"{KIOSK_COOKIE}=")[1].split()[0]
    link = out.getvalue().split("once: ")[1].strip().removeprefix("http://127.0.0.1:8000")
    page = client.get(link).content.decode()
    assert "CAF de Villeurbanne" in page and BAND not in page
    assert not re.search(r"<title>\s*Erreur", page)
    response = client.post("/kiosque/installer/", {"jeton": token})
    assert response.status_code == 302 and response.cookies[KIOSK_COOKIE].value == token
    assert response.cookies[KIOSK_COOKIE]["httponly"]
    assert "Poste en libre-service — CAF de Villeurbanne" in client.get("/").content.decode()


@pytest.mark.parametrize("value", ["1", "true", "forged.token.value", "e30:1abc:xyz"])
def test_a_visitor_cannot_fake_a_kiosk(client, value):
    client.cookies[KIOSK_COOKIE] = value
    response = client.get("/")
    assert BAND not in response.content.decode() and 'data-channel="home"' in response.content.decode()
    refused = client.post("/kiosque/installer/", {"jeton": value})
    assert refused.status_code == 200
    assert re.search(r"<title>\s*Erreur\u00a0:", refused.content.decode())  # the link is not valid (RGAA 8.6)
    assert KIOSK_COOKIE not in client.post("/kiosque/installer/", {"jeton": value}).cookies


def test_a_tampered_token_names_no_office(client):
    token = kiosk_token_issue(office="Lyon")
    client.cookies[KIOSK_COOKIE] = token.replace("Lyon", "Nice") if "Lyon" in token else token[:-2] + "xx"
    assert BAND not in client.get("/").content.decode()


def test_a_dedicated_deployment_is_a_kiosk_everywhere(client, settings):
    settings.KIOSK_MODE = True
    settings.KIOSK_OFFICE = "Marseille"
    assert "Poste en libre-service — CAF de Marseille" in client.get("/").content.decode()


def test_every_kiosk_page_has_the_band_and_is_not_stored(kiosk):
    for url in ("/", "/simulateur/", "/etre-aide/", "/kiosque/"):
        response = kiosk.get(url)
        html = response.content.decode()
        assert BAND in html and "Terminer et tout effacer" in html, url
        assert response["Cache-Control"] == "no-store", url
        # Without JavaScript the idle page first moves to the warning page (tests/portal/kiosk/test_still_here.py).
        assert 'http-equiv="refresh"' in html and "/kiosque/toujours-la/?suite=" in html, url


def test_kiosk_forms_keep_no_autocomplete_and_external_links_say_they_leave(kiosk):
    html = kiosk.get("/simulateur/").content.decode()
    assert html.count("<form") == html.count('<form autocomplete="off"')
    login = kiosk.get("/compte/connexion/").content.decode()
    assert 'href="https://franceconnect.gouv.fr' not in login
    assert "/kiosque/sortie/?vers=https%3A%2F%2Ffranceconnect.gouv.fr" in login
    exit_page = kiosk.get("/kiosque/sortie/", {"vers": "https://franceconnect.gouv.fr/"}).content.decode()
    assert "il ne fait pas partie du poste en libre-service" in exit_page
    assert 'href="https://franceconnect.gouv.fr/"' in exit_page
    assert (
        'href="javascript'
        not in kiosk.get("/kiosque/sortie/", {"vers": "javascript:alert(1)"}).content.decode()
    )


def test_the_end_button_erases_the_visit_but_keeps_the_enrolment(kiosk):
    person = UserFactory()
    kiosk.force_login(person)
    kiosk.cookies["django_language"] = "en"
    response = kiosk.post("/kiosque/terminer/")
    assert response.status_code == 302 and response["Location"] == "/kiosque/?fin=1"
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "cookies" not in response["Clear-Site-Data"]
    for name in ("sessionid", "csrftoken", "django_language"):
        assert response.cookies[name].value == "" and response.cookies[name]["max-age"] == 0, name
    assert KIOSK_COOKIE not in response.cookies
    welcome = kiosk.get(response["Location"])
    assert "_auth_user_id" not in kiosk.session
    assert BAND in welcome.content.decode() and "rien de ce que vous avez fait" in welcome.content.decode()
    assert kiosk.get("/mon-espace/").status_code == 302


def test_an_idle_visit_expires_on_the_server(kiosk, settings, monkeypatch):
    person = UserFactory()
    kiosk.force_login(person)
    assert kiosk.get("/mon-espace/").status_code == 200
    later = time.time() + settings.KIOSK_IDLE_SECONDS + 5
    monkeypatch.setattr("portal.kiosk.idle.time.time", lambda: later)
    response = kiosk.get("/mon-espace/")
    assert response.status_code == 302 and response["Location"] == "/kiosque/session-expiree/"
    response = kiosk.get("/kiosque/session-expiree/", follow=True)
    assert "Votre session s’est terminée" in response.content.decode()
    assert "_auth_user_id" not in kiosk.session
    assert response.redirect_chain == [("/kiosque/session-expiree/", 302)]


def test_the_end_of_an_idle_visit_promises_no_draft_to_a_visitor_who_has_none(kiosk):
    """A visitor who only walked the simulator was told « un brouillon vous attend dans Mon espace »
    (walk13b's kiosk walk): the page says where a procedure started in Mon espace waits, if any."""
    kiosk.get("/simulateur/")
    page = kiosk.get("/kiosque/session-expiree/", follow=True).content.decode()
    assert "Votre session s’est terminée" in page and "un brouillon vous attend" not in page
    assert "une démarche commencée dans Mon espace y attend en brouillon" in page


def test_continuer_keeps_the_visit_alive(kiosk, settings, monkeypatch):
    person = UserFactory()
    kiosk.force_login(person)
    kiosk.get("/mon-espace/")
    start = time.time()
    monkeypatch.setattr("portal.kiosk.idle.time.time", lambda: start + settings.KIOSK_IDLE_SECONDS - 10)
    assert kiosk.post("/kiosque/continuer/").status_code == 204
    monkeypatch.setattr("portal.kiosk.idle.time.time", lambda: start + settings.KIOSK_IDLE_SECONDS + 20)
    assert kiosk.get("/mon-espace/").status_code == 200


def test_outside_a_kiosk_nothing_changes(client):
    response = client.get("/simulateur/")
    html = response.content.decode()
    assert BAND not in html and 'http-equiv="refresh"' not in html


def test_on_a_kiosk_the_login_drops_a_personal_address_left_by_the_previous_visitor(kiosk):
    person = UserFactory()
    kiosk.force_login(person)
    draft = "/mon-espace/demarches/brouillon/0b5e2c9a-7d1e-4f7a-9a8e-3c2f1d0e9b8a/"
    kiosk.post("/kiosque/terminer/")
    # The back button after the end: the draft's address asks for a login, which forgets it.
    response = kiosk.get(draft)
    assert response.status_code == 302 and response["Location"].startswith("/compte/connexion/?next=")
    login = kiosk.get(response["Location"])
    assert login.status_code == 302 and login["Location"] == "/compte/connexion/"
    page = kiosk.get(login["Location"]).content.decode()
    assert "brouillon" not in page and "next=" not in page
    for unsafe in ("https://example.org/", "/mon-espace/", "/nulle-part/"):
        assert kiosk.get("/compte/connexion/", {"next": unsafe})["Location"] == "/compte/connexion/", unsafe
    # A public page is nobody's: it is kept.
    kept = kiosk.get("/compte/connexion/", {"next": "/simulateur/"})
    assert kept.status_code == 200 and 'value="/simulateur/"' in kept.content.decode()


def test_at_home_the_login_keeps_the_address_to_come_back_to(client):
    draft = "/mon-espace/demarches/brouillon/0b5e2c9a-7d1e-4f7a-9a8e-3c2f1d0e9b8a/"
    page = client.get("/compte/connexion/", {"next": draft})
    assert page.status_code == 200 and f'value="{draft}"' in page.content.decode()
