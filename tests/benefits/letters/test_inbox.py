"""Mes courriers: only the owner sees a letter (404 otherwise), opening marks it read, the PDF download."""

import pytest
from django.test import Client
from django.urls import reverse

from benefits.letters.models import Letter, LetterStatus
from benefits.letters.services import letter_request
from tests.factories import UserFactory
from tests.htmx import outer_html, swap_outer_html

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def letter(claim):
    return Letter.objects.get()


def test_the_inbox_lists_the_owners_letters_newest_first_with_the_unread_marker(logged_client, letter):
    page = logged_client.get(reverse("letters:inbox")).content.decode()
    assert letter.subject in page and letter.reference in page
    assert "Non lu" in page
    assert "ne vous demande jamais vos coordonnées bancaires" in page


def test_an_empty_inbox_says_so(logged_client):
    page = logged_client.get(reverse("letters:inbox")).content.decode()
    assert "Vous n’avez aucun courrier pour le moment." in page


def test_opening_a_letter_shows_it_and_marks_it_read(logged_client, letter):
    response = logged_client.get(reverse("letters:letter", args=[letter.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ce que vous avez déclaré" in page and letter.reference in page
    assert reverse("letters:download", args=[letter.pk]) in page
    letter.refresh_from_db()
    first_read = letter.read_at
    assert first_read is not None
    logged_client.get(reverse("letters:letter", args=[letter.pk]))
    letter.refresh_from_db()
    assert letter.read_at == first_read
    assert "Non lu" not in logged_client.get(reverse("letters:inbox")).content.decode()


def test_the_pdf_is_an_attachment_named_after_the_reference_never_cached(logged_client, letter):
    response = logged_client.get(reverse("letters:download", args=[letter.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="courrier-{letter.reference}.pdf"'
    assert response["Cache-Control"] == "no-store"
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF") and len(body) == letter.size


def test_another_persons_letter_is_a_404(letter):
    stranger = client_for(UserFactory())
    assert stranger.get(reverse("letters:letter", args=[letter.pk])).status_code == 404
    assert stranger.get(reverse("letters:download", args=[letter.pk])).status_code == 404
    assert letter.reference not in stranger.get(reverse("letters:inbox")).content.decode()
    letter.refresh_from_db()
    assert letter.read_at is None


def test_anonymous_visitors_are_sent_to_login(client, letter):
    response = client.get(reverse("letters:letter", args=[letter.pk]))
    assert response.status_code == 302


def test_a_letter_with_a_recipient_is_seen_by_that_person_only(user, file):
    partner = UserFactory()
    confidential = letter_request(
        file=file,
        kind="receipt",
        source_key="claim:confidential",
        revision=1,
        context={},
        subject="Courrier confidentiel",
        recipient=partner,
    )
    assert client_for(user).get(reverse("letters:letter", args=[confidential.pk])).status_code == 404
    assert "Courrier confidentiel" not in client_for(user).get(reverse("letters:inbox")).content.decode()
    assert client_for(partner).get(reverse("letters:letter", args=[confidential.pk])).status_code == 200


def test_a_letter_being_prepared_polls_with_htmx_and_offers_a_plain_link(logged_client, letter):
    Letter.objects.filter(pk=letter.pk).update(status=LetterStatus.QUEUED)
    page = logged_client.get(reverse("letters:inbox")).content.decode()
    assert 'data-hx-trigger="every 3s"' in page
    assert f'href="{reverse("letters:inbox")}"' in page and "Actualiser la liste" in page
    fragment = logged_client.get(reverse("letters:inbox"), headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<div id="courriers"') and "<h1" not in fragment
    detail = logged_client.get(reverse("letters:letter", args=[letter.pk])).content.decode()
    assert "Ce courrier est en préparation" in detail and "Actualiser la page" in detail
    assert logged_client.get(reverse("letters:download", args=[letter.pk])).status_code == 404

    Letter.objects.filter(pk=letter.pk).update(status=LetterStatus.READY)
    fragment = logged_client.get(reverse("letters:inbox"), headers={"HX-Request": "true"}).content.decode()
    assert "data-hx-trigger" not in fragment  # polling stops once every letter is ready
    # The page after the swap shows what a full reload shows.
    fresh = logged_client.get(reverse("letters:inbox")).content.decode()
    swapped = swap_outer_html(page, "courriers", fragment.strip())
    assert outer_html(swapped, "courriers") == outer_html(fresh, "courriers")


def test_mon_espace_shows_the_latest_letters(logged_client, letter):
    page = logged_client.get(reverse("espace:home")).content.decode()
    assert "Mes courriers" in page and letter.subject in page
    assert "1 courrier non lu." in page


def test_mon_espace_says_no_unread_letter_in_words_once_they_are_read(logged_client, letter):
    # The person opens the letter (the page marks it read): French's plural rule would say
    # « 0 courrier non lu. ».
    assert logged_client.get(reverse("letters:letter", args=[letter.pk])).status_code == 200
    letter.refresh_from_db()
    assert letter.read_at is not None
    page = logged_client.get(reverse("espace:home")).content.decode()
    assert letter.subject in page
    assert "Aucun courrier non lu." in page and "0 courrier" not in page
    english = logged_client.get(reverse("espace:home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "No unread letters." in english
