"""Answers of the questionnaire → a household in the neutral format (pure function, no Django).

"Same every month" amounts fill every month the rules read (January of N-1 to M); an amount typed for
one of the last months replaces it for that month. Yearly taxable income is given for N-2.
"""

from decimal import Decimal

from benefits.rules import required_months
from benefits.rules.months import month_index, month_label

# The rules only need to know whether a foreign national comes from the EEA (or Switzerland):
# one representative country code stands for each group.
NATIONALITY_CODES = {"fr": "FR", "eee": "DE", "autre": "MA"}
RECENT_MONTHS = 4  # M-3..M: the RSA / prime d'activité quarter and the month itself


def recent_months(month: str) -> list[str]:
    index = month_index(month)
    return [month_label(i) for i in range(index - RECENT_MONTHS + 1, index + 1)]


def history_months(month: str) -> list[str]:
    """Every month the rules read for `month` (the core says which: January of N-1 to M today)."""
    needed = required_months(month)
    return [
        month_label(i)
        for i in range(month_index(needed["monthly_from"]), month_index(needed["monthly_to"]) + 1)
    ]


def taxable_year(month: str) -> str:
    """The year of the taxable income that family benefits read (N-2)."""
    return required_months(month)["yearly"][0]


def _amount(value) -> float:
    return float(Decimal(str(value))) if value not in (None, "") else 0.0


def person_incomes(month: str, incomes: dict) -> tuple[dict, dict]:
    """Monthly series and yearly taxable income of one adult from the answers of the income page."""
    months = history_months(month)
    recent = set(recent_months(month))
    series: dict[str, dict[str, float]] = {}
    salary = _amount(incomes.get("salary"))
    overrides = incomes.get("salary_by_month") or {}
    for m in months:
        value = _amount(overrides[m]) if m in recent and overrides.get(m) not in (None, "") else salary
        if value > 0:
            series.setdefault("salary", {})[m] = value
    for answer, kind in (
        ("unemployment", "unemployment_benefit"),
        ("pension", "pension"),
        ("alimony", "alimony_received"),
        ("invalidity", "invalidity_pension"),
        ("self_employment", "self_employment"),
    ):
        value = _amount(incomes.get(answer))
        if value > 0:
            series[kind] = dict.fromkeys(months, value)
    yearly = {}
    taxable = _amount(incomes.get("taxable_n2"))
    if taxable > 0:
        yearly[taxable_year(month)] = {"salary": taxable}
    return series, yearly


def adult(month: str, role: str, person: dict, incomes: dict) -> dict:
    out = {"id": role[0], "role": role, "birth_date": person["birth_date"], "activity": person["activity"]}
    nationality = person.get("nationality", "fr")
    out["nationality"] = NATIONALITY_CODES.get(nationality, "FR")
    if nationality != "fr":
        out["residence_permit_years"] = int(person.get("permit_years") or 0)
    if person.get("activity") == "unemployed" and person.get("unemployed_since"):
        out["unemployed_since"] = person["unemployed_since"]
    rate = person.get("disability") or "none"
    if rate != "none":
        out["disability_rate"] = {"50": 0.5, "80": 0.8}[rate]
        out["disability_employment_restriction"] = bool(person.get("rsdae"))
    series, yearly = person_incomes(month, incomes or {})
    if series:
        out["incomes"] = series
    if yearly:
        out["yearly_taxable_income"] = yearly
    return out


def build_household(answers: dict, month: str) -> dict:
    persons = [adult(month, "applicant", answers["applicant"], answers.get("incomes", {}).get("applicant"))]
    if answers.get("couple") and answers.get("partner"):
        persons.append(adult(month, "partner", answers["partner"], answers.get("incomes", {}).get("partner")))
    for number, child in enumerate(answers.get("children", []), start=1):
        persons.append({"id": f"c{number}", "role": "child", "birth_date": child["birth_date"]})
    housing_answers = answers.get("housing") or {"status": "hosted_free"}
    housing = {"status": housing_answers["status"]}
    if housing_answers["status"] in (
        "tenant_private",
        "tenant_private_furnished",
        "tenant_social",
        "owner_with_loan",
    ):
        housing["rent"] = _amount(housing_answers.get("rent"))
    if housing_answers.get("zone"):
        housing["zone"] = int(housing_answers["zone"])
    if housing_answers.get("commune"):
        housing["commune_insee"] = housing_answers["commune"]
    household = {"id": "simulation", "month": month, "persons": persons, "housing": housing}
    if not answers.get("couple") and answers.get("single_parent_since"):
        household["single_parent_since"] = answers["single_parent_since"]
    maintenance = answers.get("other_parent_maintenance")
    if not answers.get("couple") and persons[-1]["role"] == "child" and maintenance in ("oui", "non"):
        # "oui" with no amount (answers changed since the income step) counts as not paid: the core
        # needs the amount, and the check page shows the answer to correct.
        paid = maintenance == "oui" and "alimony_received" in (persons[0].get("incomes") or {})
        household["other_parent_pays_maintenance"] = paid
    return household
