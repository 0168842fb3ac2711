"""Under `make run` (no broker, CAMPAIGNS_RUN_IN_THREAD) a campaign's letters are not rendered in the
campaign's thread: each is rendered when its addressee first opens it. With workers, opening a letter
still being prepared only shows "En préparation"."""

import pytest
from django.urls import reverse

from benefits.letters.models import Letter, LetterStatus
from benefits.letters.services import letter_enqueue_many
from tests.benefits.letters.conftest import committed, file_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued_letter(file, user):
    file_claim(file, user, commit=False)  # the rendering waits for a commit that never comes
    letter = Letter.objects.get()
    assert letter.status == LetterStatus.QUEUED
    return letter


def test_without_a_broker_a_campaigns_letters_wait_and_the_first_opening_renders_one(
    settings, logged_client, queued_letter
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.CAMPAIGNS_RUN_IN_THREAD = True
    with committed():
        letter_enqueue_many([queued_letter.pk])
    queued_letter.refresh_from_db()
    assert queued_letter.status == LetterStatus.QUEUED

    page = logged_client.get(reverse("letters:letter", args=[queued_letter.pk])).content.decode()
    queued_letter.refresh_from_db()
    assert queued_letter.status == LetterStatus.READY and queued_letter.page_count >= 1
    assert "Ce que vous avez déclaré" in page
    assert reverse("letters:download", args=[queued_letter.pk]) in page


def test_with_workers_opening_a_letter_in_preparation_does_not_render_it(
    settings, logged_client, queued_letter
):
    settings.CAMPAIGNS_RUN_IN_THREAD = False
    page = logged_client.get(reverse("letters:letter", args=[queued_letter.pk])).content.decode()
    queued_letter.refresh_from_db()
    assert queued_letter.status == LetterStatus.QUEUED
    assert "Ce courrier est en préparation" in page


def test_a_rendering_that_fails_on_opening_leaves_the_letter_in_preparation_until_its_last_attempt(
    settings, logged_client, queued_letter, monkeypatch
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.CAMPAIGNS_RUN_IN_THREAD = True
    settings.LETTERS_MAX_ATTEMPTS = 2

    def locked(letter):
        raise RuntimeError("database is locked")

    monkeypatch.setattr("benefits.letters.documents.letter_pdf", locked)
    url = reverse("letters:letter", args=[queued_letter.pk])
    response = logged_client.get(url)
    queued_letter.refresh_from_db()
    assert response.status_code == 200 and queued_letter.status == LetterStatus.QUEUED
    assert "Ce courrier est en préparation" in response.content.decode()

    logged_client.get(url)
    queued_letter.refresh_from_db()
    assert queued_letter.status == LetterStatus.FAILED and queued_letter.attempts == 2


def test_mon_espace_counts_a_letter_in_preparation_as_unread(logged_client, queued_letter):
    assert "1 courrier non lu." in logged_client.get(reverse("espace:home")).content.decode()
