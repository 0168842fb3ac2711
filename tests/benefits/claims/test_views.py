"""The declaration flow with the test client, without JavaScript (and one htmx autosave)."""

import logging

import pytest

from benefits.claims.models import Claim, ClaimDraft
from benefits.claims.services import claim_draft_open, claim_set_status
from portal.models import JournalEntry
from tests.benefits.claims.factories import confirm_all, file_factory
from tests.benefits.claims.test_first_claim import VALID as FIRST_CLAIM
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def start(client, kind="dtr"):
    response = client.post(f"/mon-espace/demarches/nouvelle/{kind}/")
    assert response.status_code == 302
    return response["Location"]


def test_without_a_file_the_person_is_told_so(logged_client):
    for url in ("/mon-espace/demarches/", "/mon-espace/"):
        page = logged_client.get(url).content.decode()
        assert "Aucun dossier allocataire" in page
    response = logged_client.post("/mon-espace/demarches/nouvelle/dtr/", follow=True)
    assert "Aucun dossier allocataire" in response.content.decode()
    assert not ClaimDraft.objects.exists()


def test_declaration_from_prefill_to_filing(logged_client, user, caplog):
    caplog.set_level(logging.DEBUG)
    file_factory(user=user)
    edit_url = start(logged_client)
    page = logged_client.get(edit_url).content.decode()
    assert (
        "déclaré par votre employeur Boulangerie du Centre le 5 septembre 2026 (montant net social)" in page
    )
    assert "742,18\u00a0€" in page and "Revenus perçus en août 2026" in page
    assert "votre session expire à" in page

    draft = ClaimDraft.objects.get()
    values = confirm_all(draft) | {"a-2026-09-0-choice": "correct", "a-2026-09-0-typed": "douze"}
    page = logged_client.post(edit_url, values | {"action": "continue"}).content.decode()
    assert "Votre déclaration n’est pas complète" in page
    assert 'value="douze"' in page and 'aria-invalid="true"' in page  # what was typed survives the error

    logged_client.post(edit_url, {"a-2026-09-0-typed": "700", "action": "save"})
    # Leave, log in again, come back: the draft is listed and reopens as it was.
    logged_client.logout()
    logged_client.force_login(user)
    listing = logged_client.get("/mon-espace/").content.decode()
    assert "Vous avez déjà un brouillon" in listing and edit_url in listing
    assert start(logged_client) == edit_url
    assert 'value="700"' in logged_client.get(edit_url).content.decode()

    response = logged_client.post(edit_url, {"action": "continue"})
    check_url = response["Location"]
    check = logged_client.get(check_url).content.decode()
    assert "Vérifiez vos réponses" in check and "Prime d’activité" in check
    assert "700,00\u00a0€" in check and "742,18\u00a0€" in check and "corrigé par vous" in check
    assert "Voir le calcul étape par étape" in check

    first = logged_client.post(check_url)
    again = logged_client.post(check_url)  # a replayed POST, or a double click
    assert Claim.objects.count() == 1 and first["Location"] == again["Location"]
    assert logged_client.get(edit_url)["Location"] == first["Location"]  # the draft is closed
    claim_page = logged_client.get(first["Location"]).content.decode()
    assert "Déposée" in claim_page and "Suivi de votre démarche" in claim_page and "Brouillon" in claim_page
    nirs = [m["nir"] for m in draft.file.adults]
    assert not any(nir in caplog.text for nir in nirs) and "MARTIN" not in caplog.text


def test_the_person_sees_the_status_set_by_an_agent(logged_client, user):
    file = file_factory(user=user)
    draft = claim_draft_open(file=file, by=user, kind="ppa", channel="home")
    logged_client.post(
        f"/mon-espace/demarches/brouillon/{draft.key}/", confirm_all(draft) | {"action": "save"}
    )
    logged_client.post(
        f"/mon-espace/demarches/brouillon/{draft.key}/situation/", FIRST_CLAIM | {"action": "save"}
    )
    logged_client.post(f"/mon-espace/demarches/brouillon/{draft.key}/verifier/", {"sworn": "oui"})
    claim = Claim.objects.get()
    claim_set_status(claim=claim, status="en_instruction", by=UserFactory(is_staff=True), channel="agent")
    page = logged_client.get("/mon-espace/").content.decode()
    assert "Demande de prime d’activité" in page and "En instruction" in page
    assert (
        "En instruction" in logged_client.get(f"/mon-espace/demarches/demande/{claim.pk}/").content.decode()
    )


def test_htmx_autosave_answers_a_fragment_and_keeps_the_value(logged_client, user):
    file_factory(user=user)
    edit_url = start(logged_client)
    response = logged_client.post(
        edit_url, {"a-2026-10-alimony_received": "abc"}, headers={"HX-Request": "true"}
    )
    assert "Brouillon enregistré à" in response.content.decode()
    assert "<html" not in response.content.decode()
    assert ClaimDraft.objects.get().data["other"]["a"]["2026-10"]["alimony_received"] == "abc"
    assert JournalEntry.objects.filter(action="draft_saved").exists()


def test_other_peoples_drafts_and_claims_are_not_reachable(logged_client):
    other = UserFactory()
    draft = claim_draft_open(file=file_factory(user=other), by=other, kind="dtr", channel="home")
    assert logged_client.get(f"/mon-espace/demarches/brouillon/{draft.key}/").status_code == 404
    assert logged_client.post(f"/mon-espace/demarches/brouillon/{draft.key}/verifier/").status_code == 404


@pytest.mark.parametrize(
    ("suffix", "message"),
    [
        ("90", "ne répond pas"),
        ("91", "est indisponible"),
        ("92", "Aucun salaire déclaré par un employeur n’a été trouvé"),
        ("93", "illisibles"),
    ],
)
def test_every_fault_of_the_income_service_ends_in_manual_entry(
    logged_client, user, settings, suffix, message
):
    settings.INCOME_API_TIMEOUT, settings.INCOME_API_RETRIES = 1, 0
    file_factory(user=user, nir="28503750561" + suffix)
    edit_url = start(logged_client)
    page = logged_client.get(edit_url).content.decode()
    assert "Données indisponibles" in page and message in page
    assert "Réessayer de récupérer les salaires" in page
    assert 'name="a-2026-08-unemployment_benefit"' in page
    response = logged_client.post(edit_url, {"a-2026-08-self_employment": "1200", "action": "continue"})
    assert response.status_code == 302 and response["Location"].endswith("/verifier/")
    logged_client.post(response["Location"])
    assert Claim.objects.get().household["persons"][0]["incomes"]["self_employment"]["2026-08"] == 1200.0


def test_a_month_not_transmitted_yet_is_asked(logged_client, user):
    file_factory(user=user, nir="2850375056104")
    page = logged_client.get(start(logged_client)).content.decode()
    assert "ne sont pas encore arrivées" in page


def test_the_refresh_button_saves_what_was_typed_then_asks_again(logged_client, user, settings):
    settings.INCOME_API_URL = ""
    file_factory(user=user)
    edit_url = start(logged_client)
    settings.INCOME_API_URL = "http://127.0.0.1:8000/_revenus/api/v1"
    response = logged_client.post(edit_url + "revenus/", {"a-2026-08-pension": "55"}, follow=True)
    page = response.content.decode()
    assert "ont été récupérés" in page and "Boulangerie du Centre" in page and 'value="55"' in page
