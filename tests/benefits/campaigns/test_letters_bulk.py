"""letters_request_bulk: a chunk's letters in a fixed number of queries, idempotent, queued on commit."""

import json

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benefits.letters.bulk import LetterAsk, letters_request_bulk
from benefits.letters.models import Letter, LetterKind
from tests.benefits.campaigns.helpers import make_file

pytestmark = pytest.mark.django_db


def asks(files, revision=1):
    return [
        LetterAsk(
            file_id=f.pk,
            kind=LetterKind.ELIGIBILITY,
            source_key=f"campaign:1:file:{f.pk}",
            revision=revision,
            context={"kind": "eligibility", "parameters_version": "p1"},
            subject="Vous pourriez avoir droit à une aide",
        )
        for f in files
    ]


@pytest.fixture
def files():
    return [make_file(number=f"B{i:07d}", nir=f"1850375000{i:03d}") for i in range(30)]


def test_one_letter_per_ask_with_its_reference_and_the_same_ones_when_asked_again(
    files, monkeypatch, django_capture_on_commit_callbacks
):
    messages = []
    monkeypatch.setattr("benefits.letters.services.letter_enqueue_many", lambda ids: messages.append(ids))
    with CaptureQueriesContext(connection) as queries:
        ids = letters_request_bulk(asks(files))
    few = len(queries)
    assert len(ids) == Letter.objects.count() == len(files)
    assert [sorted(m) for m in messages] == [
        sorted(ids.values())
    ]  # one message for the chunk's renderings, not one per letter
    letter = Letter.objects.get(pk=ids[f"campaign:1:file:{files[0].pk}"])
    assert letter.file_id == files[0].pk and letter.parameters_version == "p1"
    assert letter.reference == f"{letter.created_at:%Y-%m}-{letter.pk:06d}"

    new_file = make_file(number="B0000099", nir="185037500009914")  # its checks' queries are not counted
    with CaptureQueriesContext(connection) as queries:
        again = letters_request_bulk(asks(files + [new_file]))
    assert {k: v for k, v in again.items() if k in ids} == ids  # the same letters, one new
    assert Letter.objects.count() == len(files) + 1 and len(messages[1]) == 1  # only the new letter
    # A fixed number of queries, not one per letter: the new letter's insert, the ids read back, and on
    # PostgreSQL the direct COPY's savepoint rolled back then the stage (created, emptied, copied, merged).
    assert len(queries) <= few + 7


def test_a_rolled_back_chunk_leaves_no_letter_and_queues_no_rendering(
    files, django_capture_on_commit_callbacks, render_letters, monkeypatch
):
    queued = []
    monkeypatch.setattr("benefits.letters.services.letter_enqueue", lambda letter: queued.append(letter.pk))
    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        letters_request_bulk(asks(files))
        raise RuntimeError("worker killed")
    assert not Letter.objects.exists() and callbacks == []
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ids = letters_request_bulk(asks(files))
    # Committed: one message, which a letters worker fans out into one rendering per letter.
    assert len(callbacks) == 1 and sorted(queued) == sorted(ids.values())


def test_a_context_given_as_json_text_is_stored_as_that_value_with_the_versions_given(
    files, django_capture_on_commit_callbacks
):
    text = '{"kind":"eligibility","complete_with":"campaign","campaign":{"id":1,"name":"Léa \\"D\\u2019Arc\\"\\n"}}'
    before = timezone.now()
    ids = letters_request_bulk(
        [
            LetterAsk(
                file_id=f.pk,
                kind=LetterKind.ELIGIBILITY,
                source_key=f"campaign:1:file:{f.pk}",
                revision=1,
                context=text,
                subject="Vous pourriez avoir droit à une aide",
                engine_version="e1",
                parameters_version="p1",
            )
            for f in files[:3]
        ]
    )
    after = timezone.now()
    letters = list(Letter.objects.filter(pk__in=ids.values()))
    assert len(letters) == 3
    for letter in letters:
        assert letter.context == json.loads(text)  # the same dict read back, on PostgreSQL's json too
        assert (letter.engine_version, letter.parameters_version) == ("e1", "p1")
        assert before <= letter.created_at <= after  # the instant of the call, written as text by COPY
        assert letter.reference == f"{timezone.localtime(letter.created_at):%Y-%m}-{letter.pk:06d}"
    letter = letters[0]
    letter.context = {**letter.context, "completed": ["a", 1.5]}  # a completion saves a dict back
    letter.save(update_fields=["context"])
    assert Letter.objects.get(pk=letter.pk).context == {**json.loads(text), "completed": ["a", 1.5]}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's column types and indexes")
def test_on_postgresql_the_context_is_text_and_the_chunk_writes_only_the_indexes_read():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT data_type FROM information_schema.columns WHERE table_name = %s AND column_name = 'context'",
            [Letter._meta.db_table],
        )
        assert cursor.fetchone() == ("text",)  # stored as written: neither parsed into jsonb nor checked
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = %s", [Letter._meta.db_table])
        indexes = [row[0] for row in cursor.fetchall()]
    assert not any("(reference)" in index for index in indexes)  # unique by its id, looked up by no one
    assert any("(idempotency_key)" in index for index in indexes)  # one letter per key, whatever the asks
