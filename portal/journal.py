"""journal_record(): the one way to write to the audit journal."""

from portal.models import JournalEntry


def journal_record(
    *, action: str, target: str, by, channel: str, details: dict | None = None
) -> JournalEntry:
    actor = by if getattr(by, "is_authenticated", False) else None
    return JournalEntry.objects.create(
        action=action, target=target, actor=actor, channel=channel, details=details or {}
    )
