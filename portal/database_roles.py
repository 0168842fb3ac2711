"""Least-privilege database roles (PostgreSQL): migrations as an owner, the portal as an application role.

- the owner role (DATABASE_OWNER_ROLE, default `portal_owner`) owns the tables: it runs `migrate`;
- the application role (DATABASE_APP_ROLE, default `portal_app`) is what the portal connects as: it
  reads and writes the other tables, but may only INSERT and SELECT on the journal, never TRUNCATE
  anything, and, owning nothing, can neither disable nor drop the journal's triggers.

`grant_privileges` is idempotent: `manage.py db_roles` runs it, and so does every `migrate` (post_migrate)
when the application role exists, so a new table is never left without its grants. On SQLite it does
nothing: SQLite has no roles.
"""

from django.conf import settings
from django.db import connection

JOURNAL_TABLE = "portal_journalentry"


def quoted(name: str) -> str:
    return connection.ops.quote_name(name)


def role_exists(cursor, role: str) -> bool:
    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
    return cursor.fetchone() is not None


def create_roles(cursor) -> list[str]:
    """Creates the two roles when missing (needs CREATEROLE); returns those created."""
    created = []
    for role, login in ((settings.DATABASE_OWNER_ROLE, False), (settings.DATABASE_APP_ROLE, True)):
        # One advisory lock per cluster: two test processes creating the same role wait for each other.
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext('portal_db_roles'))")
        if not role_exists(cursor, role):
            attributes = "LOGIN" if login else "NOLOGIN"
            cursor.execute(
                f"CREATE ROLE {quoted(role)} {attributes} NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS"
            )
            created.append(role)
    return created


def grant_privileges(cursor) -> None:
    app = quoted(settings.DATABASE_APP_ROLE)
    cursor.execute("SELECT current_schema()")
    schema = quoted(cursor.fetchone()[0])
    cursor.execute(f"GRANT USAGE ON SCHEMA {schema} TO {app}")
    cursor.execute(f"REVOKE CREATE ON SCHEMA {schema} FROM {app}")
    cursor.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {app}")
    cursor.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {app}")
    cursor.execute(f"REVOKE UPDATE, DELETE ON {quoted(JOURNAL_TABLE)} FROM {app}")
    cursor.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {app}")


def apply_roles(*, create: bool) -> str:
    """Creates (if asked) the roles and grants the application role its privileges; says what it did."""
    if connection.vendor != "postgresql":
        return "SQLite: no database roles, nothing to do."
    with connection.cursor() as cursor:
        created = create_roles(cursor) if create else []
        if not role_exists(cursor, settings.DATABASE_APP_ROLE):
            return f"Role {settings.DATABASE_APP_ROLE} does not exist: run manage.py db_roles --create."
        grant_privileges(cursor)
    done = f"created {', '.join(created)}; " if created else ""
    return f"{done}privileges of {settings.DATABASE_APP_ROLE} granted (journal: INSERT and SELECT only)."


def grant_after_migrate(sender, using="default", **kwargs):
    """post_migrate: keeps the application role's grants in step with the tables just created."""
    if using == "default" and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            if role_exists(cursor, settings.DATABASE_APP_ROLE):
                grant_privileges(cursor)
