"""The claims' prefill reads the imported feed where it covers the quarter, the service otherwise."""

import pytest

from benefits.campaigns.feed_import import income_feed_import
from benefits.claims.prefill import prefill_person

pytestmark = pytest.mark.django_db
NIR = "285037512010148"
MONTHS = ["2026-08", "2026-09", "2026-10"]


def feed(months):
    lines = "".join(
        f"{NIR},{m},Boulangerie du Centre,salary,1111.11\n{NIR},{m},CPAM,ijss,50\n" for m in months
    )
    income_feed_import(
        data=("nir,month,payer,kind,amount\n" + lines).encode(), name="drm.csv", recalculate=False
    )


def test_the_feed_is_used_when_it_covers_every_month(monkeypatch):
    feed(MONTHS)
    monkeypatch.setattr("benefits.claims.prefill.fetch_net_social_amounts", pytest.fail)
    figures, status, missing = prefill_person(NIR, MONTHS)
    assert status == "ok" and missing == []
    assert [line["prefilled"] for m in MONTHS for line in figures[m]] == ["1111.11"] * 3
    assert figures["2026-10"][0]["employer"] == "Boulangerie du Centre"


def test_the_service_is_asked_when_a_month_is_not_imported_yet(monkeypatch):
    feed(MONTHS[:2])
    asked = []

    def service(nir, months):
        asked.append(months)
        raise __import__("benefits.income.client", fromlist=["x"]).IncomeUnavailable("timeout")

    monkeypatch.setattr("benefits.claims.prefill.fetch_net_social_amounts", service)
    assert prefill_person(NIR, MONTHS)[1] == "timeout" and asked == [MONTHS]
