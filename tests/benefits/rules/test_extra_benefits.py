"""Hand-made cases of the extra benefits at their thresholds, the new household fields, and the CLI."""

import json
import subprocess
import sys
from decimal import Decimal

import pytest

from benefits.rules import HouseholdInputError, compute, parse_household
from benefits.rules.explain import replay

BMAF_2026 = 478.16  # from 2026-04-01 (parameters/bmaf.yaml)


def household(*children, month="2026-06", applicant=None, partner=None, housing=None, **extra):
    persons = [{"id": "a", "role": "applicant", "birth_date": "1990-01-01", **(applicant or {})}]
    if partner is not None:
        persons.append({"id": "b", "role": "partner", "birth_date": "1990-06-01", **partner})
    persons += [{"id": f"c{i}", "role": "child", **child} for i, child in enumerate(children)]
    data = {"persons": persons, "housing": housing or {"status": "hosted_free"}, **extra}
    return parse_household(data, month)


def extras(h, month="2026-06"):
    result = compute(h, month, extra=True)
    for name, benefit in result.extras.items():
        assert replay(benefit.steps) == benefit.amount, name
    return result.extras


def amount(h, name, month="2026-06"):
    return extras(h, month)[name].amount


def money(value):
    return Decimal(str(value)).quantize(Decimal("0.01"))


# --- expected child and new fields -------------------------------------------------------------------
def test_an_expected_child_within_nine_months_is_accepted_and_later_refused():
    assert household({"birth_date": "2027-03-15"}).children[0].birth_date.year == 2027
    with pytest.raises(HouseholdInputError) as error:
        household({"birth_date": "2027-04-01"})
    assert error.value.errors[0].path == "persons[1].birth_date"
    assert "neuf mois" in error.value.errors[0].message_fr


def test_an_adult_born_after_the_month_is_still_refused():
    with pytest.raises(HouseholdInputError) as error:
        household(applicant={"birth_date": "2026-08-01"})
    assert error.value.errors[0].message_fr == "La date de naissance est postérieure au mois calculé."


@pytest.mark.parametrize(
    ("child", "path"),
    [
        ({"birth_date": "2015-01-01", "aeeh_category": 7}, "persons[1].aeeh_category"),
        ({"birth_date": "2015-01-01", "aeeh_category": True}, "persons[1].aeeh_category"),
        ({"birth_date": "2015-01-01", "aeeh_specialised_care": "yes"}, "persons[1].aeeh_specialised_care"),
        ({"birth_date": "2015-01-01", "adoption_date": "2014-01-01"}, "persons[1].adoption_date"),
    ],
)
def test_invalid_child_fields_are_reported_with_their_path(child, path):
    with pytest.raises(HouseholdInputError) as error:
        household(child)
    assert [e.path for e in error.value.errors] == [path]


def test_child_fields_are_refused_on_an_adult():
    with pytest.raises(HouseholdInputError) as error:
        household(applicant={"aeeh_category": 2})
    assert error.value.errors[0].path == "persons[0].aeeh_category"


def test_childcare_is_validated():
    with pytest.raises(HouseholdInputError) as error:
        household(childcare={"mode": "creche", "monthly_cost": -3, "monthly_hours": 1000, "x": 1})
    assert {e.path for e in error.value.errors} == {
        "childcare.x",
        "childcare.mode",
        "childcare.monthly_cost",
        "childcare.monthly_hours",
    }


def test_default_output_has_no_extra_key():
    h = household({"birth_date": "2026-08-01"})
    assert "extra" not in compute(h).to_dict()
    out = compute(h, extra=True).to_dict()
    assert set(out["extra"]) == {"paje_base", "paje_naissance", "cmg", "aeeh", "mva", "aspa"}
    assert set(out["extra_explanation"]) == set(out["extra"])


# --- PAJE ---------------------------------------------------------------------------------------------
def test_paje_base_follows_the_law_timing():
    baby = {"birth_date": "2026-05-20"}
    assert amount(household(baby, month="2026-05"), "paje_base", "2026-05") == 0  # birth month
    full = money(BMAF_2026 * 0.4165)
    assert amount(household(baby), "paje_base") == full  # month after the birth
    assert amount(household({"birth_date": "2023-07-20"}), "paje_base") == full  # month before 3rd birthday
    assert amount(household({"birth_date": "2023-06-20"}), "paje_base") == 0  # month of the 3rd birthday
    pregnant = extras(household({"birth_date": "2026-10-01"}))["paje_base"]
    assert pregnant.amount == 0 and "prime à la naissance" in pregnant.blocking_reason.fr


def test_paje_base_rates_at_the_ceilings():
    def with_income(salary):
        return household(
            {"birth_date": "2026-01-10"}, applicant={"yearly_taxable_income": {"2024": {"salary": salary}}}
        )

    # Single parent, 1 child, 2026 ceilings: full rate up to 24 853 × 1.25 + 9 989 = 41 055.25 € of
    # net N-2 income (salary after the 10 % deduction); partial up to 29 694 × 1.25 + 11 936 = 49 053.5 €.
    assert amount(with_income(45_000), "paje_base") == money(BMAF_2026 * 0.4165)  # 40 500 net
    assert amount(with_income(46_000), "paje_base") == money(BMAF_2026 * 0.4165 / 2)  # 41 400 net
    assert amount(with_income(54_600), "paje_base") == 0  # 49 140 net


