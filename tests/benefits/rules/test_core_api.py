"""The contract other engineers code against: names, result shape, no Django, helpers."""

import dataclasses
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import benefits.rules as rules
from benefits.rules import (
    BENEFITS,
    ENGINE_VERSION,
    SUPPORTED_MONTHS,
    Text,
    compute,
    housing_zone_for_commune,
    parameters_version,
    parse_household,
    required_months,
)
from benefits.rules.communes import commune_name, search_communes

ROOT = Path(__file__).resolve().parents[3]
SCHEMA = ROOT / "benefits" / "rules" / "household.schema.json"


def household(month="2026-06", **extra):
    data = {
        "id": "api",
        "persons": [
            {"id": "a", "role": "applicant", "birth_date": "1990-05-04"},
            {"id": "c1", "role": "child", "birth_date": "2016-03-01"},
            {"id": "c2", "role": "child", "birth_date": "2019-03-01"},
        ],
        "housing": {"status": "tenant_private", "rent": 600, "zone": 2},
    }
    data.update(extra)
    return parse_household(data, month)


def test_importing_the_core_loads_no_django():
    code = "import sys, benefits.rules; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_public_names():
    for name in (
        "parse_household",
        "HouseholdInputError",
        "compute",
        "compute_batch",
        "BENEFITS",
        "ENGINE_VERSION",
        "parameters_version",
        "SUPPORTED_MONTHS",
        "required_months",
        "housing_zone_for_commune",
    ):
        assert hasattr(rules, name), name
    assert BENEFITS == ("ppa", "rsa", "aide_logement", "aah", "af", "cf", "asf", "ars")
    assert (
        SUPPORTED_MONTHS[0] == "2025-01" and SUPPORTED_MONTHS[-1] == "2026-12" and len(SUPPORTED_MONTHS) == 24
    )
    assert ENGINE_VERSION and len(parameters_version()) >= 8


def test_simulation_result_shape():
    result = compute(household())
    assert result.month == "2026-06" and result.household_id == "api"
    assert tuple(result.benefits) == BENEFITS
    assert result.engine_version == ENGINE_VERSION and result.parameters_version == parameters_version()
    assert result.assumptions and all(isinstance(text, Text) for text in result.assumptions)
    monthly = sum((b.amount for name, b in result.benefits.items() if name != "ars"), Decimal(0))
    assert result.total == monthly
    assert result.benefits["ars"].period == "year"
    for name, benefit in result.benefits.items():
        assert benefit.name == name
        assert isinstance(benefit.label, Text) and benefit.label.fr and benefit.label.en
        assert isinstance(benefit.amount, Decimal) and benefit.amount == benefit.amount.quantize(
            Decimal("0.01")
        )
        assert benefit.eligible == (benefit.amount > 0)
        assert benefit.period in ("month", "year")
        for step in benefit.steps:
            assert isinstance(step.label, Text) and step.label.fr and step.label.en
            assert step.amount is None or isinstance(step.amount, Decimal)
            if step.legal_url:
                assert step.legal_url.startswith("https://www.legifrance.gouv.fr/")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.benefits["af"].amount = Decimal(1)


def test_to_dict_is_json_and_matches_the_cli_row():
    result = compute(household())
    short = result.to_dict(explain=False)
    assert set(short) == {"id", "month", "benefits"}
    assert list(short["benefits"]) == list(BENEFITS)
    assert all(isinstance(v, float) for v in short["benefits"].values())
    full = json.loads(json.dumps(result.to_dict(explain=True)))
    assert full["benefits"] == short["benefits"]
    assert set(full["explanation"]) == set(BENEFITS)
    assert full["explanation"]["af"]["steps"][0]["label"]["fr"]


def test_compute_without_explanation_gives_the_same_amounts():
    data = household()
    with_steps, without = compute(data, explain=True), compute(data, explain=False)
    assert {n: b.amount for n, b in with_steps.benefits.items()} == {
        n: b.amount for n, b in without.benefits.items()
    }
    assert all(not b.steps for b in without.benefits.values())


def test_month_argument_overrides_the_household_month():
    data = parse_household(
        {"persons": [{"id": "a", "role": "applicant", "birth_date": "1990-01-01"}], "month": "2025-03"}
    )
    assert compute(data).month == "2025-03"
    assert compute(data, "2026-11").month == "2026-11"


