"""Mandates: record one (with the hash of its facts in the journal), revoke it; expiry is its own date.

Without a valid mandate on a file an agent reads it but writes nothing (portal.channels.
mandate_required_for_agents); a mandate on one file gives nothing on another (benefits.claims.files.
file_in_scope only ever returns the mandate's own file).
"""

import hashlib
import json
from datetime import UTC, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from benefits.desk.models import Duration, Mandate
from portal.channels import AGENT
from portal.journal import journal_record

VISIT_LENGTH = timedelta(hours=2)
MAX_LENGTH = timedelta(days=1)


class MandateRefused(Exception):
    pass


def expiry_of(duration: str, start: datetime) -> datetime:
    # Python adds a timedelta to an aware datetime on its wall clock, in its own time zone: 01:30 Paris
    # summer time + 2 h would read 03:30 winter time, 3 hours later, on the night of the change of time.
    # In UTC a duration is a duration, whatever zone the caller's datetime is in.
    start = start.astimezone(UTC)
    if duration == Duration.VISIT:
        return start + VISIT_LENGTH
    # "The day": until midnight, local time (a mandate never outlives the day it was given, nor 24 h).
    local = timezone.localtime(start)
    midnight = timezone.make_aware(datetime.combine(local.date() + timedelta(days=1), time.min))
    return min(midnight, start + MAX_LENGTH)


def facts_of(mandate: Mandate) -> dict:
    return {
        "file": mandate.file.number,
        "agent": mandate.agent.get_username(),
        "office": mandate.office,
        "kinds": sorted(mandate.kinds),
        "identity_check": mandate.identity_check,
        "consent": mandate.consent,
        "duration": mandate.duration,
        "created_at": mandate.created_at.isoformat(),
        "expires_at": mandate.expires_at.isoformat(),
    }


def facts_hash(mandate: Mandate) -> str:
    canonical = json.dumps(facts_of(mandate), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


@transaction.atomic
def mandate_create(
    *, file, agent, office: str, kinds: list[str], identity_check: str, consent: str, duration: str
):
    if not kinds:
        raise MandateRefused("a mandate covers at least one procedure")
    now = timezone.now()
    mandate = Mandate(
        file=file,
        agent=agent,
        office=office,
        kinds=sorted(kinds),
        identity_check=identity_check,
        consent=consent,
        duration=duration,
        created_at=now,
        expires_at=expiry_of(duration, now),
    )
    mandate.facts_hash = facts_hash(mandate)
    mandate.save()
    journal_record(
        action="mandate_created",
        target=f"mandate:{mandate.pk}",
        by=agent,
        channel=AGENT,
        details={
            "file": file.pk,
            "hash": mandate.facts_hash,
            "kinds": mandate.kinds,
            "expires_at": mandate.expires_at.isoformat(),
            "office": office,
        },
    )
    return mandate


@transaction.atomic
def mandate_revoke(*, mandate: Mandate, by, channel: str, who: str) -> Mandate:
    """Ends a mandate now (by the person in Mon espace, or by the agent when the visit ends)."""
    mandate = Mandate.objects.select_for_update().get(pk=mandate.pk)
    if mandate.revoked_at is None:
        mandate.revoked_at = timezone.now()
        mandate.revoked_by = who
        mandate.save(update_fields=["revoked_at", "revoked_by"])
        journal_record(
            action="mandate_revoked",
            target=f"mandate:{mandate.pk}",
            by=by,
            channel=channel,
            details={"file": mandate.file_id, "who": who},
        )
    return mandate


def mandate_check(mandate: Mandate) -> bool:
    """The journal still holds the hash of the mandate's facts as they are now."""
    from portal.models import JournalEntry

    entry = JournalEntry.objects.filter(action="mandate_created", target=f"mandate:{mandate.pk}").first()
    return entry is not None and entry.details.get("hash") == facts_hash(mandate) == mandate.facts_hash
