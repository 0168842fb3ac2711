"""Aide universelle d'urgence (CASF D214-13, D214-14): form and amount at each threshold."""

from datetime import date
from decimal import Decimal

import pytest

from benefits.rules.auu import AuuRequest, decide, renewal_date
from benefits.rules.explain import replay
from benefits.rules.params import parameters_at

RSA_2026 = 651.69  # RSA lump sum from 2026-04-01
SMIC_NET_2026 = 1443.11  # net monthly SMIC of 2026-01-01, used from 2026-04-01


def request(resources=0.0, children=0, **changes):
    values = {
        "request_date": date(2026, 6, 2),
        "perpetrator": "spouse",
        "proof": "complaint",
        "proof_date": date(2026, 5, 20),
        "monthly_resources": resources,
        "children": children,
    }
    return AuuRequest(**{**values, **changes})


def money(value):
    return Decimal(str(value)).quantize(Decimal("0.01"))


@pytest.mark.parametrize(
    ("resources", "factor"),
    [
        (0.5 * SMIC_NET_2026, 1.0),  # at 50 %: no reduction
        (0.5 * SMIC_NET_2026 + 1, 0.8),
        (SMIC_NET_2026, 0.8),
        (SMIC_NET_2026 + 1, 0.6),
        (1.5 * SMIC_NET_2026, 0.6),
        (1.5 * SMIC_NET_2026 + 1, 0.4),
    ],
)
def test_amount_reductions_at_each_threshold(resources, factor):
    decision = decide(request(resources))
    assert decision.result.amount == money(RSA_2026 * factor)
    assert replay(decision.result.steps) == decision.result.amount


@pytest.mark.parametrize(("children", "rate"), [(0, 1.5), (1, 2.25), (2, 2.7), (3, 3.3), (5, 3.3)])
def test_grant_or_loan_by_children(children, rate):
    limit = rate * SMIC_NET_2026
    assert decide(request(limit, children)).form == "grant"
    assert decide(request(limit + 1, children)).form == "loan"


def test_children_raise_the_amount_like_the_rsa_scale():
    assert decide(request(children=1)).result.amount == money(RSA_2026 * 1.5)
    assert decide(request(children=2)).result.amount == money(RSA_2026 * 1.8)
    assert decide(request(children=3)).result.amount == money(RSA_2026 * 2.2)


def test_before_april_the_thresholds_use_the_previous_january_smic():
    early = request(0.5 * 1426.30 + 1, request_date=date(2026, 3, 2), proof_date=date(2026, 3, 1))
    assert decide(early).result.amount == money(646.52 * 0.8)  # RSA lump sum of 2025-04
    assert any("1\u00a0426,30\u00a0€" in step.label.fr for step in decide(early).result.steps)


@pytest.mark.parametrize(
    "changes",
    [
        {"proof_date": date(2025, 6, 2)},  # 12 months old
        {"proof_date": date(2026, 7, 1)},  # after the request
        {"proof": "certificate"},
        {"perpetrator": "neighbour"},
    ],
)
def test_conditions_not_met(changes):
    decision = decide(request(**changes))
    assert not decision.eligible and decision.result.amount == 0
    assert decision.result.blocking_reason is not None


def test_proof_of_eleven_months_is_accepted():
    assert decide(request(proof_date=date(2025, 7, 3))).eligible


# --- once in 12 months from the decision that granted it (CASF D214-12) ---------------------------------
def test_renewal_date_is_twelve_months_after_the_decision():
    assert renewal_date(date(2026, 3, 12)) == date(2027, 3, 12)
    assert renewal_date(date(2024, 2, 29)) == date(2025, 2, 28)


def test_a_request_within_twelve_months_of_the_last_aid_is_refused_with_the_date():
    refused = decide(request(last_granted_on=date(2025, 6, 3)))  # request of 2026-06-02
    assert not refused.eligible and refused.result.amount == 0
    assert refused.result.blocking_reason.fr == (
        "L’aide vous a été accordée le 03/06/2025 : elle ne peut l’être qu’une fois par période de 12 mois "
        "à compter de cette décision. Vous pourrez la demander de nouveau à partir du 03/06/2026."
    )
    assert refused.result.steps[-1].legal_basis == "CASF D214-12"


def test_a_request_on_the_renewal_day_is_decided_as_usual():
    assert decide(request(last_granted_on=date(2025, 6, 2))).result.amount == decide(request()).result.amount
    assert decide(request(last_granted_on=date(2025, 6, 2))).eligible


@pytest.mark.parametrize("day", [date(2024, 11, 1), date(2026, 1, 1)])
def test_the_net_smic_is_the_decree_s_gross_less_the_employee_contributions(day):
    # No text sets the net SMIC: the decree sets the gross hourly rate, the ministry publishes the net
    # of a full-time non-cadre employee, gross × 151 2/3 h less 20.84 % (parameters/smic_net_mensuel.yaml).
    p = parameters_at(day)
    gross = (Decimal(str(p.smic_horaire_brut)) * 35 * 52 / 12).quantize(Decimal("0.01"))
    assert (gross * (1 - Decimal("0.2084"))).quantize(Decimal("0.01")) == Decimal(str(p.smic_net_mensuel))
