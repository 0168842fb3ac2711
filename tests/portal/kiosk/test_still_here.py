"""The kiosk's idle warning without JavaScript (WCAG 2.2.1): the idle page moves to « Êtes-vous toujours
là ? » before the end; « Continuer » goes back to where the visitor was; left alone, the visit ends."""

import re
import time

import pytest
from django.test import Client

from portal.kiosk.enrolment import KIOSK_COOKIE, kiosk_token_issue
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REFRESH = re.compile(r'<meta http-equiv="refresh"\s+content="(\d+);url=([^"]+)">')


@pytest.fixture
def kiosk():
    client = Client()
    client.cookies[KIOSK_COOKIE] = kiosk_token_issue(office="Lyon 3e")
    return client


def refreshes_of(html: str) -> list[tuple[int, str]]:
    return [(int(seconds), url.replace("&amp;", "&")) for seconds, url in REFRESH.findall(html)]


def test_an_idle_page_moves_to_the_warning_before_the_end(kiosk, settings):
    settings.KIOSK_IDLE_SECONDS, settings.KIOSK_WARNING_SECONDS = 240, 60
    html = kiosk.get("/simulateur/").content.decode()
    assert "<noscript>" in html
    assert refreshes_of(html) == [(180, "/kiosque/toujours-la/?suite=/simulateur/")]


def test_the_warning_says_how_long_is_left_and_continuer_goes_back(kiosk, settings):
    settings.KIOSK_IDLE_SECONDS, settings.KIOSK_WARNING_SECONDS = 240, 60
    response = kiosk.get("/kiosque/toujours-la/", {"suite": "/simulateur/"})
    html = response.content.decode()
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert "<h1>Êtes-vous toujours là ?</h1>" in html
    assert "votre session se termine dans 60 secondes et tout sera effacé" in html
    assert re.search(r'<a class="fr-btn fr-btn--lg" href="/simulateur/">\s*Continuer\s*</a>', html)
    # Its only refresh, outside <noscript>: the page is the warning, the visit ends when its time is up.
    assert refreshes_of(html) == [(60, "/kiosque/session-expiree/")]


@pytest.mark.parametrize(
    "suite",
    [
        "https://example.org/",
        "//example.org/",
        "/kiosque/session-expiree/",
        "/kiosque/toujours-la/",
        "simulateur",
    ],
)
def test_continuer_never_leaves_the_portal_nor_loops(kiosk, suite):
    html = kiosk.get("/kiosque/toujours-la/", {"suite": suite}).content.decode()
    assert re.search(r'href="/kiosque/">\s*Continuer', html), suite


def test_the_warning_page_keeps_the_visit_and_the_end_still_comes(kiosk, settings, monkeypatch):
    person = UserFactory()
    kiosk.force_login(person)
    start = time.time()
    kiosk.get("/mon-espace/")
    # Reaching the warning counts as activity: the visitor has the whole warning to press « Continuer ».
    monkeypatch.setattr("portal.kiosk.idle.time.time", lambda: start + settings.KIOSK_IDLE_SECONDS - 5)
    assert kiosk.get("/kiosque/toujours-la/", {"suite": "/mon-espace/"}).status_code == 200
    monkeypatch.setattr("portal.kiosk.idle.time.time", lambda: start + settings.KIOSK_IDLE_SECONDS + 30)
    assert kiosk.get("/mon-espace/").status_code == 200
    # Left alone, the warning's refresh ends the visit.
    response = kiosk.get("/kiosque/session-expiree/", follow=True)
    assert "Votre session s’est terminée" in response.content.decode()
    assert "_auth_user_id" not in kiosk.session


def test_outside_a_kiosk_the_warning_page_ends_nothing(client):
    response = client.get("/kiosque/toujours-la/", {"suite": "/simulateur/"})
    assert response.status_code == 200 and refreshes_of(response.content.decode()) == []


def test_the_warning_is_in_english_too(kiosk, settings):
    settings.KIOSK_IDLE_SECONDS, settings.KIOSK_WARNING_SECONDS = 240, 60
    kiosk.cookies["django_language"] = "en"
    html = kiosk.get("/kiosque/toujours-la/", {"suite": "/simulateur/"}).content.decode()
    assert "Are you still there?" in html and "60 seconds" in html
