"""Writes of the letters feature, and its public interface for the other features.

    letter = letter_request(file=..., kind=LetterKind.RECEIPT, source_key=f"claim:{claim.pk}",
                            revision=1, context=receipt_context(claim=claim), subject=...)

`letter_request` is idempotent on "kind:source_key:revision": an event received twice, or a task run
twice, makes one letter. The row is created queued and its rendering is queued once the transaction
commits; `letter_render` (called by the Celery task with the letter's id) renders the frozen context to
PDF/UA, stores it on the private storage and marks the row ready.
"""

import hashlib
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from benefits.letters.completion import letter_complete
from benefits.letters.contexts import (
    decision_context,
    eligibility_context,
    recalculation_context,
    receipt_context,
)
from benefits.letters.models import Letter, LetterKind, LetterStatus
from benefits.letters.queueing import render_each_enqueue, render_enqueue
from benefits.letters.rendering import pdf_from_html
from benefits.letters.storing import letter_store_pdf
from portal.channels import AGENT
from portal.journal import journal_record

logger = logging.getLogger(__name__)

__all__ = [
    "Letter",
    "LetterKind",
    "LetterStatus",
    "decision_context",
    "eligibility_context",
    "letter_mark_failed",
    "letter_mark_read",
    "letter_render",
    "letter_request",
    "letter_requeue",
    "pdf_from_html",
    "receipt_context",
    "recalculation_context",
]


def idempotency_key(kind: str, source_key: str, revision) -> str:
    return f"{kind}:{source_key}:{revision}"


def letter_request(
    *,
    file,
    kind: str,
    source_key: str,
    revision,
    context: dict,
    subject: str,
    language: str = "fr",
    recipient=None,
) -> Letter:
    """The letter for this event, created queued (with its rendering queued on commit) the first time,
    returned as it is every other time."""
    key = idempotency_key(kind, source_key, revision)
    existing = Letter.objects.filter(idempotency_key=key).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            letter = Letter.objects.create(
                file=file,
                kind=kind,
                subject=str(subject)[:200],
                context=context,
                language="en" if language == "en" else "fr",
                engine_version=context.get("engine_version", ""),
                parameters_version=context.get("parameters_version", ""),
                recipient=recipient,
                idempotency_key=key,
            )
            # The human reference needs the row's id: month of creation and id, e.g. 2026-12-000123.
            letter.reference = f"{timezone.localtime(letter.created_at):%Y-%m}-{letter.pk:06d}"
            letter.save(update_fields=["reference"])
            letter_enqueue(letter)
    except IntegrityError:
        # The same event handled at the same moment by another request or worker: that row is the one.
        return Letter.objects.get(idempotency_key=key)
    return letter


def letter_enqueue(letter: Letter) -> None:
    render_enqueue(letter.pk)


def letter_enqueue_many(letter_ids: list[int]) -> None:
    """The renderings of many letters in one message, on commit; `letters_render_each` fans it out."""
    if not letter_ids or without_letters_worker():
        return
    render_each_enqueue(letter_ids)


def without_letters_worker() -> bool:
    """`make run` has no broker: its campaign thread would render a chunk's hundreds of letters one
    after the other before the next chunk (minutes for the demo's 5 000 households, while the
    progress page stands still). There, a campaign's letters stay queued and each is rendered when its
    addressee first opens it (`letter_render_on_opening`)."""
    return settings.CELERY_TASK_ALWAYS_EAGER and settings.CAMPAIGNS_RUN_IN_THREAD


def letter_render_on_opening(*, letter: Letter) -> Letter:
    """Renders a still-queued letter now, in the request, where no letters worker exists (`make run`);
    with workers the page keeps showing "En préparation" and refreshes itself."""
    if letter.status != LetterStatus.QUEUED or not without_letters_worker():
        return letter
    try:
        return letter_render(letter_id=letter.pk)
    except Exception as error:  # never a 500: the page says "en préparation" and tries again
        logger.exception("letter %s could not be rendered on opening", letter.pk)
        letter = Letter.objects.get(pk=letter.pk)
        if letter.attempts >= settings.LETTERS_MAX_ATTEMPTS:
            letter_mark_failed(letter_id=letter.pk, error=error)
            letter.refresh_from_db()
        return letter


