"""Mon espace offers a first claim only for a benefit the file neither receives nor has claimed yet,
and says where the others stand (Camille, a demo person, was offered the prime d'activité she has)."""

import re

import pytest

from benefits.claims.demo import load_demo_files
from benefits.claims.models import AllocataireFile, Claim, ClaimDraft, Status
from portal.dates import long_date
from tests.benefits.claims.factories import file_factory

pytestmark = pytest.mark.django_db
START = '<form method="post" action="/mon-espace/demarches/nouvelle/{}/">'


def text(html: str) -> str:
    return re.sub(r"[ \n]+", " ", re.sub(r"<[^>]+>", " ", html))  # keeps the no-break spaces


def filed(file, user, kind, status):
    draft = ClaimDraft.objects.create(file=file, user=user, kind=kind, month="2026-11", data={})
    return Claim.objects.create(
        draft=draft,
        key=draft.key,
        file=file,
        kind=kind,
        month="2026-11",
        inputs={},
        figures={},
        household={},
        estimate={},
        engine_version="test",
        parameters_version="test",
        status=status,
    )


def test_camille_is_told_she_receives_the_prime_dactivite_instead_of_being_offered_it(logged_client, user):
    load_demo_files()
    camille = AllocataireFile.objects.get(number="0000001")  # rights: ppa 212.40, aide au logement
    AllocataireFile.objects.filter(pk=camille.pk).update(user=user)
    for url in ("/mon-espace/", "/mon-espace/demarches/"):
        page = logged_client.get(url).content.decode()
        assert START.format("ppa") not in page
        assert START.format("rsa") in page and START.format("dtr") in page
        assert (
            "Vous percevez déjà la prime d’activité (212,40\u00a0€ par mois)\u00a0: pas besoin d’une nouvelle "
            "demande, vos déclarations trimestrielles suffisent." in text(page)
        )


@pytest.mark.parametrize("status", [Status.FILED, Status.INSTRUCTING])
def test_a_claim_in_progress_is_not_offered_again_and_links_to_its_page(logged_client, user, status):
    file = file_factory(user=user, rights=[])
    claim = filed(file, user, "rsa", status)
    page = logged_client.get("/mon-espace/").content.decode()
    assert START.format("rsa") not in page and START.format("ppa") in page
    assert f"Votre demande pour le RSA, déposée le {long_date(claim.filed_at)}, " in text(page)
    assert (
        f"est en cours\u00a0: «\u00a0{claim.get_status_display()}\u00a0». Inutile d’en faire une autre."
        in text(page)
    )
    assert f'<a href="/mon-espace/demarches/demande/{claim.pk}/">Suivre cette demande' in page


def test_after_a_refusal_the_claim_can_be_made_again(logged_client, user):
    file = file_factory(user=user, rights=[])
    filed(file, user, "ppa", Status.REFUSED)
    page = logged_client.get("/mon-espace/").content.decode()
    assert START.format("ppa") in page and "Votre demande pour" not in page


def drafts_and_claims(user):
    return ClaimDraft.objects.filter(user=user).count(), Claim.objects.filter(file__user=user).count()


def test_posting_a_claim_of_a_benefit_already_received_opens_nothing_and_says_so(logged_client, user):
    """An old page or a crafted POST: the claim is refused, nothing created, Mon espace says why."""
    file_factory(user=user, rights=[{"benefit": "ppa", "amount": 212.40}])
    response = logged_client.post("/mon-espace/demarches/nouvelle/ppa/")
    assert response.status_code == 302 and response["Location"] == "/mon-espace/demarches/"
    assert drafts_and_claims(user) == (0, 0)
    page = text(logged_client.get(response["Location"]).content.decode())
    assert (
        page.count("Vous percevez déjà la prime d’activité (212,40\u00a0€ par mois)") == 2
    )  # message + line
    # A GET opens nothing either (the button is a form).
    assert logged_client.get("/mon-espace/demarches/nouvelle/ppa/").status_code == 405
    assert drafts_and_claims(user) == (0, 0)
    # The other claims are still opened.
    assert logged_client.post("/mon-espace/demarches/nouvelle/rsa/").status_code == 302
    assert drafts_and_claims(user) == (1, 0)


def test_posting_a_claim_already_in_progress_leads_to_it(logged_client, user):
    file = file_factory(user=user, rights=[])
    claim = filed(file, user, "rsa", Status.INSTRUCTING)
    response = logged_client.post("/mon-espace/demarches/nouvelle/rsa/", follow=True)
    assert response.redirect_chain == [(f"/mon-espace/demarches/demande/{claim.pk}/", 302)]
    assert "Votre demande pour le RSA, déposée le " in text(response.content.decode())
    assert ClaimDraft.objects.open().filter(file=file).count() == 0


def test_the_service_refuses_it_too(user):
    from benefits.claims.services import AlreadyHeld, claim_draft_open

    file = file_factory(user=user, rights=[{"benefit": "rsa", "amount": 600}])
    with pytest.raises(AlreadyHeld) as refused:
        claim_draft_open(file=file, by=user, kind="rsa", channel="home")
    assert refused.value.kind == "rsa" and "Vous percevez déjà le RSA" in refused.value.standing["text"]
    assert not ClaimDraft.objects.filter(file=file).exists()


