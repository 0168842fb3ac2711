"""A reason of the calculation core read after "Pourquoi :" or "Pas de droit estimé —" starts lower-case
in French; acronyms and English keep their capitals; the core's own sentences are unchanged."""

import pytest
from django.utils import translation

from benefits.simulator.services import simulation_save
from portal.templatetags.portal_text import after_colon
from tests.benefits.simulator.test_result_paper import ANSWERS


@pytest.mark.parametrize(
    ("reason", "read"),
    [
        ("Vos ressources dépassent le plafond.", "vos ressources dépassent le plafond."),
        ("L’AAH est réservée aux personnes…", "l’AAH est réservée aux personnes…"),
        ("À partir de 25 ans.", "à partir de 25 ans."),
        ("Étudiant ou étudiante…", "étudiant ou étudiante…"),
        ("RSA non estimé.", "RSA non estimé."),
        ("CAF de Lyon.", "CAF de Lyon."),
        ("AAH : non.", "AAH : non."),
        ("vos ressources", "vos ressources"),
        ("V", "V"),
        ("", ""),
    ],
)
def test_after_a_colon_only_a_capital_before_a_lower_case_letter_is_lowered(reason, read):
    with translation.override("fr"):
        assert after_colon(reason) == read


def test_english_keeps_the_sentence_as_it_is():
    with translation.override("en"):
        assert after_colon("Your resources are too high.") == "Your resources are too high."
        assert after_colon("I cannot") == "I cannot"


@pytest.mark.django_db
def test_the_result_reads_why_in_lower_case_and_the_core_keeps_its_sentence(client):
    simulation = simulation_save(answers=ANSWERS, month="2026-11")
    html = client.get(f"/simulateur/resultat/{simulation.token}/").content.decode()
    assert "Pourquoi\u00a0:</strong> vos ressources des trois derniers mois" in html
    assert "Pourquoi\u00a0:</strong> l’AAH est réservée" in html
    assert "Pourquoi\u00a0:</strong> Vos" not in html
    rsa = simulation.result["explanation"]["rsa"]
    assert str(rsa).count("Vos ressources des trois derniers mois") >= 1


def test_a_declarations_estimate_reads_the_reason_after_its_dash_in_lower_case():
    from django.template.loader import render_to_string

    benefit = {
        "name": "rsa",
        "label": "Revenu de solidarité active (RSA)",
        "amount": 0,
        "amount_text": "0,00\u00a0€",
        "reason": "Vos ressources des trois derniers mois dépassent le montant forfaitaire du RSA.",
        "steps": [],
    }
    with translation.override("fr"):
        html = render_to_string("benefits/claims/includes/estimate.html", {"estimate": [benefit]})
    reason = "vos ressources des trois derniers mois dépassent le montant forfaitaire du RSA."
    assert f"Pas de droit estimé — {reason}" in " ".join(html.split())
