"""The "Votre famille" step: questions only where they apply, without JavaScript, up to the result."""

import re

import pytest

from benefits.simulator.models import Simulation
from tests.benefits.simulator.journey import SINGLE_PARENT
from tests.portal.test_site_invariants import page_facts

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return text_of(response.content.decode())


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def start(client, household, persons):
    client.post("/simulateur/foyer/", household)
    return client.post("/simulateur/personnes/", persons)


def finish(client, family=None):
    if family is not None:
        response = client.post("/simulateur/famille/", family)
        assert response.status_code == 302, text(response)[:2000]
    client.post("/simulateur/logement/", SINGLE_PARENT["housing"])
    client.post("/simulateur/revenus/", SINGLE_PARENT["incomes"])
    check = client.get("/simulateur/verifier/")
    response = client.post("/simulateur/verifier/")
    assert response.status_code == 302, text(response)[:2000]
    return check, client.get(response["Location"])


def test_a_household_without_any_of_its_questions_skips_the_page(client):
    response = start(
        client,
        {"couple": "non", "children": "0"},
        {
            "demandeur-birth_date": "10/03/1950",
            "demandeur-activity": "retired",
            "demandeur-disability": "none",
            "demandeur-nationality": "fr",
        },
    )
    assert response["Location"] == "/simulateur/famille/"
    assert client.get("/simulateur/famille/")["Location"] == "/simulateur/logement/"
    back = client.get("/simulateur/logement/").content.decode()
    assert 'href="/simulateur/personnes/"' in back  # "Retour" skips the page too


def test_the_steps_are_numbered_out_of_five_once_the_family_page_is_known_to_be_skipped(client):
    retired_alone = {
        "demandeur-birth_date": "10/03/1950",
        "demandeur-activity": "retired",
        "demandeur-disability": "none",
        "demandeur-nationality": "fr",
    }
    client.post("/simulateur/foyer/", {"couple": "non", "children": "0"})
    assert "Étape 2 sur 6" in text(client.get("/simulateur/personnes/"))  # not known before it is answered
    client.post("/simulateur/personnes/", retired_alone)
    assert "Étape 3 sur 5" in text(client.get("/simulateur/logement/"))
    client.post("/simulateur/logement/", SINGLE_PARENT["housing"])
    assert "Étape 4 sur 5" in text(client.get("/simulateur/revenus/"))
    incomes = {"demandeur-salary": "0", "demandeur-pension": "900", "demandeur-taxable_n2": "11000"}
    assert client.post("/simulateur/revenus/", incomes)["Location"] == "/simulateur/verifier/"
    check = client.get("/simulateur/verifier/").content.decode()
    assert "Étape 5 sur 5" in text_of(check)
    assert 'data-fr-current-step="5"' in check and 'data-fr-steps="5"' in check


def test_a_household_with_the_family_page_counts_six_steps(client):
    start(client, SINGLE_PARENT["household"], SINGLE_PARENT["persons"])
    assert "Étape 3 sur 6" in text(client.get("/simulateur/famille/"))
    assert "Étape 4 sur 6" in text(client.get("/simulateur/logement/"))


def test_single_parent_of_a_young_child_sees_the_three_questions(client):
    start(client, SINGLE_PARENT["household"], SINGLE_PARENT["persons"])
    response = client.get("/simulateur/famille/")
    page = text(response)
    assert "Attendez-vous un enfant ?" in page
    assert "Enfant 1" in page and "complément d’AEEH" in page
    assert "Faites-vous garder un enfant" in page and "monenfant.fr" in page
    facts = page_facts(response)
    assert facts.h1 == 1 and facts.inline_scripts == 0 and facts.style_attributes == 0


def test_a_couple_with_a_child_of_eleven_is_not_asked_about_childcare(client):
    start(
        client,
        {"couple": "oui", "children": "1"},
        {
            **{k: v for k, v in SINGLE_PARENT["persons"].items() if k != "enfant1-birth_date"},
            "conjoint-birth_date": "01/01/1960",
            "conjoint-activity": "employed",
            "conjoint-disability": "none",
            "conjoint-nationality": "fr",
            "enfant1-birth_date": "01/09/2015",
        },
    )
    page = text(client.get("/simulateur/famille/"))
    assert "Faites-vous garder" not in page
    assert "Attendez-vous un enfant ?" in page


