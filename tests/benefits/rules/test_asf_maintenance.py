"""The ASF and the other parent's maintenance (CSS L523-1 I 3° and 4°, R523-1; issue 17 E)."""

import pytest

from benefits.rules import compute, parse_household
from benefits.rules.assumptions import NO_MAINTENANCE
from benefits.rules.errors import HouseholdInputError


def single_mother(alimony: float | None = None, **extra) -> dict:
    mother = {"id": "m", "role": "applicant", "birth_date": "1990-01-01", "incomes": {}}
    if alimony is not None:
        mother["incomes"]["alimony_received"] = {"2026-09": alimony}
    child = {"id": "c", "role": "child", "birth_date": "2018-05-01"}
    return {"month": "2026-09", "persons": [mother, child], "housing": {"status": "hosted_free"}, **extra}


def asf(data: dict):
    return compute(parse_household(data), explain=True)


def test_not_asked_gives_the_full_asf_and_says_so():
    result = asf(single_mother())
    assert result.benefits["asf"].amount > 0
    assert NO_MAINTENANCE in result.assumptions


def test_asked_and_not_paid_gives_the_full_asf_without_the_assumption():
    unasked = asf(single_mother())
    result = asf(single_mother(other_parent_pays_maintenance=False))
    assert result.benefits["asf"].amount == unasked.benefits["asf"].amount
    assert NO_MAINTENANCE not in result.assumptions


def test_a_maintenance_below_the_asf_gives_the_differential_asf():
    full = asf(single_mother()).benefits["asf"].amount
    result = asf(single_mother(100, other_parent_pays_maintenance=True))
    assert result.benefits["asf"].amount == full - 100
    assert NO_MAINTENANCE not in result.assumptions


def test_a_maintenance_at_least_the_asf_gives_no_asf():
    full = float(asf(single_mother()).benefits["asf"].amount)
    assert asf(single_mother(full, other_parent_pays_maintenance=True)).benefits["asf"].amount == 0
    assert asf(single_mother(full + 50, other_parent_pays_maintenance=True)).benefits["asf"].amount == 0


def test_paid_needs_its_amount_and_the_answer_is_a_boolean():
    with pytest.raises(HouseholdInputError, match="alimony_received"):
        parse_household(single_mother(other_parent_pays_maintenance=True))
    with pytest.raises(HouseholdInputError, match="other_parent_pays_maintenance"):
        parse_household(single_mother(other_parent_pays_maintenance="yes"))


def test_a_couple_is_not_told_the_assumption():
    data = single_mother()
    data["persons"].append({"id": "p", "role": "partner", "birth_date": "1990-01-01", "incomes": {}})
    assert NO_MAINTENANCE not in asf(data).assumptions
