"""Expert fast entry (/agent/saisie-rapide/): agents with the second factor only, the core's amounts,
the simulator's messages with everything typed kept, the htmx partials, and nothing written."""

import pytest

from benefits.rules import compute, parse_household
from benefits.simulator.formatting import euros
from benefits.simulator.household_builder import history_months
from benefits.simulator.models import Simulation
from benefits.simulator.steps import current_month
from portal.models import JournalEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/agent/saisie-rapide/"


def household_post(**changes) -> dict:
    """A parent alone with one child, a salary, renting in zone 2: the fields as the page names them."""
    data = {
        "foyer-couple": "non",
        "demandeur-birth_date": "25/03/1990",
        "demandeur-activity": "employed",
        "demandeur-disability": "none",
        "demandeur-nationality": "fr",
        "enfant1-birth_date": "01/05/2018",
        "isolement-maintenance": "non",
        "revenus-demandeur-salary": "1 200",
        "revenus-demandeur-taxable_n2": "14000",
        "logement-status": "tenant_private",
        "logement-rent": "550",
        "logement-zone": "2",
    }
    data.update(changes)
    return data


def reference_amounts(month: str) -> dict:
    """The same household written directly in the core's format, computed by benefits.rules."""
    household = {
        "id": "reference",
        "month": month,
        "persons": [
            {
                "id": "a",
                "role": "applicant",
                "birth_date": "1990-03-25",
                "activity": "employed",
                "nationality": "FR",
                "incomes": {"salary": dict.fromkeys(history_months(month), 1200.0)},
                "yearly_taxable_income": {str(int(month[:4]) - 2): {"salary": 14000.0}},
            },
            {"id": "c1", "role": "child", "birth_date": "2018-05-01"},
        ],
        "housing": {"status": "tenant_private", "rent": 550.0, "zone": 2},
        "other_parent_pays_maintenance": False,
    }
    return compute(parse_household(household, month)).to_dict(explain=False)["benefits"]


def test_only_agents_with_the_second_factor_reach_the_page(client, agent):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/agent/connexion/")
    client.force_login(agent)  # password only: no second factor
    assert client.get(URL).status_code == 302
    person = UserFactory()
    client.force_login(person)
    assert client.get(URL).status_code == 302


def test_the_desk_home_links_to_the_page(agent_client):
    page = agent_client.get("/agent/").content.decode()
    assert f'href="{URL}"' in page


def test_a_valid_household_gives_the_cores_amounts(agent_client):
    response = agent_client.post(URL, household_post())
    assert response.status_code == 200
    page = response.content.decode()
    expected = reference_amounts(current_month())
    shown = {b["name"]: b["amount"] for b in response.context["result"]["benefits"]}
    assert shown == expected
    assert any(amount > 0 for amount in expected.values())
    for amount in expected.values():
        if amount > 0:
            assert euros(amount) in page
    assert 'id="resultat-titre"' in page
    # Nothing written: no simulation, no journal entry (the page concerns no file).
    assert not Simulation.objects.exists()
    assert not JournalEntry.objects.exclude(action__startswith="agent_").exists()


def test_an_invalid_input_shows_the_simulators_message_and_keeps_the_rest(agent_client):
    data = household_post(**{"revenus-demandeur-salary": "douze cents", "logement-rent": "-5"})
    page = agent_client.post(URL, data).content.decode()
    assert "Indiquez un montant en euros, par exemple 1250 ou 1250,50." in page
    assert "Le montant ne peut pas être négatif." in page
    assert 'href="#id_revenus-demandeur-salary"' in page  # the error summary links to the field
    assert 'value="douze cents"' in page and 'value="01/05/2018"' in page and 'value="25/03/1990"' in page
    assert 'id="resultat-titre"' not in page


def test_the_partner_is_checked_only_for_a_couple(agent_client):
    alone = agent_client.post(URL, household_post()).content.decode()
    assert "Indiquez la date de naissance." not in alone
    couple = agent_client.post(URL, household_post(**{"foyer-couple": "oui"})).content.decode()
    assert "Conjoint ou conjointe — Date de naissance\u00a0: Indiquez la date de naissance." in couple


