"""Answers → neutral household: a pure function, tested without the web."""

from benefits.rules import parse_household, required_months
from benefits.simulator.household_builder import build_household, history_months, recent_months

ANSWERS = {
    "couple": True,
    "applicant": {
        "birth_date": "1990-03-10",
        "activity": "employed",
        "disability": "none",
        "nationality": "fr",
    },
    "partner": {
        "birth_date": "1988-01-02",
        "activity": "inactive",
        "disability": "80",
        "rsdae": False,
        "nationality": "autre",
        "permit_years": 6,
    },
    "children": [{"birth_date": "2019-09-01"}],
    "housing": {"status": "tenant_social", "rent": "480.50", "commune": "69123", "zone": ""},
    "incomes": {
        "applicant": {
            "salary": "1500",
            "salary_by_month": {"2026-05": "1700", "2026-06": ""},
            "taxable_n2": "18000",
        },
        "partner": {"salary": "0", "invalidity": "300"},
    },
}


def test_same_every_month_fills_every_month_the_rules_read_and_a_detail_replaces_it():
    household = build_household(ANSWERS, "2026-06")
    salary = household["persons"][0]["incomes"]["salary"]
    needed = required_months("2026-06")
    assert min(salary) == needed["monthly_from"] and max(salary) == needed["monthly_to"]
    assert len(salary) == len(history_months("2026-06"))
    assert salary["2026-05"] == 1700 and salary["2026-06"] == 1500 and salary["2025-01"] == 1500
    assert household["persons"][0]["yearly_taxable_income"] == {"2024": {"salary": 18000.0}}


def test_the_household_is_valid_for_the_core():
    household = build_household(ANSWERS, "2026-06")
    parsed = parse_household(household, "2026-06")
    assert len(parsed.persons) == 3
    partner = household["persons"][1]
    assert partner["disability_rate"] == 0.8 and partner["residence_permit_years"] == 6
    assert partner["incomes"] == {"invalidity_pension": dict.fromkeys(history_months("2026-06"), 300.0)}
    assert household["housing"] == {"status": "tenant_social", "rent": 480.5, "commune_insee": "69123"}


def test_no_income_means_no_series_and_a_single_person_has_no_partner():
    answers = dict(ANSWERS, couple=False, incomes={"applicant": {"salary": "0"}})
    household = build_household(answers, "2026-06")
    assert [p["role"] for p in household["persons"]] == ["applicant", "child"]
    assert "incomes" not in household["persons"][0]


def test_recent_months_are_the_quarter_and_the_month():
    assert recent_months("2026-01") == ["2025-10", "2025-11", "2025-12", "2026-01"]
