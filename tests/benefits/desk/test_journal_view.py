"""The journal in words: "Actions faites pour vous" reads one line per autosaved visit, not one per change."""

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

    journal = journal_for_file(file, viewer=user)
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
    lines = journal_for_file(file, viewer=user)
    assert [(line["text"], line["channel"]) for line in lines] == [
        (SAVED, "en ligne"),
        ("Brouillon enregistré par la personne.", "sur un poste en libre-service"),
        (SAVED, "sur un poste en libre-service"),
        (SAVED, "en ligne"),
    ]