def test_a_child_older_than_the_parent_is_refused_with_the_simulators_message(agent_client):
    page = agent_client.post(URL, household_post(**{"enfant2-birth_date": "01/01/1980"})).content.decode()
    assert "Un enfant ne peut pas être plus âgé que ses parents\u00a0: vérifiez les dates." in page
    assert 'href="#id_enfant2-birth_date"' in page


def test_htmx_swaps_the_result_region_only(agent_client):
    response = agent_client.post(URL, household_post(), HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert 'id="resultat-titre"' in page
    assert "<html" not in page and "<form" not in page and 'id="resultat-expert"' not in page
    assert "HX-Retarget" not in response


def test_htmx_with_errors_swaps_the_whole_entry(agent_client):
    data = household_post(**{"demandeur-birth_date": "31/02/1990"})
    response = agent_client.post(URL, data, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response["HX-Retarget"] == "#saisie" and response["HX-Reswap"] == "outerHTML"
    assert page.lstrip().startswith('<div id="saisie">') and "<html" not in page
    assert "Indiquez une date réelle au format JJ/MM/AAAA, par exemple 25/03/1990." in page
    assert 'value="31/02/1990"' in page


def test_the_result_comes_above_the_form_and_the_form_returns_to_it(agent_client):
    page = agent_client.post(URL, household_post()).content.decode()
    form = f'action="{URL}?mois={current_month()}#saisie"'
    assert page.index('id="resultat-titre"') < page.index(form)


def test_another_month_is_computed_for_that_month(agent_client):
    month = "2026-09"
    assert month != current_month()
    page = agent_client.get(URL, {"mois": month}).content.decode()
    assert '<option value="2026-09" selected>' in page
    assert 'name="revenus-demandeur-salary_2026-08"' in page  # the incomes of that month's quarter
    response = agent_client.post(f"{URL}?mois={month}", household_post())
    shown = {b["name"]: b["amount"] for b in response.context["result"]["benefits"]}
    assert shown == reference_amounts(month)
    assert "Total estimé pour septembre 2026" in response.content.decode()


def test_a_month_outside_the_choices_is_the_current_one(agent_client):
    response = agent_client.get(URL, {"mois": "1999-01"})
    assert response.context["month"] == current_month()


def test_the_family_questions_reach_the_core_for_the_right_child(agent_client):
    """Row 1 left empty, the child typed in row 3 with a disability: it is the household's first child."""
    data = household_post(
        **{
            "enfant1-birth_date": "",
            "enfant3-birth_date": "01/05/2018",
            "handicap3-disability": "80",
            "handicap1-disability": "50",  # an empty row's answer is not read
        }
    )
    response = agent_client.post(URL, data)
    extras = {e["name"]: e["amount"] for e in response.context["result"]["extras"]}
    assert extras.get("aeeh", 0) > 0
    without = agent_client.post(URL, dict(data, **{"handicap3-disability": "none"}))
    assert "aeeh" not in {e["name"] for e in without.context["result"]["extras"]}
    assert 'id="id_handicap3-disability"' in response.content.decode()


def test_a_family_answer_is_checked_with_the_simulators_message(agent_client):
    data = household_post(**{"grossesse-expecting": "oui", "grossesse-due_date": "01/01/2020"})
    page = agent_client.post(URL, data).content.decode()
    assert (
        "Famille — Si oui\u00a0: date prévue de naissance\u00a0: La date prévue doit être après le mois estimé"
        in page
    )
    assert '<details class="portal-expert-family" open>' in page
    assert 'id="resultat-titre"' not in page
    closed = agent_client.post(URL, household_post()).content.decode()
    assert '<details class="portal-expert-family" open>' not in closed and "portal-expert-family" in closed


def test_each_benefits_heading_says_the_period_as_the_simulator_does(agent_client):
    """The expert result uses the simulator's include: a monthly amount reads "par mois" in its heading
    (it read only the amount), and each table row links to its explanation."""
    import re

    response = agent_client.post(URL, household_post())
    page = re.sub(r"[ \n]+", " ", response.content.decode())
    paid = [b for b in response.context["result"]["benefits"] if b["amount"] > 0]
    assert paid
    for benefit in paid:
        assert f'<h4 class="fr-h6" id="expert-{benefit["name"]}">' in page
        assert f"{benefit['label']}\u00a0: {benefit['amount_text']} {benefit['period_text']} </h4>" in page
        assert f'<a href="#expert-{benefit["name"]}">' in page
