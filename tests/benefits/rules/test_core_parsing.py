"""Parsing and validation of the neutral household format: every problem, with its JSON path, in
French and English, never a bare exception."""

import copy
import dataclasses

import pytest

from benefits.rules import HouseholdInputError, parse_household
from benefits.rules.errors import InputError

VALID = {
    "id": "ok",
    "month": "2026-06",
    "persons": [
        {
            "id": "a",
            "role": "applicant",
            "birth_date": "1985-03-10",
            "activity": "employed",
            "incomes": {"salary": {"2026-03": 1600, "2026-04": 1600}, "salary_taxable": {"2026-03": 1660}},
            "yearly_taxable_income": {"2024": {"salary": 20000}},
        },
        {"id": "b", "role": "partner", "birth_date": "1987-07-01", "disability_rate": 0.8},
        {"id": "c1", "role": "child", "birth_date": "2012-01-15"},
    ],
    "housing": {"status": "tenant_private", "rent": 750, "zone": 2},
}


def errors_of(data, month=None) -> dict[str, InputError]:
    with pytest.raises(HouseholdInputError) as caught:
        parse_household(data, month)
    errors = caught.value.errors
    assert errors, "HouseholdInputError without errors"
    for error in errors:
        assert isinstance(error, InputError)
        assert error.message_fr and error.message_en and error.message_fr != error.message_en
    return {error.path: error for error in errors}


def with_changes(change) -> dict:
    data = copy.deepcopy(VALID)
    change(data)
    return data


def test_a_valid_household_becomes_frozen_dataclasses():
    parsed = parse_household(VALID)
    assert parsed.month is not None and parsed.applicant.id == "a" and parsed.partner.id == "b"
    assert [c.id for c in parsed.children] == ["c1"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.id = "other"
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.persons[0].birth_date = None
    assert not hasattr(parsed, "__dict__"), "dataclasses use __slots__"


def test_taxable_salary_defaults_to_the_net_salary_month_by_month():
    person = parse_household(VALID).applicant
    march, april = 2026 * 12 + 2, 2026 * 12 + 3
    assert person.income("salary_taxable", march) == 1660
    assert person.income("salary_taxable", april) == 1600


def test_child_born_more_than_nine_months_after_the_computed_month():
    # Within nine months it is an expected child (issue 15; tests/benefits/rules/test_extra_benefits.py).
    data = with_changes(lambda d: d["persons"][2].update(birth_date="2027-04-01"))
    assert "persons[2].birth_date" in errors_of(data)


def test_unknown_housing_status():
    errors = errors_of(with_changes(lambda d: d["housing"].update(status="castle")))
    assert "castle" in errors["housing.status"].message_fr


def test_negative_income_is_refused_with_its_path():
    data = with_changes(lambda d: d["persons"][0]["incomes"]["salary"].update({"2026-04": -5}))
    assert "négatif" in errors_of(data)["persons[0].incomes.salary.2026-04"].message_fr


@pytest.mark.parametrize("month", ["2024-12", "2027-01"])
def test_month_outside_the_supported_range(month):
    assert "2025-01" in errors_of(VALID, month)["month"].message_fr


def test_missing_applicant_and_two_partners():
    data = with_changes(lambda d: d["persons"].__setitem__(0, {**d["persons"][0], "role": "partner"}))
    with pytest.raises(HouseholdInputError) as caught:
        parse_household(data)
    messages = [e.message_en for e in caught.value.errors]
    assert any("applicant" in m for m in messages)
    assert any("only one partner" in m for m in messages)


def test_unknown_fields_at_every_level():
    def change(d):
        d["colour"] = "blue"
        d["persons"][1]["shoe_size"] = 42
        d["housing"]["floor"] = 3
        d["persons"][0]["incomes"]["lottery"] = {"2026-01": 10}

    errors = errors_of(with_changes(change))
    assert {"colour", "persons[1].shoe_size", "housing.floor", "persons[0].incomes.lottery"} <= set(errors)


def test_tenant_without_rent_nor_location():
    errors = errors_of(with_changes(lambda d: d.__setitem__("housing", {"status": "tenant_social"})))
    assert "housing.rent" in errors and "housing.zone" in errors


def test_unknown_commune_without_zone():
    errors = errors_of(
        with_changes(
            lambda d: d.__setitem__(
                "housing", {"status": "tenant_private", "rent": 5, "commune_insee": "99999"}
            )
        )
    )
    assert "housing.commune_insee" in errors


@pytest.mark.parametrize(
    ("path", "change"),
    [
        ("persons[0].birth_date", lambda d: d["persons"][0].update(birth_date="10/03/1985")),
        ("persons[0].birth_date", lambda d: d["persons"][0].update(birth_date="1985-02-30")),
        ("month", lambda d: d.update(month="2026-13")),
        ("single_parent_since", lambda d: d.update(single_parent_since="2026")),
        (
            "persons[0].incomes.salary.2026-4",
            lambda d: d["persons"][0]["incomes"]["salary"].update({"2026-4": 1}),
        ),
        (
            "persons[0].yearly_taxable_income.24",
            lambda d: d["persons"][0]["yearly_taxable_income"].update({"24": {}}),
        ),
        ("persons[1].disability_rate", lambda d: d["persons"][1].update(disability_rate=80)),
        ("persons[0].unemployed_since", lambda d: d["persons"][0].update(unemployed_since="2025-01-01")),
        ("persons[0].role", lambda d: d["persons"][0].update(role="boss")),
        ("housing.zone", lambda d: d["housing"].update(zone=4)),
        ("persons[2].id", lambda d: d["persons"][2].update(id="a")),
    ],
)
def test_malformed_values_name_their_path(path, change):
    assert path in errors_of(with_changes(change))


def test_every_problem_is_listed_at_once():
    def change(d):
        d["persons"][2]["birth_date"] = "2030-01-01"
        d["persons"][0]["incomes"]["salary"]["2026-04"] = -1
        d["housing"] = {"status": "tenant_private"}
        d["extra"] = True

    errors = errors_of(with_changes(change))
    assert {"persons[2].birth_date", "persons[0].incomes.salary.2026-04", "housing.rent", "extra"} <= set(
        errors
    )
    with pytest.raises(HouseholdInputError) as caught:
        parse_household(with_changes(change))
    assert "persons[2].birth_date" in str(caught.value)
    assert all({"path", "message", "message_en"} <= set(row) for row in caught.value.as_list())


@pytest.mark.parametrize("data", [None, [], "household", {"persons": "x"}, {"persons": []}, {"persons": [1]}])
def test_wrong_shapes_raise_the_typed_error(data):
    with pytest.raises(HouseholdInputError):
        parse_household(data, "2026-06")


@pytest.mark.parametrize("month", ["2027-01", "2024-12", "2026-6", "juin", None])
def test_compute_refuses_a_bad_month_with_the_typed_error(month):
    from benefits.rules import compute

    household = parse_household({"persons": [{"id": "a", "role": "applicant", "birth_date": "1980-01-01"}]})
    with pytest.raises(HouseholdInputError) as caught:
        compute(household, month)
    assert caught.value.errors[0].path == "month" and caught.value.errors[0].message_en
