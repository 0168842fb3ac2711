"""French explanation lines use French number formats (issue 17 E); English lines keep English ones."""

import random

from benefits.rules import compute, parse_household
from benefits.rules.text import _scanned, _substituted, french_typography

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


PIECES = (
    "0", "1", "2", "9", "20", "2026", "-", "-0", "12", "05", "10", "13", "00", ".", ",", ".5", ", ", " ",
    "  ", "%", "€", "€ ", " €", " %", "(s)", "s", "(", "x", "_", "é", "Mois ", "Mois", "mois ",
    " personne", "enfant", NBSP, "’", "²", "½", "٣", ":", "a", "M", "2026-09", "2025-1", "1148.90",
    "-12.30", "2.6850%", "(1 enfant(s))",
)  # fmt: skip


def test_the_compiled_core_s_scans_rewrite_lines_as_the_regular_expressions_do():
    draw = random.Random(20261201)
    for _ in range(20_000):
        label = "".join(draw.choice(PIECES) for _ in range(draw.randint(1, 14)))
        assert _scanned(label) == _substituted(label), label
