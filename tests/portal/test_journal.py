"""The audit journal is append-only and says who, when and through which channel."""

import pytest
from django.db import DatabaseError, connection, transaction

from portal.journal import journal_record
from portal.models import JournalEntry, JournalIsAppendOnly

pytestmark = pytest.mark.django_db


def test_an_entry_records_who_when_and_the_channel(user):
    entry = journal_record(action="draft_saved", target="draft:1", by=user, channel="kiosk")
    entry.refresh_from_db()
    assert (entry.actor, entry.channel, entry.action) == (user, "kiosk", "draft_saved") and entry.at


def test_entries_can_be_neither_updated_nor_deleted(user):
    entry = journal_record(action="claim_filed", target="claim:1", by=user, channel="home")
    entry.action = "rien"
    with pytest.raises(JournalIsAppendOnly):
        entry.save()
    with pytest.raises(JournalIsAppendOnly):
        entry.delete()
    with pytest.raises(JournalIsAppendOnly):
        JournalEntry.objects.filter(pk=entry.pk).update(action="rien")
    with pytest.raises(JournalIsAppendOnly):
        JournalEntry.objects.filter(pk=entry.pk).delete()
    assert JournalEntry.objects.get(pk=entry.pk).action == "claim_filed"


def test_the_database_refuses_raw_updates_on_postgresql(user):
    if connection.vendor != "postgresql":
        pytest.skip("the database trigger exists on PostgreSQL only (CI)")
    entry = journal_record(action="claim_filed", target="claim:1", by=user, channel="home")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE portal_journalentry SET action = 'rien' WHERE id = %s", [entry.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM portal_journalentry WHERE id = %s", [entry.pk])