def test_expected_child_gives_the_birth_grant_when_due_in_two_months(client):
    start(client, SINGLE_PARENT["household"], SINGLE_PARENT["persons"])
    missing = client.post(
        "/simulateur/famille/",
        {"grossesse-expecting": "oui", "enfant1-disability": "none", "garde-mode": "none"},
    )
    assert "Indiquez la date prévue de naissance." in text(missing)
    too_far = client.post(
        "/simulateur/famille/",
        {
            "grossesse-expecting": "oui",
            "grossesse-due_date": "15/12/2027",
            "enfant1-disability": "none",
            "garde-mode": "none",
        },
    )
    assert "neuf mois" in text(too_far)
    check, result = finish(
        client,
        {
            "grossesse-expecting": "oui",
            "grossesse-due_date": "15/02/2027",
            "enfant1-disability": "none",
            "garde-mode": "none",
        },
    )
    assert "Naissance attendue le 15/02/2027" in text(check)
    simulation = Simulation.objects.get()
    assert simulation.month == "2026-12"
    assert any(p["birth_date"] == "2027-02-15" for p in simulation.household["persons"])
    page = text(result)
    assert "Autres aides pour votre situation" in page
    prime = simulation.result["extra"]["paje_naissance"]
    assert prime > 1000 and f"{prime:.2f}".replace(".", ",") in page.replace("\u202f", " ").replace(" ", "")  # noqa: RUF001


def test_disabled_child_and_childcare_reach_the_result(client):
    start(client, SINGLE_PARENT["household"], SINGLE_PARENT["persons"])
    incomplete = client.post(
        "/simulateur/famille/",
        {
            "grossesse-expecting": "non",
            "enfant1-disability": "80",
            "enfant1-category": "3",
            "garde-mode": "home_care",
        },
    )
    assert "Indiquez le nombre d’heures de garde par mois." in text(incomplete)
    check, result = finish(
        client,
        {
            "grossesse-expecting": "non",
            "enfant1-disability": "80",
            "enfant1-category": "3",
            "garde-mode": "home_care",
            "garde-cost": "450",
            "garde-hours": "60",
        },
    )
    assert "Enfant 1 : handicap reconnu" in text(check)
    simulation = Simulation.objects.get()
    child = next(p for p in simulation.household["persons"] if p["id"] == "c1")
    assert child["disability_rate"] == 0.8 and child["aeeh_category"] == 3
    assert simulation.household["childcare"] == {
        "mode": "home_care",
        "monthly_cost": 450.0,
        "monthly_hours": 60.0,
    }
    page = text(result)
    assert simulation.result["extra"]["aeeh"] > 0
    assert "Allocation d’éducation de l’enfant handicapé" in page
    assert "monenfant.fr" in page  # the CMG is not estimated and says where to go


def test_an_expected_child_alone_asks_for_the_n2_income_that_the_paje_ceilings_read(client):
    """A person without children who expects one: the PAJE's ceilings read the N-2 income (CSS R531-1),
    so the incomes step asks for it; it did not, and the birth grant was estimated on 0 €."""
    start(
        client,
        {"couple": "non", "children": "0"},
        {
            "demandeur-birth_date": "10/03/1990",
            "demandeur-activity": "employed",
            "demandeur-disability": "none",
            "demandeur-nationality": "fr",
        },
    )
    client.post("/simulateur/famille/", {"grossesse-expecting": "non"})
    client.post("/simulateur/logement/", SINGLE_PARENT["housing"])
    assert "Revenu net imposable" not in text(client.get("/simulateur/revenus/"))
    client.post("/simulateur/famille/", {"grossesse-expecting": "oui", "grossesse-due_date": "15/02/2027"})
    assert "(tout le foyer)" in text(client.get("/simulateur/revenus/"))


def test_a_pregnancy_without_a_child_deducts_no_paje_from_the_rsa(client):
    """The PAJE allocation de base is due from the month after the birth (CSS L531-3, L552-1): the
    RSA of a pregnant person deducted 199,15 € of it « prises en compte » next to « pas de montant
    estimé », and counted the expected child in the lump sum (CASF R262-1, L262-9 2°)."""
    start(
        client,
        {"couple": "non", "children": "0"},
        {
            "demandeur-birth_date": "10/03/1990",
            "demandeur-activity": "employed",
            "demandeur-disability": "none",
            "demandeur-nationality": "fr",
        },
    )
    client.post("/simulateur/famille/", {"grossesse-expecting": "oui", "grossesse-due_date": "15/02/2027"})
    client.post("/simulateur/logement/", SINGLE_PARENT["housing"])
    response = client.post(
        "/simulateur/revenus/",
        {"demandeur-salary": "0", "demandeur-alimony": "0", "demandeur-taxable_n2": "0"},
    )
    assert response.status_code == 302, text(response)[:2000]
    response = client.post("/simulateur/verifier/")
    page = text(client.get(response["Location"]))
    assert "Montant forfaitaire majoré de femme isolée enceinte" in page
    assert "Prestations familiales et AAH prises en compte" not in page
    assert "199,15" not in page
