"""A quarter declaring no income at all is filed only after the person confirms it (the income service
down and every field left blank used to go straight to "Aucun revenu déclaré")."""

import html

import pytest

from benefits.claims.models import Claim, ClaimDraft
from benefits.claims.services import NO_INCOME_FIELD, NotReadyToFile, claim_draft_open, claim_submit
from tests.benefits.claims.factories import confirm_all, file_factory

pytestmark = pytest.mark.django_db
DOWN_NIR = "2850375056191"  # the emulator answers 500 for this NIR
CONFIRM = "Je confirme n’avoir perçu aucun revenu pendant ces trois mois (août à octobre 2026)"


def start(client):
    return client.post("/mon-espace/demarches/nouvelle/dtr/")["Location"]


def test_an_empty_declaration_asks_for_the_confirmation_before_filing(logged_client, user, settings):
    settings.INCOME_API_TIMEOUT, settings.INCOME_API_RETRIES = 1, 0
    file_factory(user=user, nir=DOWN_NIR)
    url = start(logged_client)
    response = logged_client.post(url, {"action": "continue"})
    check_url = response["Location"]
    assert check_url.endswith("/verifier/")
    page = html.unescape(logged_client.get(check_url).content.decode())
    assert "Vous ne déclarez aucun revenu" in page and CONFIRM in page
    assert "Les salaires de vos employeurs n’ont pas pu être récupérés" in page

    # Filed without the box: not filed, the box is in error and linked to its message.
    response = logged_client.post(check_url)
    assert response.status_code == 200 and not Claim.objects.exists()
    page = html.unescape(response.content.decode())
    assert 'aria-describedby="id_no_income-error"' in page
    assert "Cochez la case pour confirmer que vous n’avez perçu aucun revenu" in page

    response = logged_client.post(check_url, {"no_income": "oui"})
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert claim.figures == [] and response["Location"].endswith(f"/demande/{claim.pk}/")


def test_a_declaration_with_an_income_asks_nothing_more(logged_client, user):
    file_factory(user=user)
    url = start(logged_client)
    draft = ClaimDraft.objects.get()
    check_url = logged_client.post(url, {**confirm_all(draft), "action": "continue"})["Location"]
    assert "Vous ne déclarez aucun revenu" not in logged_client.get(check_url).content.decode()
    assert logged_client.post(check_url).status_code == 302
    assert Claim.objects.count() == 1


def test_the_service_refuses_a_zero_quarter_without_the_confirmation(user, settings):
    settings.INCOME_API_TIMEOUT, settings.INCOME_API_RETRIES = 1, 0
    draft = claim_draft_open(file=file_factory(user=user, nir=DOWN_NIR), by=user, kind="dtr", channel="home")
    with pytest.raises(NotReadyToFile) as refused:
        claim_submit(draft=draft, by=user, channel="home")
    assert [field for field, _message in refused.value.problems] == [NO_INCOME_FIELD]
    assert not Claim.objects.exists()
    assert claim_submit(draft=draft, by=user, channel="home", no_income_confirmed=True).figures == []
