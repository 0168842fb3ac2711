"""On PostgreSQL (CI=true) the suite runs as the portal's least-privilege application role.

The test database is created and migrated by the connecting user (the owner; in CI the machine's
superuser `root`), then `db_roles --create` makes the roles and grants, and every connection of the
default database switches to the application role with SET ROLE — so each test sees the privileges
production has. Flushing between transactional tests empties tables with TRUNCATE, which the
application role may not do: the flush goes back to the session's own role for its transaction and
sets `portal.allow_truncate`, which the journal's TRUNCATE guard honours for superusers only.
"""

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.backends.signals import connection_created


def set_app_role(sender=None, connection=None, **kwargs):
    if connection.alias == "default" and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET ROLE {connection.ops.quote_name(settings.DATABASE_APP_ROLE)}")


def patch_flush(ops_class) -> None:
    if getattr(ops_class, "_portal_flush_patched", False):
        return
    original = ops_class.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        statements = original(
            self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
        if not statements:
            return statements
        role = self.quote_name(settings.DATABASE_APP_ROLE)
        return ["RESET ROLE", "SET LOCAL portal.allow_truncate = 'on'", *statements, f"SET ROLE {role}"]

    ops_class.sql_flush = sql_flush
    ops_class._portal_flush_patched = True


def use_app_role() -> None:
    """Called once the test database is migrated (tests/conftest.py overrides django_db_setup)."""
    if connection.vendor != "postgresql":
        return
    call_command("db_roles", "--create", verbosity=0)
    patch_flush(type(connection.ops))
    connection_created.connect(set_app_role, dispatch_uid="tests_set_app_role")
    set_app_role(connection=connection)
