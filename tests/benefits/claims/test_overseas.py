"""An overseas allocataire's own space: the file is storable (benefits/claims/file_checks.py) but the
core does not compute the overseas departments yet. The declaration says the estimate is not available
and is filed all the same, without the portal's estimate (the CAF computes the right); its receipt and
its decision say so. A file the core refuses for any other reason is still not filed."""

import pytest

from benefits.claims.models import AllocataireFile, Claim, ClaimDraft, Status
from benefits.claims.services import claim_set_status
from benefits.letters.documents import letter_html
from benefits.letters.models import Letter, LetterKind
from tests.benefits.claims.factories import confirm_all, file_factory

pytestmark = pytest.mark.django_db
REUNION = {"status": "tenant_social", "rent": 420, "commune_insee": "97411"}
NOT_COVERED = "Le portail ne calcule pas encore les droits dans les départements d’outre-mer"


def check_page(client):
    edit_url = client.post("/mon-espace/demarches/nouvelle/dtr/")["Location"]
    draft = ClaimDraft.objects.get()
    return client.post(edit_url, confirm_all(draft) | {"action": "continue"})["Location"]


def test_an_overseas_declaration_has_no_estimate_and_is_filed_all_the_same(logged_client, user):
    file_factory(user=user, housing=REUNION)
    check_url = check_page(logged_client)
    check = logged_client.get(check_url).content.decode()
    assert NOT_COVERED in check and "Vous pouvez déposer votre démarche" in check
    filed = logged_client.post(check_url, follow=True)
    claim = Claim.objects.get()
    assert filed.redirect_chain[-1][0] == f"/mon-espace/demarches/demande/{claim.pk}/"
    assert claim.estimate == {} and claim.engine_version == "" and claim.household["housing"] == REUNION
    page = filed.content.decode()
    assert "Pas d’estimation au dépôt" in page and "moteur de calcul" not in page


def test_its_receipt_and_decision_say_the_caf_computes_the_right(logged_client, user):
    file_factory(user=user, housing=REUNION)
    logged_client.post(check_page(logged_client))
    claim = Claim.objects.get()
    receipt = Letter.objects.get(kind=LetterKind.RECEIPT)
    assert receipt.context["not_estimated"] is True and receipt.context["benefits"] == []
    html = letter_html(receipt)
    assert NOT_COVERED in html and "Calculée au dépôt" not in html
    claim_set_status(claim=claim, status=Status.INSTRUCTING, by=user, channel="agent")
    claim_set_status(claim=claim, status=Status.ACCEPTED, by=user, channel="agent")
    decision = letter_html(Letter.objects.get(kind=LetterKind.DECISION))
    assert "acceptée" in decision and "votre CAF vous indique le montant de chaque prestation" in decision
    assert "Vos droits mois par mois" not in decision and "moteur de calcul" not in decision


def test_a_file_the_core_refuses_for_another_reason_is_not_filed(logged_client, user):
    # A mainland tenant whose rent is missing, stored before the check (benefits/claims/file_checks.py)
    # refused such a file: the factory checks what it builds, so the old data is written past it.
    file = file_factory(user=user)
    AllocataireFile.objects.filter(pk=file.pk).update(
        housing={"status": "tenant_social", "commune_insee": "69123"}
    )
    check_url = check_page(logged_client)
    assert (
        "Contactez votre CAF pour la corriger avant de déposer"
        in logged_client.get(check_url).content.decode()
    )
    refused = logged_client.post(check_url, follow=True)
    assert refused.redirect_chain[-1][0] == check_url
    assert "Votre dossier ne permet pas de calculer le droit" in refused.content.decode()
    assert not Claim.objects.exists()


def test_no_heading_or_sentence_announces_rights_that_are_not_shown(logged_client, user):
    """The pages and the decision said « Droits estimés… » or « Voici vos droits et les dates de leur
    versement. » above the sentence saying there is no estimate (walk13b's overseas walk)."""
    file_factory(user=user, housing=REUNION)
    check_url = check_page(logged_client)
    check = logged_client.get(check_url).content.decode()
    assert "<h2>Vos droits</h2>" in check and "Droits estimés" not in check
    page = logged_client.post(check_url, follow=True).content.decode()
    assert "<h2>Vos droits</h2>" in page and "Droits estimés" not in page
    claim = Claim.objects.get()
    claim_set_status(claim=claim, status=Status.INSTRUCTING, by=user, channel="agent")
    claim_set_status(claim=claim, status=Status.ACCEPTED, by=user, channel="agent")
    decision = Letter.objects.get(kind=LetterKind.DECISION)
    html = letter_html(decision)
    assert "<strong>acceptée</strong> le" in html and "Voici vos droits" not in html
    decision.language = "en"
    english = letter_html(decision)
    assert "was <strong>accepted</strong> on" in english and "Here are your" not in english
