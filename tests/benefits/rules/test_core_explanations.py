"""The explanation of every benefit reproduces its amount: replaying the steps' operations on a running
total gives the amount to the cent, for hand-made households and for every household of the fixtures.
A benefit that is not paid names its blocking condition in French and English."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from benefits.rules import compute, parse_household
from benefits.rules.explain import OPERATIONS, replay

FIXTURES = Path(__file__).resolve().parent / "fixtures"
pytestmark = pytest.mark.xdist_group("core_explanations")


def fixture_cases():
    for path in sorted(FIXTURES.glob("oracle_*.json")):
        yield from json.loads(path.read_text())["cases"]


def problems_of(result) -> list[str]:
    problems = []
    for name, benefit in result.benefits.items():
        where = f"{result.household_id} {result.month} {name}"
        for step in benefit.steps:
            if step.op not in OPERATIONS:
                problems.append(f"{where}: unknown operation {step.op!r}")
            if step.op not in ("i",) and step.amount is None:
                problems.append(f"{where}: step {step.label.fr!r} has an operation but no amount")
            if not (step.label.fr and step.label.en):
                problems.append(f"{where}: step without a bilingual label")
        if benefit.steps and replay(benefit.steps) != benefit.amount:
            problems.append(f"{where}: steps give {replay(benefit.steps)}, amount is {benefit.amount}")
        if benefit.amount > 0 and not benefit.steps:
            problems.append(f"{where}: paid without any step")
        if not benefit.eligible and not (benefit.blocking_reason and benefit.blocking_reason.en):
            problems.append(f"{where}: not paid and no blocking reason")
    return problems


def test_replay_operations():
    from benefits.rules.explain import Step
    from benefits.rules.text import Text

    def step(op, amount):
        return Step(Text("x", "x"), None if amount is None else Decimal(amount), op, "", None)

    steps = [
        step("=", "100"),
        step("+", "50"),
        step("×", "0.5"),
        step("-", "10"),
        step("i", None),
        step("≤", "60"),
    ]
    assert replay(steps) == Decimal("60")
    assert replay([step("=", "10"), step("-", "20"), step("≥", "0")]) == 0


def test_every_fixture_household_is_explained_to_the_cent_and_the_batch_agrees():
    """Also guards the speed-ups that only the unexplained path (the batch) takes: it must give the
    explained path's amounts, to the cent, for every fixture household."""
    cases = list(fixture_cases())
    assert cases, "no fixtures: run `make oracle-fixtures`"
    problems = []
    for case in cases:
        household = parse_household(case["household"], case["month"])
        explained = compute(household, explain=True)
        problems += problems_of(explained)
        for name, amount in compute(household, explain=False).to_dict(explain=False)["benefits"].items():
            if amount != float(explained.benefits[name].amount):
                problems.append(
                    f"{case['id']} {name}: {amount} unexplained, {explained.benefits[name].amount} explained"
                )
    assert problems == [], "\n".join(problems[:30])


def test_explanation_of_a_tenant_family_reads_as_a_calculation():
    data = {
        "persons": [
            {
                "id": "a",
                "role": "applicant",
                "birth_date": "1985-03-10",
                "incomes": {"salary": {"2026-03": 900}},
            },
            {"id": "c1", "role": "child", "birth_date": "2012-01-15"},
            {"id": "c2", "role": "child", "birth_date": "2016-09-01"},
        ],
        "housing": {"status": "tenant_private", "rent": 750, "zone": 2},
    }
    result = compute(parse_household(data, "2026-06"))
    assert problems_of(result) == []
    housing = result.benefits["aide_logement"]
    assert housing.amount > 0
    assert housing.steps[0].op == "=" and any(step.legal_basis.startswith("CCH") for step in housing.steps)


def single_worker(salary: float, rent: float) -> dict:
    months = {f"2026-{m:02d}": salary for m in range(1, 6)}
    return {
        "persons": [
            {"id": "a", "role": "applicant", "birth_date": "1985-03-10", "incomes": {"salary": months}}
        ],
        "housing": {"status": "tenant_private", "rent": rent, "zone": 2},
    }


def test_prime_activite_shows_the_share_of_earned_income_it_adds_each_month():
    """The reader can redo each month: lump sum + 59.85 % of earned income + bonuses − resources."""
    benefit = compute(parse_household(single_worker(1200, 500), "2026-06")).benefits["ppa"]
    shares = [step for step in benefit.steps if "part des revenus d’activité" in step.label.fr]
    assert [step.label.fr.split(" :")[0] for step in shares] == ["Mars 2026", "Avril 2026", "Mai 2026"]
    for step in shares:
        assert step.op == "i" and step.amount is None
        assert step.label.fr.endswith("1\u00a0200,00\u00a0€ × 59,85\u00a0% = 718,20\u00a0€")
        assert step.label.en.endswith("1200.00 € × 59.85% = 718.20 €")
        assert step.legal_basis == "CSS L842-3, D843-2" and step.legal_url
    # Each share comes just before its month's line, which it lets add up.
    labels = [step.label.fr for step in benefit.steps]
    assert labels.index(shares[0].label.fr) + 1 == labels.index(
        next(label for label in labels if label.startswith("Mars 2026 : forfaitaire"))
    )


def test_housing_aid_names_its_minimum_participation_and_the_part_from_income():
    low = compute(parse_household(single_worker(150, 500), "2026-06")).benefits["aide_logement"]
    labels = [step.label.fr for step in low.steps]
    minimum = next(step for step in low.steps if step.label.fr.startswith("Participation minimale"))
    assert minimum.op == "-" and minimum.legal_basis == "CCH D823-17"
    assert "× 8,5\u00a0%" in minimum.label.fr and minimum.amount == Decimal("39.56")  # P0 (2025-10)
    assert any(label.startswith("Pas de participation selon vos revenus") for label in labels)
    assert "Le montant ne peut pas être négatif" in labels
    assert not any("Participation personnelle" in label or "Pas de montant" in label for label in labels)

    high = compute(parse_household(single_worker(1500, 700), "2026-06")).benefits["aide_logement"]
    parts = [step for step in high.steps if step.label.fr.startswith("Participation")]
    assert [step.label.fr.split(" :")[0] for step in parts] == [
        "Participation minimale",
        "Participation selon vos revenus",
    ]
    assert parts[1].legal_basis == "CCH D823-17, R822-3" and parts[1].amount > 0
    assert problems_of(compute(parse_household(single_worker(1500, 700), "2026-06"))) == []
