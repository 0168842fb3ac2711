"""Housing aid says why a couple's 12-month income is 0 when one is unemployed without benefit (issue 17, D5)."""

from benefits.rules import compute, parse_household
from benefits.rules.explain import replay

MONTHS = [f"{year}-{month:02d}" for year in (2025, 2026) for month in range(1, 13)]


def couple(applicant_activity: str) -> dict:
    applicant = {"id": "a", "role": "applicant", "birth_date": "1988-04-02", "activity": applicant_activity}
    if applicant_activity == "unemployed":
        applicant["unemployed_since"] = "2026-01-01"
    partner = {
        "id": "b",
        "role": "partner",
        "birth_date": "1987-06-01",
        "activity": "employed",
        "incomes": {"salary": dict.fromkeys(MONTHS, 1600.0)},
    }
    return {
        "id": "d5",
        "month": "2026-11",
        "housing": {"status": "tenant_private", "rent": 700, "zone": 2},
        "persons": [applicant, partner],
    }


def housing_aid(household):
    result = compute(parse_household(household, "2026-11"), "2026-11", explain=True)
    return result.benefits["aide_logement"]


def test_the_neutralised_income_is_explained_with_its_article_and_the_reading_of_it():
    aid = housing_aid(couple("unemployed"))
    notes = [step for step in aid.steps if step.legal_basis == "CCH R822-15"]
    assert len(notes) == 1 and notes[0].op == "i" and notes[0].amount is None
    text = notes[0].label.get("fr")
    assert "comptés pour 0\u00a0€" in text and "chômage sans indemnisation depuis au moins deux mois" in text
    assert "la CAF peut retenir ceux de l’autre" in text  # the article names "l'intéressé" only
    assert "unemployed without benefit" in notes[0].label.get("en")
    assert replay(aid.steps) == aid.amount  # an information step changes no amount


def test_no_such_note_when_nothing_is_neutralised():
    aid = housing_aid(couple("inactive"))
    assert not [step for step in aid.steps if step.legal_basis.startswith("CCH R822-1")]
