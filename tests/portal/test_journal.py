"""The audit journal is append-only and says who, when and through which channel."""

import pytest
from django.conf import settings
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


def postgresql_only():
    # Under CI=true a skip is a failure (tests/environment.py), and the database is PostgreSQL.
    if connection.vendor != "postgresql":
        pytest.skip("the database trigger and roles exist on PostgreSQL only (CI)")


def test_the_database_refuses_raw_updates_on_postgresql(user):
    postgresql_only()
    entry = journal_record(action="claim_filed", target="claim:1", by=user, channel="home")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE portal_journalentry SET action = 'rien' WHERE id = %s", [entry.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM portal_journalentry WHERE id = %s", [entry.pk])


def refused(sql: str, params=()):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_the_portal_runs_as_the_least_privilege_role():
    postgresql_only()
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
        role, superuser = cursor.fetchone()
    assert (role, superuser) == (settings.DATABASE_APP_ROLE, False)


def test_the_application_role_can_only_insert_and_select_on_the_journal(user):
    postgresql_only()
    entry = journal_record(action="claim_filed", target="claim:1", by=user, channel="home")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT privilege_type FROM information_schema.role_table_grants"
            " WHERE table_name = 'portal_journalentry' AND grantee = %s",
            [settings.DATABASE_APP_ROLE],
        )
        assert {row[0] for row in cursor.fetchall()} == {"INSERT", "SELECT"}
    refused("TRUNCATE portal_journalentry")
    refused("ALTER TABLE portal_journalentry DISABLE TRIGGER portal_journalentry_append_only")
    refused("DROP TRIGGER portal_journalentry_no_truncate ON portal_journalentry")
    refused("DROP TABLE portal_journalentry")
    assert JournalEntry.objects.filter(pk=entry.pk).exists()


def test_truncate_is_refused_even_to_the_owner(user):
    """The statement-level guard: TRUNCATE fires no row trigger, so it has its own."""
    postgresql_only()
    entry = journal_record(action="claim_filed", target="claim:1", by=user, channel="home")
    with (
        pytest.raises(DatabaseError, match="TRUNCATE refused"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending foreign-key checks
        cursor.execute("RESET ROLE")  # the owner (the session's own role)
        cursor.execute("TRUNCATE portal_journalentry CASCADE")
    assert JournalEntry.objects.filter(pk=entry.pk).exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        assert cursor.fetchone()[0] == settings.DATABASE_APP_ROLE


def test_db_roles_is_a_no_op_on_sqlite():
    from portal.database_roles import apply_roles

    if connection.vendor != "sqlite":
        assert "granted" in apply_roles(create=False)
    else:
        assert apply_roles(create=True).startswith("SQLite")
