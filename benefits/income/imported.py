"""The montant net social from the imported monthly feed (benefits/campaigns/feed_import.py), when it
covers the months asked: the prefill then needs no call to the income data service.

A month counts as covered once a feed file with an accepted line for it has been imported; a covered
month without a line for the person means no salary declared that month. Only salaries are prefilled,
as with the service.
"""

from benefits.campaigns.feed_models import IncomeFeedImport, IncomeKind, IncomeRecord
from benefits.income.client import IncomeLine, IncomeReport


def covered_months(months: list[str]) -> set[str]:
    # From the imports' own list of months (a dozen rows a year), not the feed table: no index of it
    # begins with month, and DISTINCT month over it read every line of the feed at each prefill.
    asked = set(months)
    carried = IncomeFeedImport.objects.order_by().values_list("months", flat=True)
    return {month for file_months in carried for month in file_months if month in asked}


def imported_report(nir: str, months: list[str]) -> IncomeReport | None:
    """The person's salaries for `months` from the feed, or None when the feed does not cover them all
    or knows nothing of the person (the caller then asks the income data service)."""
    if covered_months(months) != set(months):
        return None
    records = IncomeRecord.objects.filter(nir=nir, month__in=months).select_related("feed")
    if not records.exists():
        return None
    lines = tuple(
        IncomeLine(
            month=record.month,
            employer=record.payer,
            amount=str(record.amount),
            declared_on=record.feed.imported_at.date().isoformat(),
        )
        for record in records.filter(kind=IncomeKind.SALARY).order_by("month", "payer")
    )
    return IncomeReport(lines=lines)
