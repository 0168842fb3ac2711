"""The feed's per-person summaries (feed_summary.py): kept by the import, equal to the lines' sums, and
read by the campaigns only where they cover the window."""

import json
from collections import defaultdict
from decimal import Decimal

import pytest

from benefits.campaigns import households
from benefits.campaigns.evaluate import evaluate
from benefits.campaigns.feed_import import income_feed_import
from benefits.campaigns.feed_models import IncomeRecord, IncomeSummary
from benefits.campaigns.feed_summary import incomes_summarised, summary_since
from benefits.campaigns.file_rows import files_read
from benefits.campaigns.households import feed_window, incomes_by_nir, incomes_from_lines, quarter
from benefits.campaigns.models import Campaign
from benefits.claims.models import AllocataireFile

pytestmark = pytest.mark.django_db
NIR = "285037512010148"  # valid keys (97 - first 13 digits mod 97)
OTHER = "185037512010101"
HEADER = "nir,month,payer,kind,amount\n"


def feed(*lines: str) -> bytes:
    return (HEADER + "".join(line + "\n" for line in lines)).encode()


def summaries() -> dict:
    return {
        s.nir: (s.since, s.first_month, s.last_month, json.loads(s.incomes))
        for s in IncomeSummary.objects.all()
    }


def test_an_import_sums_each_persons_payers_and_kinds_by_month():
    assert IncomeRecord._meta.db_table != IncomeSummary._meta.db_table
    income_feed_import(
        data=feed(
            f"{NIR},2026-10,Mairie,salary,1000.10",
            f"{NIR},2026-10,Boulangerie,salary,200.20",
            f"{NIR},2026-10,France Travail,chomage,300",
            f"{OTHER},2026-10,Mairie,salary,50",
        ),
        name="drm-2026-10.csv",
    )
    assert summaries() == {
        NIR: (
            "2025-07",  # 2026-10 - 15: the window of the campaign of 2026-11
            "2026-10",
            "2026-10",
            {"salary": {"2026-10": 1200.3}, "unemployment_benefit": {"2026-10": 300.0}},
        ),
        OTHER: ("2025-07", "2026-10", "2026-10", {"salary": {"2026-10": 50.0}}),
    }
    assert summary_since("2026-10") == "2025-07" == feed_window("2026-11")[0]


def test_the_same_file_twice_and_a_line_seen_again_change_nothing():
    data = feed(f"{NIR},2026-10,Mairie,salary,1432.67", f"{NIR},2026-11,Mairie,salary,1500")
    income_feed_import(data=data, name="a.csv")
    before = summaries()
    assert income_feed_import(data=data, name="a-copy.csv").already_imported
    again = income_feed_import(data=feed(f"{NIR},2026-11,Mairie,salary,1500"), name="b.csv")
    assert again.feed.stored == 0
    assert summaries() == before
    assert before[NIR][3] == {"salary": {"2026-10": 1432.67, "2026-11": 1500.0}}


def test_a_corrected_line_updates_the_summary():
    income_feed_import(
        data=feed(f"{NIR},2026-10,Mairie,salary,1432.67", f"{NIR},2026-10,Cantine,salary,100"), name="a.csv"
    )
    income_feed_import(data=feed(f"{NIR},2026-10,Mairie,salary,1400.00"), name="c.csv")
    assert summaries()[NIR][3] == {"salary": {"2026-10": 1500.0}}
    window = feed_window("2026-11")
    assert (
        incomes_by_nir([NIR], window)
        == incomes_from_lines([NIR], window)
        == {NIR: {"salary": {"2026-10": 1500.0}}}
    )


