"""The journal in words: "Actions faites pour vous" reads one line per autosaved visit, not one per change."""

import re

import pytest
from django.test import Client

from benefits.claims.models import ClaimDraft
from benefits.desk.journal_view import journal_for_file
from portal.journal import journal_record
from portal.models import JournalEntry
from tests.benefits.claims.factories import file_factory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
SAVED = "Brouillon enregistré par vous."


def autosave(client, url, **values):
    assert client.post(url, dict(values, action="save"), HTTP_HX_REQUEST="true").status_code == 200


def test_consecutive_saves_of_a_draft_are_one_line_at_the_latest_time():
    user = UserFactory()
    file = file_factory(user=user)
    client = Client()
    client.force_login(user)
    url = client.post("/mon-espace/demarches/nouvelle/dtr/")["Location"]
    for amount in ("1,00", "2,00", "3,00"):
        autosave(client, url, **{"a-2026-08-alimony_received": amount})
    autosave(client, url, **{"a-2026-08-0-choice": "correct", "a-2026-08-0-typed": "900,00"})
    autosave(client, url, **{"a-2026-09-alimony_received": "4,00"})
    autosave(client, url, **{"a-2026-09-alimony_received": "5,00"})

    journal = journal_for_file(file, to_person=True, person=user)
    texts = [line["text"] for line in journal]
    # Newest first: the last two saves, the correction, the four saves before it, the opening.
    assert texts == [SAVED, "Montant corrigé par vous.", SAVED, "Brouillon ouvert par vous."]
    draft = ClaimDraft.objects.get(user=user)
    saves = JournalEntry.objects.filter(target=f"draft:{draft.pk}", action="draft_saved").order_by(
        "-at", "-pk"
    )
    assert saves.count() == 6
    assert journal[0]["at"] == saves[0].at and journal[2]["at"] == saves[2].at
    assert client.get("/mon-espace/actions/").content.decode().count(SAVED) == 2


def test_saves_by_someone_else_or_through_another_channel_stay_apart():
    user, helper = UserFactory(), UserFactory()
    file = file_factory(user=user)
    for by, channel in ((user, "home"), (user, "home"), (user, "kiosk"), (helper, "kiosk"), (user, "home")):
        journal_record(action="draft_saved", target=f"file:{file.pk}", by=by, channel=channel)
    lines = journal_for_file(file, to_person=True, person=user)
    assert [(line["text"], line["channel"]) for line in lines] == [
        (SAVED, "en ligne"),
        ("Brouillon enregistré par la personne.", "sur un poste en libre-service"),
        (SAVED, "sur un poste en libre-service"),
        (SAVED, "en ligne"),
    ]


def filed_claim(file, kind):
    """A filed claim of the file, journaled as claim_filing() does, and its status changed once."""
    from tests.benefits.claims.test_standing import filed

    claim = filed(file, file.user, kind, "en_instruction")
    target = f"claim:{claim.pk}"
    journal_record(action="claim_filed", target=target, by=file.user, channel="home", details={"kind": kind})
    journal_record(
        action="claim_status", target=target, by=None, channel="agent", details={"status": "en_instruction"}
    )
    return claim


def test_a_declaration_reads_as_a_declaration_sent_and_a_claim_as_filed():
    """It read "Demande déposée" for a quarterly declaration, which is no demande."""
    user = UserFactory()
    file = file_factory(user=user)
    filed_claim(file, "dtr")
    filed_claim(file, "ppa")
    texts = [line["text"] for line in journal_for_file(file, to_person=True, person=user)]
    assert "Déclaration trimestrielle envoyée par vous." in texts
    assert "Demande de prime d’activité déposée par vous." in texts
    assert "Statut de la déclaration\u00a0: En instruction." in texts
    assert "Statut de la demande\u00a0: En instruction." in texts
    assert not any(text.startswith("Demande déposée") for text in texts)


def test_the_agents_view_of_the_journal_does_not_speak_to_the_allocataire(agent_client, camille_file):
    """The 360° view read "Votre dossier a été consulté par…" to the agent; the person's view keeps it."""
    filed_claim(camille_file, "dtr")
    agent_client.get(f"/agent/dossier/{camille_file.number}/")
    page = agent_client.get(f"/agent/dossier/{camille_file.number}/").content.decode()
    journal = page[page.index('class="portal-journal"') :]
    journal = journal[: journal.index("</ol>")]
    assert "Dossier consulté par un agent de la CAF de Lyon le" in journal
    assert "Déclaration trimestrielle envoyée par la personne." in journal
    assert not re.search(r"\b(vous|votre|vos)\b", journal, re.IGNORECASE)
    person = Client()
    person.force_login(camille_file.user)
    mine = person.get("/mon-espace/actions/").content.decode()
    assert "Votre dossier a été consulté par un agent de la CAF de Lyon le" in mine
    assert "Déclaration trimestrielle envoyée par vous." in mine


def test_every_action_a_first_claim_journals_reads_as_words(agent_client, camille_file):
    # "claim_answers_saved" was shown as is, an identifier in the French journal.
    from tests.benefits.claims.test_first_claim import VALID, start

    camille_client = Client()
    camille_client.force_login(camille_file.user)
    camille_client.post(start(camille_client, "rsa"), VALID | {"action": "save"})
    assert JournalEntry.objects.filter(action="claim_answers_saved").exists()
    page = agent_client.get(f"/agent/dossier/{camille_file.number}/").content.decode()
    assert "claim_answers_saved" not in page
    assert "Réponses de la demande enregistrées par la personne." in page
