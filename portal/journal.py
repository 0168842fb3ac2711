"""journal_record(): the one way to write to the audit journal.

While an agent acts under a mandate (benefits.desk's middleware wraps the request in
`journal_acting_under`), every entry written also names that mandate, whichever service writes it.
"""

import contextlib
import contextvars

from portal.models import JournalEntry

acting_mandate = contextvars.ContextVar("journal_acting_mandate", default=None)


@contextlib.contextmanager
def journal_acting_under(mandate_id: int | None):
    token = acting_mandate.set(mandate_id)
    try:
        yield
    finally:
        acting_mandate.reset(token)


def journal_record(
    *, action: str, target: str, by, channel: str, details: dict | None = None
) -> JournalEntry:
    actor = by if getattr(by, "is_authenticated", False) else None
    details = dict(details or {})
    if acting_mandate.get() is not None:
        details.setdefault("mandate", acting_mandate.get())
    return JournalEntry.objects.create(
        action=action, target=target, actor=actor, channel=channel, details=details
    )
