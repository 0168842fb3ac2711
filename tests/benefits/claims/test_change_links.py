"""Every "Modifier" link of a recap says what it changes (RGAA 6.1): visible "Modifier", then hidden text
naming the answer, so that a screen reader's list of links reads no two alike. On the declaration's
check page a couple's two salaries of one month, or one person's two employers, read apart."""

import re

import pytest

from benefits.claims.models import ClaimDraft
from tests.benefits.claims.factories import confirm_all, file_factory
from tests.benefits.claims.test_first_claim import VALID
from tests.benefits.simulator.journey import answer_steps

pytestmark = pytest.mark.django_db
PARTNER_NIR = "1831069123103"  # the income emulator's interim profile; Camille's NIR has two employers


def change_links(html: str) -> list[str]:
    """The accessible name of every link whose visible text is "Modifier" (tags removed, spaces joined)."""
    names = []
    for inner in re.findall(r"<a\b[^>]*>(.*?)</a>", html, re.DOTALL):
        name = " ".join(re.sub(r"<[^>]+>", " ", inner).split())
        if name.startswith("Modifier"):
            names.append(name)
    return names


def assert_named(names: list[str]) -> None:
    assert names, "no Modifier link"
    assert all(name != "Modifier" and len(name) > len("Modifier : ") for name in names), names
    assert len(set(names)) == len(names), sorted(names)


def test_the_declarations_check_page_names_person_income_month_and_employer(logged_client, user):
    file_factory(user=user, partner_nir=PARTNER_NIR)
    edit_url = logged_client.post("/mon-espace/demarches/nouvelle/dtr/")["Location"]
    draft = ClaimDraft.objects.get()
    check_url = logged_client.post(edit_url, confirm_all(draft) | {"action": "continue"})["Location"]
    names = change_links(logged_client.get(check_url).content.decode())
    assert_named(names)
    assert any("Camille Marie MARTIN" in name for name in names)
    assert any("Karim BENSAÏD" in name for name in names)
    assert any("Boulangerie du Centre" in name for name in names)


def test_a_first_claims_check_page_names_each_answer(logged_client, user):
    file_factory(user=user)
    url = logged_client.post("/mon-espace/demarches/nouvelle/rsa/")["Location"]
    edit_url = logged_client.post(url, VALID | {"action": "continue"})["Location"]
    draft = ClaimDraft.objects.get()
    check_url = logged_client.post(edit_url, confirm_all(draft) | {"action": "continue"})["Location"]
    names = change_links(logged_client.get(check_url).content.decode())
    assert_named(names)
    assert "Modifier : IBAN du compte où verser l’aide" in names


def test_the_simulators_check_page_names_each_answer(client):
    answer_steps(client)
    names = change_links(client.get("/simulateur/verifier/").content.decode())
    assert_named(names)
    assert "Modifier : Loyer hors charges" in names  # a tenant (SINGLE_PARENT) pays a rent
