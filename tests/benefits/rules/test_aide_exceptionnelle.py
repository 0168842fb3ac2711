"""The exceptional aid (décret n° 2020-519 du 5 mai 2020): amounts, explanation, parameters and sources."""

from decimal import Decimal

import pytest

from benefits.rules import parse_household
from benefits.rules.aide_exceptionnelle import aide_exceptionnelle
from benefits.rules.explain import replay
from benefits.rules.params import all_parameters

MONTH = "2026-12"


def household(children_born=()):
    persons = [{"id": "a", "role": "applicant", "birth_date": "1985-03-01"}]
    persons += [{"id": f"c{i}", "role": "child", "birth_date": born} for i, born in enumerate(children_born)]
    return parse_household(
        {"id": "h", "persons": persons, "housing": {"status": "tenant_social", "rent": 400, "zone": 2}}, MONTH
    )


@pytest.mark.parametrize(
    ("children", "rights", "expected"),
    [
        ((), {"rsa": "310.55"}, "150.00"),  # art. 2 I
        (("2016-04-02", "2021-09-14"), {"rsa": "310.55"}, "350.00"),  # + 100 € per child, art. 2 IV
        (("2016-04-02",), {"aide_logement": "268.00"}, "100.00"),  # art. 2 III
        (("2016-04-02",), {"rsa": "100", "aide_logement": "268.00"}, "250.00"),  # one aid per household
        ((), {"aide_logement": "268.00"}, "0.00"),  # housing aid without children: nothing
        (("2016-04-02",), {"ppa": "212.40"}, "0.00"),  # prime d'activité alone: not in the decree
        (("2016-04-02",), {"rsa": "0"}, "0.00"),  # an RSA of nil for the month: nothing (art. 2 I)
        (("2005-06-01",), {"aide_logement": "200"}, "0.00"),  # 21 years old: not a dependent child
    ],
)
def test_amounts_follow_the_decree(children, rights, expected):
    rights = {name: Decimal(value) for name, value in rights.items()}
    result = aide_exceptionnelle(household(children), MONTH, rights)
    assert result.amount == Decimal(expected)
    assert result.period == "once"
    assert replay(result.steps) == result.amount


def test_a_household_without_the_aid_is_told_why():
    result = aide_exceptionnelle(household(), MONTH, {"aide_logement": Decimal(268)})
    assert result.blocking_reason.fr.startswith("Une aide au logement sans enfant")
    assert all("2020-519" in step.legal_basis for step in result.steps)


def test_parameters_cite_the_decree():
    for key in ("aide_exceptionnelle.montant_foyer_rsa", "aide_exceptionnelle.montant_par_enfant"):
        parameter = all_parameters()[key]
        assert all("2020-519" in value.source for value in parameter.values)
    assert all_parameters()["aide_exceptionnelle.montant_foyer_rsa"].values[0].value == 150
    assert all_parameters()["aide_exceptionnelle.montant_par_enfant"].values[0].value == 100
