"""Which months the feed covers: the months of the imported files' accepted lines, read from the imports
(IncomeFeedImport.months) rather than from the feed table, and the same answer as the feed's lines."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benefits.campaigns.feed_import import income_feed_import
from benefits.campaigns.models import IncomeFeedImport, IncomeRecord
from benefits.income.imported import covered_months, imported_report

pytestmark = pytest.mark.django_db
NIR = "285037512010148"
OTHER = "185057800608491"
HEADER = "nir,month,payer,kind,amount\n"
QUARTER = ["2026-08", "2026-09", "2026-10"]


def feed(lines: str, name: str):
    return income_feed_import(data=(HEADER + lines).encode(), name=name, recalculate=False)


def months_in_the_feed(months):
    return set(IncomeRecord.objects.filter(month__in=months).values_list("month", flat=True))


def test_an_import_records_the_months_of_its_accepted_lines_only():
    report = feed(
        f"{NIR},2026-09,Mairie,salary,1000\n{NIR},2026-08,Mairie,salary,1000\n"
        f"{NIR},2026-10,Mairie,salary,-3\n",  # refused: October is not carried by this file
        "drm.csv",
    )
    assert report.feed.refused == 1
    assert IncomeFeedImport.objects.get().months == ["2026-08", "2026-09"]
    assert covered_months(QUARTER) == {"2026-08", "2026-09"} == months_in_the_feed(QUARTER)


def test_a_month_with_no_import_is_not_covered_and_the_prefill_falls_back():
    feed(f"{NIR},2026-08,Mairie,salary,1000\n{NIR},2026-09,Mairie,salary,1000\n", "a.csv")
    assert covered_months(QUARTER) == {"2026-08", "2026-09"}
    assert imported_report(NIR, QUARTER) is None


def test_a_month_imported_twice_stays_covered_once_its_lines_belong_to_the_later_file():
    feed(f"{NIR},2026-08,Mairie,salary,1000\n", "a.csv")
    # The same lines again in another file (another digest): nothing is written, August stays covered.
    again = feed(f"{NIR},2026-08,Mairie,salary,1000\n{OTHER},2026-09,Mairie,salary,900\n", "b.csv")
    assert (again.feed.stored, again.feed.unchanged) == (1, 1)
    feed(f"{NIR},2026-08,Mairie,salary,1100\n{NIR},2026-10,Mairie,salary,1000\n", "c.csv")
    assert covered_months(QUARTER) == set(QUARTER) == months_in_the_feed(QUARTER)
    assert covered_months(["2026-07", *QUARTER, "2026-11"]) == set(QUARTER)
    # Covered for the person who has no line in September: no salary declared that month.
    report = imported_report(NIR, QUARTER)
    assert [(line.month, line.amount) for line in report.lines] == [
        ("2026-08", "1100.00"),
        ("2026-10", "1000.00"),
    ]


def test_the_coverage_does_not_read_the_feed_table():
    feed(f"{NIR},2026-08,Mairie,salary,1000\n", "a.csv")
    with CaptureQueriesContext(connection) as queries:
        covered_months(QUARTER)
    assert len(queries) == 1 and IncomeRecord._meta.db_table not in queries[0]["sql"]


def test_the_migration_gives_the_earlier_imports_the_months_of_the_feed():
    feed(f"{NIR},2026-08,Mairie,salary,1000\n", "a.csv")
    feed(f"{NIR},2026-08,Mairie,salary,1000\n{NIR},2026-09,Mairie,salary,1000\n", "b.csv")
    feed(f"{NIR},2026-10,Mairie,salary,-3\n", "refused.csv")
    IncomeFeedImport.objects.update(months=[])
    migration = importlib.import_module("benefits.migrations.0015_feed_import_months")
    migration.months_from_records(apps, None)
    # a.csv's August line came again unchanged in b.csv and still points at a.csv; nothing at refused.csv.
    assert dict(IncomeFeedImport.objects.values_list("name", "months")) == {
        "a.csv": ["2026-08"],
        "b.csv": ["2026-09"],
        "refused.csv": [],
    }
    assert covered_months(QUARTER) == {"2026-08", "2026-09"} == months_in_the_feed(QUARTER)