def test_prime_a_la_naissance_in_the_seventh_month_only():
    prime = money(round(BMAF_2026 * 2.2975, 2))
    assert amount(household({"birth_date": "2026-08-15"}), "paje_naissance") == prime
    later = extras(household({"birth_date": "2026-09-15"}))["paje_naissance"]
    assert later.amount == 0 and "en juillet 2026" in later.blocking_reason.fr
    twins = household({"birth_date": "2026-08-15"}, {"birth_date": "2026-08-15"})
    assert amount(twins, "paje_naissance") == 2 * prime
    assert extras(household({"birth_date": "2026-08-15"}))["paje_naissance"].period == "once"


def test_prime_a_l_adoption_the_month_after_the_arrival():
    adopted = {"birth_date": "2020-02-01", "adoption_date": "2026-05-10"}
    assert amount(household(adopted), "paje_naissance") == money(round(BMAF_2026 * 4.595, 2))
    assert amount(household(adopted, month="2026-07"), "paje_naissance", "2026-07") == 0


# --- AEEH ---------------------------------------------------------------------------------------------
def test_aeeh_base_needs_80_percent_or_specialised_care():
    assert amount(household({"birth_date": "2015-01-01", "disability_rate": 0.79}), "aeeh") == 0
    cared = {"birth_date": "2015-01-01", "disability_rate": 0.5, "aeeh_specialised_care": True}
    assert amount(household(cared), "aeeh") == money(BMAF_2026 * 0.32)
    assert amount(household({"birth_date": "2015-01-01", "disability_rate": 0.8}), "aeeh") == money(
        BMAF_2026 * 0.32
    )
    assert (
        amount(household({"birth_date": "2006-01-01", "disability_rate": 0.9}), "aeeh") == 0
    )  # 20 years old


def test_aeeh_complement_and_single_parent_majoration():
    child = {"birth_date": "2015-01-01", "disability_rate": 0.9, "aeeh_category": 4}
    single = amount(household(child), "aeeh")
    couple = amount(household(child, partner={}), "aeeh")
    assert couple == money(BMAF_2026 * (0.32 + 1.4257))
    assert single == money(BMAF_2026 * (0.32 + 1.4257 + 0.57))
    sixth = extras(household({**child, "aeeh_category": 6}, partner={}))["aeeh"]
    assert sixth.amount == money(BMAF_2026 * 0.32)
    assert any("6e catégorie" in step.label.fr for step in sixth.steps)


# --- CMG ----------------------------------------------------------------------------------------------
def test_cmg_is_not_estimated_and_points_to_monenfant():
    care = {"mode": "assistante_maternelle", "monthly_cost": 600, "monthly_hours": 120}
    result = extras(household({"birth_date": "2024-01-01"}, childcare=care))["cmg"]
    assert result.amount == 0 and "monenfant.fr" in result.blocking_reason.fr
    assert any("5,00\u00a0€ de l’heure" in step.label.fr for step in result.steps)
    too_old = extras(household({"birth_date": "2019-01-01"}, partner={}, childcare=care))["cmg"]
    assert "moins de 6 ans" in too_old.blocking_reason.fr


# --- MVA ----------------------------------------------------------------------------------------------
TENANT = {"status": "tenant_private", "rent": 500, "zone": 2}


def test_mva_for_aah_at_80_percent_with_housing_aid_and_no_work():
    assert amount(household(applicant={"disability_rate": 0.8}, housing=TENANT), "mva") == Decimal("104.77")
    assert (
        amount(
            household(
                applicant={"disability_rate": 0.79, "disability_employment_restriction": True}, housing=TENANT
            ),
            "mva",
        )
        == 0
    )
    assert amount(household(applicant={"disability_rate": 0.8}), "mva") == 0  # housed free: no housing aid
    worked = {"disability_rate": 0.8, "incomes": {"salary": {"2025-07": 300}}}
    assert amount(household(applicant=worked, housing=TENANT), "mva") == 0  # pay within 12 months


# --- ASPA ---------------------------------------------------------------------------------------------
def pensioner(pension, month="2026-06", **kwargs):
    months = [f"2026-{m:02d}" for m in range(1, 7)]
    applicant = {
        "birth_date": "1955-01-01",
        "activity": "retired",
        "incomes": {"pension": dict.fromkeys(months, pension)},
    }
    return household(applicant=applicant, month=month, **kwargs)


def test_aspa_single_is_the_maximum_minus_resources():
    assert amount(pensioner(0), "aspa") == money(12523.14 / 12)
    assert amount(pensioner(500), "aspa") == money(12523.14 / 12 - 500)
    assert amount(pensioner(1100), "aspa") == 0
    young = household(applicant={"birth_date": "1962-01-01"})
    assert amount(young, "aspa") == 0


def test_aspa_tells_it_comes_before_the_rsa():
    result = extras(pensioner(0))["aspa"]
    assert any("passe avant le RSA" in step.label.fr for step in result.steps)


def test_aspa_couple_both_entitled():
    h = pensioner(300, partner={"birth_date": "1956-01-01"})
    assert amount(h, "aspa") == money(19442.21 / 12 - 300)


# --- CLI ----------------------------------------------------------------------------------------------
def test_cli_extra_flag(tmp_path):
    data = {
        "month": "2026-06",
        "persons": [
            {"id": "a", "role": "applicant", "birth_date": "1990-01-01"},
            {"id": "c", "role": "child", "birth_date": "2026-08-01"},
        ],
    }
    path = tmp_path / "h.json"
    path.write_text(json.dumps(data))
    plain = subprocess.run(
        [sys.executable, "-m", "benefits.rules", "compute", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "extra" not in json.loads(plain.stdout)[0]
    out = subprocess.run(
        [sys.executable, "-m", "benefits.rules", "compute", str(path), "--extra"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout)[0]["extra"]["paje_naissance"] == round(round(BMAF_2026 * 2.2975, 2), 2)
