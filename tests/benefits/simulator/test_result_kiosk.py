"""On a kiosk the estimate is printed, never downloaded: a PDF left in the shared PC's downloads is
beyond "Terminer et tout effacer" (Clear-Site-Data clears the browser's storage, not the disk)."""

import pytest
from django.test import Client

from benefits.simulator.models import Simulation
from portal.kiosk.enrolment import KIOSK_COOKIE, kiosk_token_issue
from tests.benefits.simulator.journey import walk

pytestmark = pytest.mark.django_db


def kiosk_client():
    client = Client()
    client.cookies[KIOSK_COOKIE] = kiosk_token_issue(office="Lyon 3e")
    return client


def test_a_kiosk_result_offers_printing_and_no_pdf(client):
    page = walk(kiosk_client()).content.decode()
    token = Simulation.objects.get().token
    assert f"/simulateur/resultat/{token}/pdf/" not in page and "Télécharger en PDF" not in page
    assert "Imprimer l’estimation" in page and "data-portal-print" in page
    assert "benefits/letter-print" in page
    # The same simulation at home, after the kiosk filled the explanation's cache: its PDF link.
    home = client.get(f"/simulateur/resultat/{token}/").content.decode()
    assert f"/simulateur/resultat/{token}/pdf/" in home and "Imprimer l’estimation" not in home


def test_the_pdf_address_on_a_kiosk_leads_back_to_the_page(client):
    walk(client)
    token = Simulation.objects.get().token
    response = kiosk_client().get(f"/simulateur/resultat/{token}/pdf/")
    assert response.status_code == 302 and response["Location"] == f"/simulateur/resultat/{token}/"
    assert client.get(f"/simulateur/resultat/{token}/pdf/")["Content-Type"] == "application/pdf"
