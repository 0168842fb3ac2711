"""The « vous pourriez avoir droit » and recalculation letters state a total per month: the monthly
benefits they list, without the yearly allocation de rentrée scolaire."""

from types import SimpleNamespace

import pytest

from benefits.letters.contexts import eligibility_context, recalculation_context


def line(amount: float, period: str = "month") -> dict:
    label = {"fr": "x", "en": "x"}
    return {"amount": amount, "eligible": amount > 0, "period": period, "label": label, "steps": []}


ESTIMATE = {
    "benefits": {"af": 153.01, "ars": 429.01, "ppa": 212.4, "rsa": 0.0},
    "explanation": {"af": line(153.01), "ars": line(429.01, "year"), "ppa": line(212.4), "rsa": line(0.0)},
}
FILE = SimpleNamespace(
    members=[], given_names="Camille", family_name="Martin", number="S0000001", housing={}, rights=[]
)


@pytest.mark.django_db
def test_the_eligibility_total_is_per_month_without_the_yearly_aid():
    context = eligibility_context(file=FILE, month="2026-11", result=ESTIMATE, claim_url="https://x.invalid/")
    assert {line["name"] for line in context["benefits"]} == {"af", "ars", "ppa"}
    assert context["total"] == "365.41"  # 153.01 + 212.40; the 429.01 of the ARS is paid once a year


@pytest.mark.django_db
def test_the_recalculation_gives_the_old_and_the_new_total_per_month():
    context = recalculation_context(
        file=FILE,
        month="2026-11",
        old_amounts={"ppa": "150.00", "rsa": "20.50"},
        new_amounts={"ppa": "212.40"},
        changed_incomes=[],
        explanation=ESTIMATE,
    )
    assert (context["old_total"], context["total"]) == ("170.50", "212.40")


@pytest.mark.django_db
def test_a_yearly_aid_is_shown_as_a_yearly_amount_apart_from_the_monthly_total():
    from django.utils import translation

    from benefits.letters.presenters import eligibility

    context = eligibility_context(file=FILE, month="2026-11", result=ESTIMATE, claim_url="https://x.invalid/")
    with translation.override("fr"):
        shown = {line["name"]: line for line in eligibility(context)["benefits"]}
    assert shown["ars"]["yearly"] and not shown["af"]["yearly"]
    assert eligibility(context)["total"] == "365,41\u00a0€"


@pytest.mark.django_db
def test_a_right_recorded_at_zero_is_not_received_so_its_estimate_is_listed():
    file = SimpleNamespace(**{**vars(FILE), "rights": [{"benefit": "ppa", "amount": "0.00"}]})
    context = eligibility_context(file=file, month="2026-11", result=ESTIMATE, claim_url="https://x.invalid/")
    assert {line["name"] for line in context["benefits"]} == {"af", "ars", "ppa"}
    held = SimpleNamespace(**{**vars(FILE), "rights": [{"benefit": "ppa", "amount": "212.40"}]})
    context = eligibility_context(file=held, month="2026-11", result=ESTIMATE, claim_url="https://x.invalid/")
    assert {line["name"] for line in context["benefits"]} == {"af", "ars"}
