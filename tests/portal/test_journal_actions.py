"""/gestion/'s audit journal names each action in words (« Connexion d’un agent »), not by the code
the journal stores (agent_login), in the list, its filter and an entry's page; every code the portal
writes has its words."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from portal.journal import journal_record
from portal.journal_actions import ACTIONS, action_label
from tests.agents import agent_factory, sign_in

ROOT = Path(__file__).resolve().parents[2]
ARGPARSE = {"store_true", "store_false", "store_const", "append", "count"}


def written_codes() -> set[str]:
    codes = set()
    for folder in ("benefits", "portal"):
        for path in (ROOT / folder).rglob("*.py"):
            codes.update(re.findall(r'\baction="([a-z_]+)"', path.read_text(encoding="utf-8")))
    return codes - ARGPARSE


def test_every_action_the_portal_writes_has_its_words():
    codes = written_codes()
    assert {"agent_login", "claim_filed", "campaign_launched", "letter_viewed"} <= codes
    assert codes - ACTIONS.keys() == set()


def test_an_unknown_code_shows_as_itself():
    assert action_label("written_by_an_older_version") == "written_by_an_older_version"


@pytest.mark.django_db
def test_the_journal_in_gestion_reads_words_not_codes(client):
    agent = agent_factory(is_superuser=True)
    sign_in(client, agent)  # journals agent_login
    journal_record(action="claim_filed", target="claim:1", by=agent, channel="agent")
    listing = client.get("/gestion/portal/journalentry/").content.decode()
    assert "Connexion d’un agent" in listing and "Dépôt d’une demande ou d’une déclaration" in listing
    assert ">agent_login<" not in listing and "?action=agent_login" in listing
    only = client.get("/gestion/portal/journalentry/?action=claim_filed").content.decode()
    assert "Dépôt d’une demande" in only and "Connexion d’un agent</td>" not in only
    with translation.override("en"):
        assert str(action_label("agent_login")) == "Agent sign-in"
