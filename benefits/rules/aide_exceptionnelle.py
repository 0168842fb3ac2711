"""Aide exceptionnelle de solidarité: a one-off aid, modelled on décret n° 2020-519 du 5 mai 2020.

That decree (JO du 6 mai 2020) paid, once per household ("une seule aide est due par foyer", art. 1er
II), with the rights of April or May 2020:
- 150 € to a household whose RSA due for the month is not nil (art. 2 I), plus 100 € per dependent
  child (art. 2 IV);
- 100 € per dependent child to a household receiving a housing aid (APL, ALF, ALS) and not the RSA
  (art. 2 III) — nothing for a housing-aid household without children.
Dependent children are those of the family benefits: under 20 and not earning 55 % of the SMIC
(CSS L512-3, R512-2; the decree refers to them). The ASS, the prime forfaitaire and the AER the decree
also names are paid by France Travail, not the CAF, and are not computed here.

Unlike the eight monthly benefits, the aid depends on the rights actually paid for the month (the
decree says "bénéficiaires de"), so it takes them as an input instead of recomputing them; it is not
part of `compute()`. Amounts come from parameters/aide_exceptionnelle/ (dated like every parameter).
"""

from collections.abc import Mapping
from decimal import Decimal

from benefits.rules.explain import BenefitResult, Trace
from benefits.rules.household import Household
from benefits.rules.months import month_index
from benefits.rules.situation import Situation
from benefits.rules.text import Text, english_count

NAME = "aide_exceptionnelle"
LABEL = Text("Aide exceptionnelle de solidarité", "Exceptional solidarity aid")
BASIS = "Décret n° 2020-519 du 5 mai 2020"


def aide_exceptionnelle(
    household: Household, month: str, rights: Mapping[str, Decimal], explain: bool = True
) -> BenefitResult:
    """The aid of `household` for `month`, given its rights paid that month ({benefit: amount})."""
    trace = Trace(explain)
    situation = Situation(household, month_index(month))
    p = situation.params(situation.month).aide_exceptionnelle
    children = len(situation.pf_children(situation.month))
    receives_rsa = Decimal(rights.get("rsa", 0)) > 0
    receives_housing_aid = Decimal(rights.get("aide_logement", 0)) > 0
    amount = 0.0
    if receives_rsa:
        trace.step(
            "=",
            "Versement forfaitaire pour un foyer bénéficiaire du RSA",
            "Lump sum for a household receiving the RSA",
            p.montant_foyer_rsa,
            f"{BASIS}, art. 2 I",
        )
        amount = p.montant_foyer_rsa
    elif receives_housing_aid and children:
        trace.step(
            "i",
            "Foyer bénéficiaire d’une aide au logement, avec des enfants à charge",
            "Household receiving a housing aid, with dependent children",
            None,
            f"{BASIS}, art. 2 III",
        )
    elif receives_housing_aid:
        trace.block(
            "Une aide au logement sans enfant à charge n’ouvre pas droit à l’aide exceptionnelle.",
            "A housing aid without dependent children does not open the exceptional aid.",
            f"{BASIS}, art. 2 III",
        )
    else:
        trace.block(
            "L’aide est versée aux foyers qui perçoivent le RSA ou une aide au logement ce mois-ci.",
            "The aid goes to households receiving the RSA or a housing aid this month.",
            f"{BASIS}, art. 1er",
        )
    if (receives_rsa or receives_housing_aid) and children:
        per_child = children * p.montant_par_enfant
        trace.step(
            "+",
            f"{children} enfant(s) à charge de moins de 20 ans × 100 €",
            f"{english_count(children, 'dependent child', 'dependent children')} under 20 × €100",
            per_child,
            f"{BASIS}, art. 2 III et IV ; CSS L512-3",
        )
        amount += per_child
    return trace.result(NAME, LABEL, amount, period="once")
