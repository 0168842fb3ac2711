"""Admission control: beyond the concurrency limit, 503 + Retry-After at once and the waiting page;
problem+json for the API; /healthz, the FC+ keys and static files still served; a journey under way goes first."""

import re

import pytest
from django.test import Client

from portal.admission import gate
from tests.benefits.simulator.journey import SINGLE_PARENT

pytestmark = pytest.mark.django_db


def test_saturated_gate_answers_503_with_retry_after_and_the_waiting_page(client, settings):
    with gate.held():
        response = client.get("/simulateur/")
    assert response.status_code == 503
    retry_after = int(response["Retry-After"])
    assert settings.ADMISSION_RETRY_AFTER <= retry_after <= settings.ADMISSION_RETRY_AFTER * 1.5
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "<h1>Le service est très demandé</h1>" in html
    assert "réponses que vous avez déjà" in html and "conservées" in html
    # Reloads itself after Retry-After without JavaScript, and carries no script at all (CSP-safe).
    assert response["Refresh"] == str(retry_after)
    assert '<a class="fr-link" href="">Réessayer maintenant</a>' in html
    assert "<script" not in html and "style=" not in html
    assert "Content-Security-Policy" in response.headers
    # The same URL answers normally once a slot is free.
    assert client.get("/simulateur/").status_code == 200


def test_the_timed_reload_can_be_turned_off(client):
    with gate.held():
        page = client.get("/simulateur/").content.decode()
        assert 'href="?rechargement=non">Ne plus recharger automatiquement</a>' in page
        response = client.get("/simulateur/", {"rechargement": "non"})
    assert response.status_code == 503 and "Retry-After" in response.headers
    assert "Refresh" not in response.headers
    html = response.content.decode()
    assert "Le rechargement automatique est arrêté" in html
    assert "se recharge d’elle-même" not in html
    # Once a slot is free, the same address is the page itself: the parameter changes nothing there.
    assert client.get("/simulateur/", {"rechargement": "non"}).status_code == 200


def test_waiting_page_speaks_the_visitors_language(settings):
    with gate.held():
        response = Client(headers={"accept-language": "en"}).get("/")
    assert response.status_code == 503
    assert '<html lang="en"' in response.content.decode()
    assert "The service is in high demand" in response.content.decode()


def test_api_gets_problem_json(client):
    with gate.held():
        response = client.post("/api/v1/simulate", "{}", content_type="application/json")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"]
    body = response.json()
    assert body["status"] == 503 and body["title"] == "Service très demandé"


def test_healthz_and_static_files_are_always_served(client):
    with gate.held():
        assert client.get("/healthz").status_code == 200
        static = client.get("/static/portal/portal.css")
        assert static.status_code == 200
        assert b"".join(static.streaming_content)
        static.close()


def test_the_keys_franceconnect_fetches_mid_login_are_always_served(client):
    with gate.held():
        response = client.get("/compte/franceconnect/jwks.json")
    assert response.status_code == 200 and response.json()["keys"]


def test_a_journey_under_way_passes_before_new_arrivals(client):
    # Someone already in the questionnaire: a live session.
    assert client.post("/simulateur/foyer/", SINGLE_PARENT["household"]).status_code == 302
    newcomer = Client()
    # Every slot but the reserve is taken: new arrivals wait, the journey goes on.
    with gate.held(gate.limit - gate.reserve):
        assert newcomer.get("/simulateur/").status_code == 503
        response = client.post("/simulateur/personnes/", SINGLE_PARENT["persons"])
        assert response.status_code == 302
    # A forged session cookie is not a journey.
    forged = Client()
    forged.cookies["sessionid"] = "not-a-session"
    with gate.held(gate.limit - gate.reserve):
        assert forged.get("/simulateur/").status_code == 503


def test_a_journey_too_waits_when_every_slot_is_taken(client, settings, monkeypatch):
    monkeypatch.setattr(gate, "priority_wait", 0.01)
    assert client.post("/simulateur/foyer/", SINGLE_PARENT["household"]).status_code == 302
    with gate.held():
        response = client.post("/simulateur/personnes/", SINGLE_PARENT["persons"])
    assert response.status_code == 503
    assert re.search(r"Cette page se recharge d’elle-même dans \d+ secondes", response.content.decode())


def test_a_slot_is_given_back_after_each_request_even_on_error(client):
    before = gate.in_flight
    client.get("/simulateur/")
    client.get("/nulle-part/")
    assert gate.in_flight == before
