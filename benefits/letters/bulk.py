"""letters_request_bulk: letter_request for many letters at once (a campaign chunk's notified households).

Same contract as benefits.letters.services.letter_request, idempotent on kind:source_key:revision, but
in a fixed number of queries whatever the count: one read of the keys already there, one bulk insert
(insert-or-skip on the unique key, so two workers asking at once still make one letter each), one
read of the ids, one update of the human references, and the renderings queued when the caller's
transaction commits (nothing is queued if it rolls back). Call it inside your own transaction.
"""

from dataclasses import dataclass

from django.utils import timezone

from benefits.letters import services
from benefits.letters.models import Letter


@dataclass
class LetterAsk:
    file_id: int
    kind: str
    source_key: str
    revision: int
    context: dict
    subject: str
    language: str = "fr"

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.source_key}:{self.revision}"


def letters_request_bulk(asks: list[LetterAsk], batch_size: int = 1000) -> dict[str, int]:
    """{source_key: letter id} for every ask, creating (queued, rendering queued on commit) those missing."""
    if not asks:
        return {}
    by_key = {ask.key: ask for ask in asks}
    existing = set(
        Letter.objects.filter(idempotency_key__in=list(by_key)).values_list("idempotency_key", flat=True)
    )
    Letter.objects.bulk_create(
        [
            Letter(
                file_id=ask.file_id,
                kind=ask.kind,
                subject=str(ask.subject)[:200],
                context=ask.context,
                language="en" if ask.language == "en" else "fr",
                engine_version=ask.context.get("engine_version", ""),
                parameters_version=ask.context.get("parameters_version", ""),
                idempotency_key=key,
            )
            for key, ask in by_key.items()
            if key not in existing
        ],
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
        row.reference = f"{timezone.localtime(row.created_at):%Y-%m}-{row.pk:06d}"
    Letter.objects.bulk_update(new, ["reference"], batch_size=batch_size)
    for row in new:
        services.letter_enqueue(row)  # queued when the caller's transaction commits
    return {by_key[row.idempotency_key].source_key: row.pk for row in rows}
