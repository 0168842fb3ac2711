"""Staff: accepting a claim in /gestion/ sends the decision; failed letters are visible and queued again."""

import pytest

from benefits.letters.models import Letter, LetterKind, LetterStatus
from tests.agents import agent_factory, sign_in
from tests.benefits.letters.conftest import committed

pytestmark = pytest.mark.django_db


@pytest.fixture
def agent_client(client):
    sign_in(client, agent_factory(is_superuser=True))  # /gestion/ needs the agent's second factor
    return client


def test_accepting_in_the_admin_sends_the_decision_letter(agent_client, claim):
    with committed():
        for action in ("mark_en_instruction", "mark_acceptee"):
            agent_client.post("/gestion/benefits/claim/", {"action": action, "_selected_action": [claim.pk]})
    decision = Letter.objects.get(kind=LetterKind.DECISION)
    assert decision.status == LetterStatus.READY and decision.file == claim.file
    assert "acceptée" in decision.subject


def test_staff_see_a_failed_letter_with_its_error_and_queue_it_again(agent_client, claim):
    letter = Letter.objects.get()
    Letter.objects.filter(pk=letter.pk).update(status=LetterStatus.FAILED, last_error="OSError: disk full")
    listing = agent_client.get("/gestion/benefits/letter/?status__exact=failed").content.decode()
    assert letter.reference in listing
    assert (
        "OSError: disk full"
        in agent_client.get(f"/gestion/benefits/letter/{letter.pk}/change/").content.decode()
    )
    with committed():
        agent_client.post(
            "/gestion/benefits/letter/", {"action": "rerender_failed", "_selected_action": [letter.pk]}
        )
    letter.refresh_from_db()
    assert letter.status == LetterStatus.READY and letter.last_error == ""
