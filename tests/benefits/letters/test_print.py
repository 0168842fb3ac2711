"""Printing a letter: the print view ("Imprimer" without JavaScript), and on a kiosk no PDF at all."""

import pytest
from django.test import Client
from django.urls import reverse

from benefits.letters.models import Letter, LetterStatus
from portal.kiosk.enrolment import KIOSK_COOKIE, kiosk_token_issue
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(claim):
    return Letter.objects.get()


@pytest.fixture
def kiosk(user):
    client = Client()
    client.cookies[KIOSK_COOKIE] = kiosk_token_issue(office="Lyon 3e")
    client.force_login(user)
    return client


def test_the_letter_page_leads_to_its_print_view_which_shows_the_letter_alone(logged_client, letter):
    page = logged_client.get(reverse("letters:letter", args=[letter.pk])).content.decode()
    print_url = reverse("letters:print", args=[letter.pk])
    assert f'href="{print_url}"' in page and "Imprimer le courrier" in page
    assert reverse("letters:download", args=[letter.pk]) in page  # at home the PDF stays
    response = logged_client.get(print_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ce que vous avez déclaré" in html and letter.reference in html
    assert "Ctrl et P" in html and "benefits/letter-print" in html
    assert "Terminer et tout effacer" not in html  # the kiosk's sentence, not at home
    assert reverse("letters:download", args=[letter.pk]) not in html


def test_a_kiosk_prints_the_letter_and_never_sends_its_pdf(kiosk, letter):
    page = kiosk.get(reverse("letters:letter", args=[letter.pk])).content.decode()
    assert "Imprimer le courrier" in page
    assert reverse("letters:download", args=[letter.pk]) not in page and "PDF" not in page
    response = kiosk.get(reverse("letters:download", args=[letter.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("letters:print", args=[letter.pk])
    assert "Content-Disposition" not in response
    printed = kiosk.get(response["Location"])
    assert printed["Cache-Control"] == "no-store"
    html = printed.content.decode()
    assert "Ce que vous avez déclaré" in html and "rien de ce courrier ne reste sur ce poste" in html


def test_after_the_end_of_a_kiosk_visit_the_print_view_is_behind_the_login(kiosk, letter):
    print_url = reverse("letters:print", args=[letter.pk])
    assert kiosk.get(print_url).status_code == 200
    kiosk.post(reverse("kiosk:end"))
    response = kiosk.get(print_url)
    assert response.status_code == 302 and response["Location"].startswith("/compte/connexion/")


def test_another_persons_letter_has_no_print_view_and_a_letter_in_preparation_waits(letter):
    stranger = Client()
    stranger.force_login(UserFactory())
    assert stranger.get(reverse("letters:print", args=[letter.pk])).status_code == 404
    Letter.objects.filter(pk=letter.pk).update(status=LetterStatus.QUEUED)
    owner = Client()
    owner.force_login(letter.file.user)
    response = owner.get(reverse("letters:print", args=[letter.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("letters:letter", args=[letter.pk])


def test_the_filed_claim_links_to_its_receipt(logged_client, claim, letter):
    page = logged_client.get(reverse("claims:claim", args=[claim.pk])).content.decode()
    assert f'href="{reverse("letters:letter", args=[letter.pk])}"' in page
    assert "Voir et imprimer l’accusé de réception" in page
