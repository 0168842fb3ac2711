"""A campaign reads from the feed every month the quarterly rights read: housing aid's twelve months
M-13..M-2 as well as the RSA's and prime d'activité's quarter (households.feed_window)."""

from decimal import Decimal

import pytest

from benefits.campaigns.evaluate import evaluate
from benefits.campaigns.feed_models import IncomeFeedImport, IncomeRecord
from benefits.campaigns.feed_summary import summaries_refresh
from benefits.campaigns.file_rows import files_read
from benefits.campaigns.models import Campaign
from benefits.claims.models import AllocataireFile
from benefits.rules import compute, parse_household
from benefits.rules.months import month_index, month_label
from tests.benefits.campaigns.helpers import make_file

MONTH = "2026-12"
NIR = "185037512345641"
pytestmark = pytest.mark.django_db


def salaries(months: range, amount: str) -> None:
    feed = IncomeFeedImport.objects.create(digest="f" * 64, name="drm.csv")
    IncomeRecord.objects.bulk_create(
        IncomeRecord(
            nir=NIR,
            month=month_label(i),
            payer="Boulangerie",
            kind="salary",
            amount=Decimal(amount),
            feed=feed,
        )
        for i in months
    )
    summaries_refresh({(NIR, month_label(i)) for i in months}, "")  # by hand: their summary too


def test_a_campaign_reads_every_month_the_rights_read_not_only_the_quarter():
    index = month_index(MONTH)
    salaries(range(index - 20, index), "1600.00")  # twenty months of the same salary, ending M-1
    make_file(number="0100001", nir=NIR)
    campaign = Campaign.objects.create(kind="non_recours", month=MONTH, threshold=0)

    (evaluation,) = evaluate(campaign, files_read(AllocataireFile.objects.all()))

    read = evaluation.household["persons"][0]["incomes"]["salary"]
    assert sorted(read) == [month_label(i) for i in range(index - 16, index + 1)]  # M-16..M-1, and M = M-1
    # The core on the same person with the salary written for every month from January N-2 (more than
    # it reads): the campaign's estimate is the same.
    person = evaluation.household["persons"][0]
    every_month = {
        **person,
        "incomes": {"salary": {month_label(i): 1600.0 for i in range(index - 23, index + 1)}},
    }
    expected = compute(
        parse_household({**evaluation.household, "persons": [every_month]}, MONTH), explain=False
    )
    amounts = {
        name: f"{result.amount:.2f}" for name, result in expected.benefits.items() if result.amount > 0
    }
    assert evaluation.decision.new == {
        name: amounts[name] for name in ("ppa", "rsa", "aide_logement") if name in amounts
    }
    assert "aide_logement" not in evaluation.decision.new  # a steady 1 600 € a month: no housing aid
    # What reading the quarter only gave (the bug): a housing aid of ten months without income.
    quarter_only = {
        **person,
        "incomes": {"salary": {month_label(i): 1600.0 for i in range(index - 3, index + 1)}},
    }
    wrong = compute(
        parse_household({**evaluation.household, "persons": [quarter_only]}, MONTH), explain=False
    )
    assert wrong.benefits["aide_logement"].amount > 0