def test_text_is_bilingual():
    text = Text("Bonjour", "Hello")
    assert str(text) == "Bonjour" and text.get("en") == "Hello" and text.get("fr-FR") == "Bonjour"
    assert text.get(None) == "Bonjour"


def test_required_months():
    # Monthly incomes from January N-1 (or M-16 when earlier) to M, yearly taxable income of N-2 (oracle README).
    assert required_months("2026-06") == {
        "monthly_from": "2025-01",
        "monthly_to": "2026-06",
        "yearly": ["2024"],
    }
    # January to April: the prime d'activité's three months back each read housing aid's twelve months,
    # so from M-16, before January N-1.
    assert required_months("2025-01")["monthly_from"] == "2023-09"
    assert required_months("2027-04")["monthly_from"] == "2025-12"
    assert required_months("2027-05")["monthly_from"] == "2026-01"


def test_housing_zone_for_commune():
    # Zoning table of 2011-09-14 (OpenFisca assets/apl/20110914_zonage.csv); "1bis" counts as 1.
    assert housing_zone_for_commune("75056") == 1  # Paris
    assert housing_zone_for_commune("69123") == 2  # Lyon
    assert housing_zone_for_commune("01001") == 3  # L'Abergement-Clémenciat
    assert housing_zone_for_commune("99999") is None
    assert commune_name("75056") == "Paris"
    assert ("69123", "Lyon", 2) in search_communes("lyon")


def test_commune_gives_the_zone_of_a_tenant():
    by_commune = parse_household(
        {
            "persons": [{"id": "a", "role": "applicant", "birth_date": "1990-01-01"}],
            "housing": {"status": "tenant_private", "rent": 500, "commune_insee": "69123"},
        },
        "2026-06",
    )
    assert by_commune.housing.zone == 2


def test_the_schema_is_shipped_with_the_core():
    schema = json.loads(SCHEMA.read_text())
    assert schema["required"] == ["persons"]


def test_assumptions_follow_the_household():
    free = parse_household(
        {"persons": [{"id": "a", "role": "applicant", "birth_date": "1980-01-01"}]}, "2026-06"
    )
    texts = [text.en for text in compute(free).assumptions]
    assert any("flat-rate housing amount" in text for text in texts)
    # Nothing of N-2 reads this person's income (no child, no disability): no sentence about it.
    assert not any("No income is given for" in text for text in texts)
    with_child = parse_household(
        {
            "persons": [
                {"id": "a", "role": "applicant", "birth_date": "1980-01-01"},
                {"id": "e", "role": "child", "birth_date": "2020-01-01"},
            ]
        },
        "2026-06",
    )
    texts = [text.en for text in compute(with_child).assumptions]
    assert any("No income is given for 2024" in text for text in texts)
    tenant = parse_household(
        {
            "persons": [
                {
                    "id": "a",
                    "role": "applicant",
                    "birth_date": "1980-01-01",
                    "yearly_taxable_income": {"2024": {"salary": 15000}},
                }
            ],
            "housing": {"status": "tenant_private", "rent": 500, "commune_insee": "69123"},
        },
        "2026-06",
    )
    texts = [text.fr for text in compute(tenant).assumptions]
    assert any("commune 69123" in text for text in texts)
    assert not any("forfait logement" in text or "Aucun revenu" in text for text in texts)


def test_a_person_of_aspa_age_is_told_the_aspa_comes_before_the_rsa():
    def household(birth_date):
        return parse_household(
            {"persons": [{"id": "a", "role": "applicant", "birth_date": birth_date}]}, "2026-06"
        )

    def aspa_notes(result):
        return [text.fr for text in result.assumptions if "ASPA" in text.fr]

    # 65 on 1 June 2026 (CSS L815-1): the note; 64: none (ages are counted as OpenFisca does, see ages.py).
    assert aspa_notes(compute(household("1961-05-15"))) == [
        "Une personne du foyer a 65 ans ou plus : l’allocation de solidarité aux personnes âgées (ASPA, "
        "« minimum vieillesse ») se demande à la caisse de retraite. Elle passe avant le RSA : le RSA et la "
        "prime d’activité estimés ici déduisent l’ASPA estimée (CASF L262-10, R262-6 ; CSS L815-1, L842-4)."
    ]
    assert aspa_notes(compute(household("1961-07-01"))) == []
