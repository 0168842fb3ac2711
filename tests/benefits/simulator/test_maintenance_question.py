"""A single parent is asked whether the other parent pays maintenance (ASF, CSS L523-1; issue 17 E)."""

import pytest

from benefits.rules import compute, parse_household
from benefits.rules.assumptions import NO_MAINTENANCE
from benefits.simulator.models import Simulation
from tests.benefits.simulator.journey import SINGLE_PARENT, walk

pytestmark = pytest.mark.django_db


def with_maintenance(answer: str, alimony: str | None = None) -> dict:
    incomes = dict(SINGLE_PARENT["incomes"])
    if alimony is not None:
        incomes["demandeur-alimony"] = alimony
    return dict(
        SINGLE_PARENT,
        persons=dict(SINGLE_PARENT["persons"], **{"isolement-maintenance": answer}),
        incomes=incomes,
    )


def asf_of(household: dict):
    result = compute(parse_household(household), explain=True)
    return result.benefits["asf"].amount, result.assumptions


def test_the_question_is_asked_of_a_single_parent_only_and_is_required(client):
    client.post("/simulateur/foyer/", SINGLE_PARENT["household"])
    assert "isolement-maintenance" in client.get("/simulateur/personnes/").content.decode()
    persons = {k: v for k, v in SINGLE_PARENT["persons"].items() if k != "isolement-maintenance"}
    response = client.post("/simulateur/personnes/", persons)
    assert response.status_code == 200
    assert "Indiquez si l’autre parent verse une pension alimentaire." in response.content.decode()
    client.post("/simulateur/foyer/", {"couple": "oui", "children": "1"})
    assert "isolement-maintenance" not in client.get("/simulateur/personnes/").content.decode()


def test_no_maintenance_gives_the_full_asf_without_the_assumption(client):
    walk(client, with_maintenance("non"))
    household = Simulation.objects.get().household
    assert household["other_parent_pays_maintenance"] is False
    amount, assumptions = asf_of(household)
    assert amount > 0 and NO_MAINTENANCE not in assumptions
    unasked = {k: v for k, v in household.items() if k != "other_parent_pays_maintenance"}
    unasked_amount, unasked_assumptions = asf_of(unasked)
    assert unasked_amount == amount and NO_MAINTENANCE in unasked_assumptions


def test_a_maintenance_needs_its_amount_and_makes_the_asf_differential(client):
    client.post("/simulateur/foyer/", SINGLE_PARENT["household"])
    client.post("/simulateur/personnes/", with_maintenance("oui")["persons"])
    client.post("/simulateur/logement/", SINGLE_PARENT["housing"])
    missing = client.post("/simulateur/revenus/", dict(SINGLE_PARENT["incomes"], **{"demandeur-alimony": ""}))
    assert "Indiquez le montant de la pension alimentaire reçue." in missing.content.decode()
    zero = client.post("/simulateur/revenus/", dict(SINGLE_PARENT["incomes"], **{"demandeur-alimony": "0"}))
    assert "Indiquez un montant supérieur à 0" in zero.content.decode()
    walk(client, with_maintenance("oui", "100"))
    household = Simulation.objects.get().household
    assert household["other_parent_pays_maintenance"] is True
    paid, assumptions = asf_of(household)
    full, _ = asf_of(
        dict(
            household,
            other_parent_pays_maintenance=False,
            persons=[
                {k: v for k, v in p.items() if k != "incomes"}
                | {"incomes": {t: s for t, s in (p.get("incomes") or {}).items() if t != "alimony_received"}}
                for p in household["persons"]
            ],
        )
    )
    assert paid == full - 100 and NO_MAINTENANCE not in assumptions
