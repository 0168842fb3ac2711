"""A letter's calculation table names its benefit with the right article: "Calcul de la prime
d’activité", never "Calcul de Prime d’activité" (benefits/labels.py, BENEFIT_OF)."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from benefits.labels import BENEFIT_LABELS, BENEFIT_OF
from benefits.letters.presenters import benefits

FRENCH = {
    "ppa": "Calcul de la prime d’activité",
    "rsa": "Calcul du RSA (revenu de solidarité active)",
    "aide_logement": "Calcul de l’aide au logement (APL, ALF ou ALS)",
    "aah": "Calcul de l’allocation aux adultes handicapés (AAH)",
    "af": "Calcul des allocations familiales",
    "cf": "Calcul du complément familial",
    "asf": "Calcul de l’allocation de soutien familial",
    "ars": "Calcul de l’allocation de rentrée scolaire",
    "paje_base": "Calcul de l’allocation de base de la PAJE",
    "paje_naissance": "Calcul de la prime à la naissance ou à l’adoption (PAJE)",
    "cmg": "Calcul du complément de libre choix du mode de garde (CMG)",
    "aeeh": "Calcul de l’allocation d’éducation de l’enfant handicapé (AEEH)",
    "mva": "Calcul de la majoration pour la vie autonome",
    "aspa": "Calcul de l’allocation de solidarité aux personnes âgées (ASPA)",
    "auu": "Calcul de l’aide universelle d’urgence",
    "aide_exceptionnelle": "Calcul de l’aide exceptionnelle de solidarité",
}
STEP = {"label": {"fr": "Forfait", "en": "Lump sum"}, "op": "+", "amount": 100.0, "legal_basis": "CSS"}


def line(code: str) -> dict:
    label = BENEFIT_LABELS[code].as_dict() if code in BENEFIT_LABELS else {"fr": code, "en": code}
    return {"name": code, "label": label, "amount": 100.0, "eligible": True, "steps": [STEP]}


def captions(codes, language: str) -> str:
    with translation.override(language):
        return render_to_string(
            "benefits/letters/includes/benefits.html", {"benefits": benefits(map(line, codes))}
        )


def test_every_benefit_of_the_catalogue_has_its_phrase():
    assert set(BENEFIT_OF) == set(BENEFIT_LABELS) == set(FRENCH)


@pytest.mark.parametrize("code", FRENCH)
def test_the_french_heading_names_the_benefit_with_its_article(code):
    html = captions([code], "fr")
    assert f"<caption>{FRENCH[code]}, étape par étape, avec sa base légale</caption>" in html
    assert f"Calcul de {BENEFIT_LABELS[code].fr}" not in html


def test_the_english_heading():
    assert (
        "<caption>Calculation of the prime d’activité (in-work bonus), step by step, with its legal basis"
        in (captions(["ppa"], "en"))
    )
    assert "<caption>Calculation of family allowances, step by step" in captions(["af"], "en")


def test_a_benefit_unknown_to_the_catalogue_keeps_its_label_in_front():
    html = captions(["nouvelle_aide"], "fr")
    assert "<caption>nouvelle_aide\u00a0: calcul étape par étape, avec sa base légale</caption>" in html