def letters_render_each(*, letter_ids: list[int]) -> None:
    """Queues each letter's rendering (a redelivered message queues them again: a ready letter is left
    alone by letter_render, so that is harmless)."""
    for letter in Letter.objects.filter(pk__in=letter_ids).order_by("pk").only("pk"):
        letter_enqueue(letter)


def letter_render(*, letter_id: int) -> Letter:
    """Renders a queued (or failed) letter from its frozen context; a ready letter is left alone, so a
    task delivered twice (acks_late after a lost worker) stores one PDF."""
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=letter_id)
        if letter.status == LetterStatus.READY:
            return letter
        # Counted in its own transaction, before rendering: a worker killed mid-render still counts.
        letter.attempts += 1
        letter.save(update_fields=["attempts"])
    with transaction.atomic():
        # A campaign letter's context is completed here, once, from what its chunk froze (completion.py);
        # in its own transaction so that a completion that fails still leaves the attempt counted.
        letter = Letter.objects.select_for_update().get(pk=letter_id)
        letter_complete(letter)
    from benefits.letters.documents import letter_pdf  # templates and context presenters

    pdf, pages = letter_pdf(letter)
    # The file is written under a temporary name and moved into place (storing.py): a crash leaves
    # either no file or the whole one, and a second run overwrites the same name.
    name = letter_store_pdf(letter=letter, pdf=pdf)
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=letter_id)
        if letter.status != LetterStatus.READY:
            letter.pdf.name = name
            letter.sha256 = pdf_sha256(pdf)
            letter.size = len(pdf)
            letter.page_count = pages
            letter.status = LetterStatus.READY
            letter.last_error = ""
            letter.rendered_at = timezone.now()
            letter.save()
    return letter


def pdf_sha256(pdf: bytes) -> str:
    return hashlib.sha256(pdf).hexdigest()


def letter_mark_failed(*, letter_id: int, error: BaseException | str) -> None:
    """After the last attempt: the letter shows as failed to staff, with its error, until rerendered."""
    message = f"{type(error).__name__}: {error}" if isinstance(error, BaseException) else str(error)
    Letter.objects.filter(pk=letter_id).exclude(status=LetterStatus.READY).update(
        status=LetterStatus.FAILED, last_error=message[:2000]
    )
    logger.warning("letter %s failed: %s", letter_id, type(error).__name__)


def letter_requeue(*, letter: Letter) -> Letter:
    """Queues a failed letter again (`manage.py letters rerender --failed`, or staff in the admin)."""
    with transaction.atomic():
        updated = Letter.objects.filter(pk=letter.pk, status=LetterStatus.FAILED).update(
            status=LetterStatus.QUEUED
        )
        if updated:
            letter_enqueue(letter)
    letter.refresh_from_db()
    return letter


def letter_mark_read(*, letter: Letter) -> Letter:
    """Opening a letter marks it read, once (the first opening's time is kept)."""
    if letter.read_at is None:
        now = timezone.now()
        Letter.objects.filter(pk=letter.pk, read_at__isnull=True).update(read_at=now)
        letter.read_at = now
    return letter


def letter_open(*, letter: Letter, by, channel: str) -> Letter:
    """A letter shown, printed or downloaded. Read by the person: marked read (letter_mark_read). Opened
    by an agent under a mandate: journaled (the person reads it in "Actions faites pour vous") and left
    unread, since the person has not read it."""
    if channel != AGENT:
        return letter_mark_read(letter=letter)
    journal_record(
        action="letter_viewed",
        target=f"letter:{letter.pk}",
        by=by,
        channel=AGENT,
        details={"file": letter.file_id, "reference": letter.reference},
    )
    return letter
