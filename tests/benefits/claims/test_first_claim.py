"""A real first claim of prime d'activité or RSA (issue 17, D4): household, home, situation, bank account
checked with python-stdnum, sworn statement, prefilled from the file, filed through claim_submit."""

import pytest

from benefits.claims.models import Claim, ClaimDraft
from portal.models import JournalEntry
from tests.benefits.claims.factories import confirm_all, file_factory

pytestmark = pytest.mark.django_db

VALID = {
    "household_confirmed": "oui",
    "housing_status": "tenant_private",
    "rent": "1 200,50",
    "situation_a": "self_employed",
    "iban": "fr76 3000 6000 0112 3456 7890 189",
    "bic": "bnpafrpp",
    "holder": "Camille MARTIN",
}


def start(client, kind):
    response = client.post(f"/mon-espace/demarches/nouvelle/{kind}/")
    assert response.status_code == 302
    return response["Location"]


@pytest.mark.parametrize("kind", ["ppa", "rsa"])
def test_a_first_claim_asks_its_own_questions_prefilled_from_the_file(logged_client, user, kind):
    file_factory(user=user)
    url = start(logged_client, kind)
    assert url.endswith("/situation/")
    page = logged_client.get(url).content.decode()
    for text in ("Votre foyer", "Votre logement", "Votre situation", "IBAN", "BIC", "Nom du titulaire"):
        assert text in page
    assert "Léa MARTIN" in page  # the household the file knows
    assert (
        'value="tenant_private"\n                   checked' in page
        or 'value="tenant_private" checked' in " ".join(page.split())
    )
    assert 'value="640"' in page  # the rent the file knows
    assert "Étudiant ou étudiante" in page and "micro-entreprise" in page


def test_a_wrong_iban_or_bic_is_refused_and_kept_as_typed(logged_client, user):
    file_factory(user=user)
    url = start(logged_client, "ppa")
    wrong = VALID | {"iban": "FR76 3000 6000 0112 3456 7890 188", "bic": "BNP", "action": "continue"}
    page = logged_client.post(url, wrong).content.decode()
    assert "Cet IBAN n’est pas valide" in page and "Ce BIC n’est pas valide" in page
    assert 'value="FR76 3000 6000 0112 3456 7890 188"' in page
    assert 'href="#id_iban"' in page  # the error summary links to the field
    assert ClaimDraft.objects.get().data["claim"]["bic"] == "BNP"


def test_the_first_claim_files_once_with_the_sworn_statement_and_its_answers(logged_client, user):
    file_factory(user=user)
    url = start(logged_client, "rsa")
    response = logged_client.post(url, VALID | {"action": "continue"})
    assert response.status_code == 302 and response["Location"].endswith(f"{url.rsplit('situation/', 1)[0]}")
    draft = ClaimDraft.objects.get()
    edit_url = response["Location"]
    response = logged_client.post(edit_url, confirm_all(draft) | {"action": "continue"})
    check_url = response["Location"]
    page = logged_client.get(check_url).content.decode()
    assert "FR76 3000 6000 0112 3456 7890 189" in page and "1\u00a0200,50\u00a0€" in page
    assert f'href="{url}#id_iban"' in page  # "Modifier" lands on the field
    assert "Je déclare sur l’honneur" in page and "Déposer ma demande" in page

    page = logged_client.post(check_url, {}).content.decode()  # without the sworn statement
    assert "Cochez la déclaration sur l’honneur" in page and not Claim.objects.exists()

    response = logged_client.post(check_url, {"sworn": "oui"})
    claim = Claim.objects.get()
    assert response["Location"] == f"/mon-espace/demarches/demande/{claim.pk}/"
    assert claim.kind == "rsa"
    assert claim.inputs["claim"]["sworn"] == "oui"
    assert claim.household["housing"] == {"status": "tenant_private", "rent": 1200.5, "zone": 2}
    assert claim.household["persons"][0]["activity"] == "employed"  # self-employed is work
    assert ("claim_filed", f"claim:{claim.pk}") in JournalEntry.objects.values_list("action", "target")
    assert not any("3000 6000" in str(e.details) for e in JournalEntry.objects.all())


def test_a_declaration_asks_none_of_this(logged_client, user):
    file_factory(user=user)
    url = start(logged_client, "dtr")
    assert not url.endswith("/situation/")
    assert logged_client.get(
        url.replace("/brouillon/", "/brouillon/").rstrip("/") + "/situation/"
    ).status_code in (
        302,
        404,
    )


def first_line(draft) -> str:
    person, months = next(iter(draft.data["figures"].items()))
    month = next(iter(months))
    return f"{person}-{month}-0"


@pytest.mark.parametrize(("kind", "noun"), [("rsa", "demande"), ("dtr", "déclaration")])
def test_the_amounts_page_and_the_filed_page_name_a_claim_a_demande(logged_client, user, kind, noun):
    # A first claim of RSA said "Votre déclaration n’est pas complète" on its amounts page and, once
    # filed, "La CAF instruit votre déclaration": it is a demande; a quarterly declaration stays one.
    other = "déclaration" if noun == "demande" else "demande"
    file_factory(user=user)
    url = start(logged_client, kind)
    if kind == "rsa":
        url = logged_client.post(url, VALID | {"action": "continue"})["Location"]
    draft = ClaimDraft.objects.get()
    line = first_line(draft)
    wrong = confirm_all(draft) | {
        f"{line}-choice": "correct",
        f"{line}-typed": "sept cents",
        "action": "continue",
    }
    page = logged_client.post(url, wrong).content.decode()
    assert f"Votre {noun} n’est pas complète" in page and f"Votre {other} n’est pas complète" not in page

    right = confirm_all(draft) | {f"{line}-typed": "", "action": "continue"}
    check_url = logged_client.post(url, right)["Location"]
    sworn = {"sworn": "oui"} if kind == "rsa" else {}
    claim_url = logged_client.post(check_url, sworn)["Location"]
    page = logged_client.get(claim_url).content.decode()
    assert f"La CAF instruit votre {noun} et vous informe" in " ".join(page.split())


def test_continuer_resumes_a_first_claim_at_step_1_until_it_is_complete(logged_client, user):
    # Started and left at once, a Demande de RSA resumed at step 2 ("vos revenus") from Mon espace,
    # step 1 never answered; its check page then sent the person back to step 1.
    file_factory(user=user)
    url = start(logged_client, "rsa")
    draft = ClaimDraft.objects.get()
    edit_url = f"/mon-espace/demarches/brouillon/{draft.key}/"
    page = logged_client.get("/mon-espace/").content.decode()
    assert f'href="{url}"' in page and f'href="{edit_url}"' not in page
    logged_client.post(url, VALID | {"action": "continue"})
    page = logged_client.get("/mon-espace/").content.decode()
    assert f'href="{edit_url}"' in page and f'href="{url}"' not in page


def test_continuer_resumes_a_declaration_at_its_amounts(logged_client, user):
    file_factory(user=user)
    url = start(logged_client, "dtr")
    assert f'href="{url}"' in logged_client.get("/mon-espace/").content.decode()
