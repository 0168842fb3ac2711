"""Nothing lost, nothing doubled: one letter per event, rendered once, failed after N attempts."""

import hashlib
import io

import pytest
from django.core.management import call_command
from django.db import transaction

from benefits.claims.models import Status
from benefits.claims.services import claim_set_status
from benefits.letters import services
from benefits.letters.claim_letters import letter_for_claim_decided, letter_for_claim_filed
from benefits.letters.documents import letter_html
from benefits.letters.models import Letter, LetterKind, LetterStatus
from benefits.letters.tasks import letter_render_task
from tests.benefits.letters.conftest import committed, file_claim

pytestmark = pytest.mark.django_db


def test_filing_a_declaration_makes_its_receipt_ready_with_a_stored_pdf(claim):
    letter = Letter.objects.get(kind=LetterKind.RECEIPT)
    assert letter.idempotency_key == f"receipt:claim:{claim.pk}:1"
    assert letter.status == LetterStatus.READY and letter.attempts == 1
    assert letter.file == claim.file and letter.recipient is None
    assert letter.reference == f"{letter.created_at:%Y-%m}-{letter.pk:06d}"
    with letter.pdf.open("rb") as handle:
        pdf = handle.read()
    assert pdf.startswith(b"%PDF") and len(pdf) == letter.size
    assert hashlib.sha256(pdf).hexdigest() == letter.sha256
    assert letter.page_count >= 1
    assert letter.engine_version == claim.engine_version
    assert letter.context["claim"]["id"] == claim.pk and letter.context["channel"] == "home"


def test_the_letter_is_queued_only_when_the_claim_commits(file, user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        claim = file_claim(file, user, commit=False)
    letter = Letter.objects.get(idempotency_key=f"receipt:claim:{claim.pk}:1")
    assert letter.status == LetterStatus.QUEUED and not letter.pdf
    assert len(callbacks) == 1
    callbacks[0]()
    letter.refresh_from_db()
    assert letter.status == LetterStatus.READY


def test_a_rolled_back_filing_leaves_no_letter(file, user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        file_claim(file, user, commit=False)
        transaction.set_rollback(True)
    assert not callbacks and not Letter.objects.exists()


def test_an_event_received_twice_makes_one_letter(claim):
    first = Letter.objects.get()
    again = letter_for_claim_filed(claim=claim)
    assert again.pk == first.pk and Letter.objects.count() == 1


def test_a_task_run_twice_renders_once(claim):
    letter = Letter.objects.get()
    name, sha = letter.pdf.name, letter.sha256
    letter_render_task.apply(args=[letter.pk])
    letter_render_task.apply(args=[letter.pk])
    letter.refresh_from_db()
    assert (letter.attempts, letter.pdf.name, letter.sha256) == (1, name, sha)
    assert Letter.objects.count() == 1


def test_rendering_again_after_an_interrupted_run_overwrites_the_same_file(claim, letters_folder):
    """A worker killed after writing the file but before committing: the next run writes the same name."""
    letter = Letter.objects.get()
    name = letter.pdf.name
    Letter.objects.filter(pk=letter.pk).update(status=LetterStatus.QUEUED)

    services.letter_render(letter_id=letter.pk)
    letter.refresh_from_db()
    assert letter.pdf.name == name and letter.status == LetterStatus.READY and letter.attempts == 2
    # No second file, no partial file left behind.
    assert [p.relative_to(letters_folder).as_posix() for p in letters_folder.rglob("*") if p.is_file()] == [
        name
    ]


def test_a_letter_that_keeps_failing_is_marked_failed_then_rerendered(file, user, settings, monkeypatch):
    def broken(letter):
        raise RuntimeError("font cache unavailable")

    monkeypatch.setattr("benefits.letters.documents.letter_pdf", broken)
    claim = file_claim(file, user)
    letter = Letter.objects.get(idempotency_key=f"receipt:claim:{claim.pk}:1")
    assert letter.status == LetterStatus.FAILED
    assert letter.attempts == settings.LETTERS_MAX_ATTEMPTS
    assert letter.last_error == "RuntimeError: font cache unavailable"
    assert not letter.pdf

    monkeypatch.undo()
    with committed():
        call_command("letters", "rerender", "--failed", stdout=io.StringIO())
    letter.refresh_from_db()
    assert letter.status == LetterStatus.READY and letter.last_error == ""


def test_accepting_a_claim_sends_one_decision_letter(claim, user):
    with committed():
        claim_set_status(claim=claim, status=Status.INSTRUCTING, by=user, channel="agent")
    assert not Letter.objects.filter(kind=LetterKind.DECISION).exists()
    with committed():
        claim = claim_set_status(claim=claim, status=Status.ACCEPTED, by=user, channel="agent")
    decision = Letter.objects.get(kind=LetterKind.DECISION)
    assert decision.status == LetterStatus.READY
    assert decision.idempotency_key == f"decision:claim:{claim.pk}:acceptee"
    assert decision.context["accepted"] is True
    assert letter_for_claim_decided(claim=claim).pk == decision.pk


def test_refusing_a_claim_sends_a_refusal(claim, user):
    with committed():
        claim_set_status(claim=claim, status=Status.INSTRUCTING, by=user, channel="agent")
        claim_set_status(claim=claim, status=Status.REFUSED, by=user, channel="agent")
    decision = Letter.objects.get(kind=LetterKind.DECISION)
    assert decision.context["accepted"] is False
    assert "refusée" in decision.subject
    assert all(amount == "0.00" for row in decision.context["schedule"] for amount in row["amounts"].values())


def test_the_frozen_context_does_not_follow_later_changes_of_the_file(claim):
    letter = Letter.objects.get()
    claim.file.members[0]["given_names"] = "Changé"
    claim.file.save()
    assert "Changé" not in letter.context["addressee"]["name"]


def test_a_receipt_filed_with_an_agent_says_who_helped(claim):
    letter = letter_for_claim_filed(claim=claim)  # the same event: same letter, unchanged
    assert letter.context["helper"] is None
    Letter.objects.all().delete()
    with committed():
        helped = letter_for_claim_filed(
            claim=claim, helper={"name": "Sam Agent", "organisation": "CAF du Rhône"}
        )
    helped.refresh_from_db()
    # A label and a colon: "avec l'aide de Alex" lacked its elision before a vowel ("d'Alex").
    assert (
        "Personne qui vous a apporté son aide pour cette démarche\u00a0: Sam Agent (CAF du Rhône)."
        in letter_html(helped)
    )
