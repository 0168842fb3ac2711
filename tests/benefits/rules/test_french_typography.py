"""French explanation lines use French number formats (issue 17 E); English lines keep English ones."""

from benefits.rules import compute, parse_household
from benefits.rules.text import french_typography

NBSP = "\u00a0"


def test_amounts_rates_months_and_plurals_are_written_the_french_way():
    assert french_typography("Loyer 1148.90 €") == f"Loyer 1{NBSP}148,90{NBSP}€"
    assert french_typography("revenus 9800 €") == f"revenus 9{NBSP}800{NBSP}€"
    assert french_typography("taux 2.6850%") == f"taux 2,685{NBSP}%"
    assert french_typography("42,2 % de la BMAF") == f"42,2{NBSP}% de la BMAF"
    assert french_typography("Mois 2026-09 : forfaitaire") == "Septembre 2026 : forfaitaire"
    assert french_typography("pour 3 personne(s)") == "pour 3 personnes"
    assert french_typography("(1 enfant(s))") == "(1 enfant)"
    assert french_typography("-12.30 €") == f"-12,30{NBSP}€"


def test_the_explained_result_is_french_in_french_and_english_in_english():
    household = parse_household(
        {
            "month": "2026-09",
            "persons": [{"id": "a", "role": "applicant", "birth_date": "1990-01-01", "incomes": {}}],
            "housing": {"status": "tenant_private", "rent": 550, "zone": 2},
        }
    )
    result = compute(household, explain=True)
    french = [step.label.fr for benefit in result.benefits.values() for step in benefit.steps]
    english = [step.label.en for benefit in result.benefits.values() for step in benefit.steps]
    assert any(f"{NBSP}€" in line for line in french)
    assert not [line for line in french if " €" in line or "(s)" in line]
    assert any(" €" in line for line in english)
