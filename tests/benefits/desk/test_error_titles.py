"""Agent screens: a page answering a form with errors says so first in its <title>, "Erreur : …", as the
person's screens do (RGAA 8.6, DSFR): a screen reader user hears it before anything else. The same page
without an error keeps its plain title."""

import re

import pytest
from django.test import Client

from benefits.claims.models import ClaimDraft
from tests.agents import AGENT_PASSWORD
from tests.benefits.desk.test_mandates import record_mandate

pytestmark = pytest.mark.django_db
ERROR = "Erreur\u00a0:"


def title(response) -> str:
    match = re.search(r"<title>(.*?)</title>", response.content.decode(), re.DOTALL)
    assert match, response.content[:300]
    return " ".join(match.group(1).split())


def test_the_agent_login_refused_or_incomplete(client, agent):
    assert not title(client.get("/agent/connexion/")).startswith(ERROR)
    wrong = {"username": agent.username, "password": AGENT_PASSWORD, "code": "12345"}
    assert title(client.post("/agent/connexion/", wrong)).startswith(f"{ERROR} Connexion agent")
    assert title(client.post("/agent/connexion/", dict.fromkeys(wrong, ""))).startswith(ERROR)


def test_the_search_with_a_name_and_no_birth_date_or_too_many_searches(agent_client, settings):
    assert not title(agent_client.get("/agent/")).startswith(ERROR)
    assert not title(agent_client.get("/agent/", {"number": "0000001"})).startswith(ERROR)
    incomplete = agent_client.get("/agent/", {"family_name": "MARTIN"})
    assert title(incomplete).startswith(f"{ERROR} Rechercher un dossier")
    settings.DESK_SEARCHES_PER_MINUTE = 1
    agent_client.get("/agent/", {"number": "0000002"})
    limited = agent_client.get("/agent/", {"number": "0000003"})
    assert limited.status_code == 429 and title(limited).startswith(ERROR)


def test_the_mandate_form(agent_client, camille_file):
    url = f"/agent/dossier/{camille_file.number}/mandat/"
    assert not title(agent_client.get(url)).startswith(ERROR)
    assert title(agent_client.post(url, {"confirmed": ""})).startswith(f"{ERROR} Enregistrer un mandat")


def test_the_persons_pages_the_agent_fills_under_a_mandate(agent_client, camille_file):
    """Under a mandate the agent fills in the person's own declaration pages: their errors too."""
    record_mandate(agent_client, camille_file)
    edit_url = agent_client.post("/mon-espace/demarches/nouvelle/dtr/")["Location"]
    assert not title(agent_client.get(edit_url)).startswith(ERROR)
    draft = ClaimDraft.objects.get()
    typed = {"a-2026-09-0-choice": "correct", "a-2026-09-0-typed": "douze", "action": "continue"}
    assert title(agent_client.post(edit_url, typed)).startswith(ERROR)
    assert draft.pk  # the draft stays, with what was typed


def test_the_check_page_with_its_no_income_box_left_unticked(agent_client, camille_file, settings):
    settings.INCOME_API_TIMEOUT, settings.INCOME_API_RETRIES = 1, 0
    camille_file.members[0]["nir"] = "2850375056191"  # the income emulator answers 500 for this NIR
    camille_file.save()
    record_mandate(agent_client, camille_file)
    edit_url = agent_client.post("/mon-espace/demarches/nouvelle/dtr/")["Location"]
    check_url = agent_client.post(edit_url, {"action": "continue"})["Location"]
    assert not title(agent_client.get(check_url)).startswith(ERROR)
    refused = agent_client.post(check_url)
    assert refused.status_code == 200 and title(refused).startswith(f"{ERROR} Vérifiez vos réponses")


def test_an_agent_without_errors_reads_plain_titles(agent_client, camille_file):
    for url in ("/agent/", f"/agent/dossier/{camille_file.number}/", "/agent/saisie-rapide/"):
        assert not title(agent_client.get(url)).startswith(ERROR), url
    assert Client().get("/agent/connexion/").status_code == 200
