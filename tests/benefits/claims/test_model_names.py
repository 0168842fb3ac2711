"""How /gestion/ names a file, a draft, a mandate, a status change and a journal entry: in the page's
language, and at Paris time (the names printed UTC, an hour or two off the time shown beside them)."""

from datetime import UTC, datetime

import pytest
from django.utils import translation

from benefits.claims.models import ClaimDraft, StatusChange
from benefits.desk.models import Mandate
from portal.models import JournalEntry
from tests.benefits.claims.factories import file_factory

pytestmark = pytest.mark.django_db


def test_a_file_and_a_draft_are_named_in_the_pages_language():
    file = file_factory(number="0000042")
    draft = ClaimDraft(file=file, kind="dtr", month="2026-11")
    assert str(file) == "Dossier 0000042"
    with translation.override("en"):
        assert str(file) == "File 0000042"
        assert str(draft).startswith("Draft ") and str(draft).endswith(" 2026-11")


def test_a_mandate_is_named_in_the_pages_language():
    mandate = Mandate(pk=7, file_id=42)
    assert str(mandate) == "Mandat 7 dossier 42"
    with translation.override("en"):
        assert str(mandate) == "Mandate 7, file 42"


def test_a_status_change_and_a_journal_entry_give_paris_time():
    summer = datetime(2026, 7, 1, 10, 30, tzinfo=UTC)  # 12:30 in Paris
    winter = datetime(2026, 12, 1, 10, 30, tzinfo=UTC)  # 11:30 in Paris
    assert str(StatusChange(status="deposee", at=summer)).endswith("2026-07-01 12:30")
    assert str(StatusChange(status="deposee", at=winter)).endswith("2026-12-01 11:30")
    assert str(JournalEntry(at=winter, action="agent_login", target="x")).startswith("2026-12-01 11:30 ")
