"""The simulator's POSTs are limited per client address: beyond, 429 with Retry-After and a French page."""

import types

import pytest
from django.test import Client

from tests.benefits.simulator.journey import SINGLE_PARENT

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def one_window(monkeypatch):
    """Every request of a test falls in the same one-minute window (30 s into it)."""
    monkeypatch.setattr("benefits.api.ratelimit.time", types.SimpleNamespace(time=lambda: 1_800_000_030.0))


def test_posts_beyond_the_limit_get_429_and_a_clear_french_page(client, settings):
    settings.SIMULATOR_RATE_LIMIT_PER_MINUTE = 3
    statuses = [client.post("/simulateur/foyer/", SINGLE_PARENT["household"]).status_code for _ in range(3)]
    assert statuses == [302, 302, 302]
    response = client.post("/simulateur/foyer/", SINGLE_PARENT["household"])
    assert response.status_code == 429
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "<h1>Trop de demandes depuis votre connexion</h1>" in html
    assert "Patientez 30 secondes" in html
    assert "réponses que vous avez déjà enregistrées sont conservées" in html
    # Reading pages is not limited, and the answers already saved are kept.
    assert client.get("/simulateur/foyer/").status_code == 200
    assert client.session["simulator"]["answers"]["couple"] is False


def test_the_limit_is_per_client_address(client, settings):
    settings.SIMULATOR_RATE_LIMIT_PER_MINUTE = 1
    assert client.post("/simulateur/foyer/", SINGLE_PARENT["household"]).status_code == 302
    assert client.post("/simulateur/foyer/", SINGLE_PARENT["household"]).status_code == 429
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.post("/simulateur/foyer/", SINGLE_PARENT["household"]).status_code == 302
    # The API keeps its own counter.
    response = client.post("/api/v1/simulate", "{}", content_type="application/json")
    assert response.status_code == 400