def ready_to_file(client, kind):
    """A first claim opened and answered up to its check page (its URL), not filed yet."""
    from tests.benefits.claims.factories import confirm_all
    from tests.benefits.claims.test_first_claim import VALID

    situation = client.post(f"/mon-espace/demarches/nouvelle/{kind}/")["Location"]
    edit = client.post(situation, VALID | {"action": "continue"})["Location"]
    draft = ClaimDraft.objects.open().get(kind=kind)
    check = client.post(edit, confirm_all(draft) | {"action": "continue"})["Location"]
    assert check.endswith("/verifier/")
    return draft, check


def test_a_draft_opened_before_the_right_arrived_is_not_filed_and_is_kept(logged_client, user):
    """The right was recorded while the draft waited: filing it is refused, the draft is still there."""
    file = file_factory(user=user, rights=[])
    draft, check = ready_to_file(logged_client, "ppa")
    file.rights = [{"benefit": "ppa", "amount": 212.40}]
    file.save(update_fields=["rights"])
    response = logged_client.post(check, {"sworn": "oui"}, follow=True)
    assert response.redirect_chain == [("/mon-espace/demarches/", 302)]
    page = text(response.content.decode())
    # The message, and the benefit's line in Mes démarches.
    assert page.count("Vous percevez déjà la prime d’activité (212,40\u00a0€ par mois)") == 2
    assert not Claim.objects.exists()
    assert ClaimDraft.objects.open().get() == draft  # nothing lost: it can still be read
    assert logged_client.get(f"/mon-espace/demarches/brouillon/{draft.key}/").status_code == 200
    assert ClaimDraft.objects.get().data["claim"]["iban"]


def test_a_draft_is_not_filed_when_a_claim_of_it_was_filed_meanwhile(logged_client, user):
    file = file_factory(user=user, rights=[])
    draft, check = ready_to_file(logged_client, "rsa")
    other = filed(file, user, "rsa", Status.FILED)
    response = logged_client.post(check, {"sworn": "oui"}, follow=True)
    assert response.redirect_chain == [(f"/mon-espace/demarches/demande/{other.pk}/", 302)]
    assert "Votre demande pour le RSA, déposée le " in text(response.content.decode())
    assert list(Claim.objects.all()) == [other] and ClaimDraft.objects.open().get() == draft


def test_filing_refuses_it_inside_its_own_lock(user):
    """The service itself refuses (a double click or another tab cannot get past it); other kinds file."""
    from benefits.claims.services import AlreadyHeld, claim_submit

    file = file_factory(user=user, rights=[{"benefit": "ppa", "amount": 212.40}])
    draft = ClaimDraft.objects.create(file=file, user=user, kind="ppa", month="2026-11", data={})
    with pytest.raises(AlreadyHeld) as refused:
        claim_submit(draft=draft, by=user, channel="home")
    assert refused.value.kind == "ppa" and refused.value.standing["url"] == ""
    assert not Claim.objects.exists() and ClaimDraft.objects.open().get() == draft


def test_without_the_right_the_draft_files_as_before(logged_client, user):
    file_factory(user=user, rights=[{"benefit": "rsa", "amount": 600}])  # another benefit's right
    _draft, check = ready_to_file(logged_client, "ppa")
    response = logged_client.post(check, {"sworn": "oui"})
    claim = Claim.objects.get()
    assert response["Location"] == f"/mon-espace/demarches/demande/{claim.pk}/" and claim.kind == "ppa"


def test_the_check_page_of_a_draft_whose_right_arrived_explains_instead_of_offering_to_file(
    logged_client, user
):
    file = file_factory(user=user, rights=[])
    draft, check = ready_to_file(logged_client, "ppa")
    assert "Déposer ma demande" in logged_client.get(check).content.decode()
    file.rights = [{"benefit": "ppa", "amount": 212.40}]
    file.save(update_fields=["rights"])
    response = logged_client.get(check)
    page = text(response.content.decode())
    assert response.status_code == 200
    assert "Déposer ma demande" not in page and f'action="{check}"' not in response.content.decode()
    assert "Vous percevez déjà la prime d’activité (212,40\u00a0€ par mois)" in page
    assert 'href="/mon-espace/demarches/"' in response.content.decode()
    assert ClaimDraft.objects.open().get() == draft


def test_the_check_page_of_a_draft_claimed_meanwhile_links_to_the_claim_in_progress(logged_client, user):
    file = file_factory(user=user, rights=[])
    _draft, check = ready_to_file(logged_client, "rsa")
    other = filed(file, user, "rsa", Status.FILED)
    html = logged_client.get(check).content.decode()
    assert "Déposer ma demande" not in html and "Votre demande pour le RSA, déposée le " in text(html)
    assert f'href="/mon-espace/demarches/demande/{other.pk}/"' in html