def test_a_summary_starts_at_the_next_campaigns_window_and_older_windows_read_the_lines():
    # Twenty months of a salary, one file a month: each import recomputes the person from the lines.
    months = [f"{2025 + (i + 3) // 12}-{(i + 3) % 12 + 1:02d}" for i in range(20)]  # 2025-04 … 2026-11
    for month in months:
        income_feed_import(data=feed(f"{NIR},{month},Mairie,salary,1000.{month[-2:]}"), name=f"{month}.csv")
    since, first, last, incomes = summaries()[NIR]
    assert (since, first, last) == ("2025-08", "2025-08", "2026-11")
    assert list(incomes["salary"]) == feed_window("2026-12")  # exactly the window: nothing to filter
    for month in ("2026-12", "2026-09", "2026-06", "2025-10"):
        window = feed_window(month)
        from_lines = incomes_from_lines([NIR], window)
        assert incomes_by_nir([NIR], window) == from_lines and from_lines[NIR]["salary"]
    # The quarter only, inside the summary's months: filtered from it, not read from the lines.
    found, left = incomes_summarised([NIR], quarter("2026-12"))
    assert not left and found == incomes_from_lines([NIR], quarter("2026-12"))
    # A window starting before the summary's first month: left to the lines.
    assert incomes_summarised([NIR], feed_window("2026-06")) == ({}, {NIR})


def test_a_person_without_a_line_in_the_window_has_no_income_and_no_query():
    income_feed_import(data=feed(f"{NIR},2024-01,Mairie,salary,900"), name="old.csv")
    income_feed_import(data=feed(f"{OTHER},2026-11,Mairie,salary,900"), name="new.csv")
    assert incomes_by_nir([NIR, "100000000000099"], feed_window("2026-12")) == {}
    assert incomes_by_nir([OTHER], feed_window("2026-12")) == {OTHER: {"salary": {"2026-11": 900.0}}}


def test_a_campaign_reads_the_same_households_from_the_summaries_as_from_the_lines(demo_file, monkeypatch):
    files = files_read(AllocataireFile.objects.all())
    nirs = {m["nir"] for row in files for m in row["members"] if m.get("nir")}
    assert IncomeSummary.objects.filter(nir__in=nirs).count() > 30
    window = feed_window("2026-12")  # the next month's campaign: every summary covers it as it is
    assert incomes_summarised(nirs, window) == (incomes_from_lines(nirs, window), set())
    window = feed_window("2026-11")  # a month earlier: its first month is before the summaries'
    assert incomes_summarised(nirs, window)[1] and incomes_by_nir(nirs, window) == incomes_from_lines(
        nirs, window
    )

    def evaluations(kind: str, month: str) -> list:
        campaign = Campaign.objects.create(kind=kind, month=month, threshold=1)
        return [
            (e.file["pk"], e.decision.outcome, e.decision.old, e.decision.new, json.dumps(e.household))
            for e in evaluate(campaign, files_read(AllocataireFile.objects.all()))
        ]

    cases = [("recalcul", "2026-12"), ("non_recours", "2026-12"), ("recalcul", "2026-10")]
    summarised = {case: evaluations(*case) for case in cases}
    monkeypatch.setattr(households, "incomes_summarised", lambda nirs, months, texts=None: ({}, set(nirs)))
    for case in cases:
        assert evaluations(*case) == summarised[case]  # the lines' path: the same households and amounts
    assert any(outcome == "notifie" for _pk, outcome, *_rest in summarised[cases[0]])


def test_every_summary_is_the_sums_of_its_lines_after_a_year_of_imports_and_a_correction(demo_file):
    nirs = list(IncomeSummary.objects.order_by("nir").values_list("nir", flat=True)[:3])
    corrections = [f"{nir},2026-11,Correctif,salary,12.34" for nir in nirs]  # a new payer in the last month
    income_feed_import(data=feed(*corrections), name="correctif.csv")
    sums: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(Decimal)))
    for line in IncomeRecord.objects.all():
        sums[line.nir][line.kind][line.month] += line.amount
    rows = list(IncomeSummary.objects.all())
    assert len(rows) == len(sums) > 50
    for row in rows:
        expected = {
            kind: {m: float(v[m]) for m in sorted(v) if m >= row.since}
            for kind, v in sorted(sums[row.nir].items())
        }
        expected = {kind: values for kind, values in expected.items() if values}
        read = json.loads(row.incomes)
        assert read == expected and list(read) == list(expected)
        assert all(type(v) is float for values in read.values() for v in values.values())  # never 1125
        months = sorted(m for values in expected.values() for m in values)
        assert (row.first_month, row.last_month) == ((months[0], months[-1]) if months else ("", ""))
    assert all(json.loads(IncomeSummary.objects.get(nir=nir).incomes)["salary"]["2026-11"] for nir in nirs)
