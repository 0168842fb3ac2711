"""letters_request_bulk: letter_request for many letters at once (a campaign chunk's notified households).

Same contract as benefits.letters.services.letter_request, idempotent on kind:source_key:revision, but
in a fixed number of queries whatever the count, and the renderings queued when the caller's
transaction commits, in one message (nothing is queued if it rolls back). Call it inside your own transaction.
On PostgreSQL: the ids drawn from the sequence (so the human reference is written with the row), the
rows COPYed and merged with insert-or-skip on the unique key (two workers asking at once still make
one letter each), and the ids of the keys already there read back only when some were. Elsewhere
(SQLite): one read of the keys, one bulk insert-or-skip, one read of the ids, one update of the
references.

A context is a dict, or already its JSON text (a chunk encodes its letters' contexts itself, the
constants once: benefits/campaigns/letter_freeze.Freezer); with a text, give the versions too.
"""

import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.utils import timezone

from benefits.letters import services
from benefits.letters.models import Letter, LetterStatus
from portal.pg_copy import copy_insert_or_skip, next_ids

# One encoder for all the contexts (json.dumps(cls=…) makes one per call); compact, and no check for
# circular references (a context is a plain tree): less to encode, send and parse, the same JSON value.
ENCODER = DjangoJSONEncoder(separators=(",", ":"), check_circular=False)

# The columns a campaign's letter is written with; the others keep their defaults (queued, no PDF).
COPIED = [
    "id",
    "file_id",
    "kind",
    "reference",
    "subject",
    "context",
    "language",
    "engine_version",
    "parameters_version",
    "status",
    "attempts",
    "last_error",
    "pdf",
    "sha256",
    "created_at",
    "idempotency_key",
]


@dataclass
class LetterAsk:
    file_id: int
    kind: str
    source_key: str
    revision: int
    context: dict | str  # a str is the context's JSON text, stored as it is
    subject: str
    language: str = "fr"
    # The versions written on the row; None: the context dict's own (a text is not parsed for them).
    engine_version: str | None = None
    parameters_version: str | None = None

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.source_key}:{self.revision}"

    def versions(self) -> tuple[str, str]:
        if isinstance(self.context, str):
            return self.engine_version or "", self.parameters_version or ""
        return (
            self.context.get("engine_version", "") if self.engine_version is None else self.engine_version,
            self.context.get("parameters_version", "")
            if self.parameters_version is None
            else self.parameters_version,
        )


def letters_request_bulk(asks: list[LetterAsk], batch_size: int = 1000) -> dict[str, int]:
    """{source_key: letter id} for every ask, creating (queued, rendering queued on commit) those missing."""
    if not asks:
        return {}
    by_key = {ask.key: ask for ask in asks}
    if connection.vendor == "postgresql":
        ids, new = copy_letters(by_key)
    else:
        ids, new = bulk_letters(by_key, batch_size)
    # One message for the renderings, sent when the caller's transaction commits (queueing.py).
    services.letter_enqueue_many(new)
    return {by_key[key].source_key: pk for key, pk in ids.items()}


def letter_row(key: str, ask: LetterAsk) -> Letter:
    engine_version, parameters_version = ask.versions()
    return Letter(
        file_id=ask.file_id,
        kind=ask.kind,
        subject=str(ask.subject)[:200],
        context=json.loads(ask.context) if isinstance(ask.context, str) else ask.context,
        language="en" if ask.language == "en" else "fr",
        engine_version=engine_version,
        parameters_version=parameters_version,
        idempotency_key=key,
    )


def reference(created_at, pk: int) -> str:
    """The human reference: month of creation and id, e.g. 2026-12-000123 (as letter_request's)."""
    return f"{timezone.localtime(created_at):%Y-%m}-{pk:06d}"


def copy_letters(by_key: dict) -> tuple[dict[str, int], list[int]]:
    """PostgreSQL: the ids drawn first (the reference needs them), the rows COPYed and merged with
    insert-or-skip on the idempotency key; the keys another call inserted first are read back."""
    now = timezone.now()
    month = f"{timezone.localtime(now):%Y-%m}"
    # The same instant for every row, formatted once: psycopg would format the datetime for each row
    # (a third of the COPY's cost in the worker); the server reads the same timestamptz from either.
    created_at = now.isoformat()
    ids = dict(zip(by_key, next_ids(Letter, len(by_key)), strict=True))
    queued, encode = str(LetterStatus.QUEUED), ENCODER.encode
    rows = [
        (
            pk,
            ask.file_id,
            ask.kind,
            f"{month}-{pk:06d}",  # as reference() does
            str(ask.subject)[:200],
            ask.context if isinstance(ask.context, str) else encode(ask.context),
            "en" if ask.language == "en" else "fr",
            *ask.versions(),
            queued,
            0,
            "",
            "",
            "",
            created_at,
            key,
        )
        for (key, ask), pk in zip(by_key.items(), ids.values(), strict=True)
    ]
    fresh = {pk for (pk,) in copy_insert_or_skip(Letter, COPIED, rows, ["idempotency_key"], returning="id")}
    if len(fresh) < len(rows):  # asked again (a redelivered chunk): those letters exist with their own ids
        missing = [key for key, pk in ids.items() if pk not in fresh]
        ids.update(Letter.objects.filter(idempotency_key__in=missing).values_list("idempotency_key", "pk"))
    return ids, [pk for pk in ids.values() if pk in fresh]


def bulk_letters(by_key: dict, batch_size: int) -> tuple[dict[str, int], list[int]]:
    """Elsewhere (SQLite): one read of the keys there, one bulk insert-or-skip, one read of the ids, one
    update of the new rows' references."""
    existing = set(
        Letter.objects.filter(idempotency_key__in=list(by_key)).values_list("idempotency_key", flat=True)
    )
    Letter.objects.bulk_create(
        [letter_row(key, ask) for key, ask in by_key.items() if key not in existing],
        ignore_conflicts=True,
        batch_size=batch_size,
    )
    rows = list(
        Letter.objects.filter(idempotency_key__in=list(by_key)).only(
            "pk", "created_at", "reference", "idempotency_key"
        )
    )
    # The rows without a reference are this call's: the human reference needs the row's id.
    new = [row for row in rows if row.reference is None]
    for row in new:
        row.reference = reference(row.created_at, row.pk)
    Letter.objects.bulk_update(new, ["reference"], batch_size=batch_size)
    return {row.idempotency_key: row.pk for row in rows}, [row.pk for row in new]
