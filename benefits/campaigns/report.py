"""The final report of a campaign: counts, amounts by benefit and by département, and its CSV export."""

import csv
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Sum

from benefits.campaigns.models import Campaign, Outcome

CSV_COLUMNS = ("dossier", "departement", "resultat", "anciens_droits", "nouveaux_droits", "total", "courrier")


def campaign_report(*, campaign: Campaign) -> dict:
    results = campaign.results
    outcomes = dict(results.values_list("outcome").annotate(n=Count("pk")).values_list("outcome", "n"))
    notified = results.filter(outcome=Outcome.NOTIFIED)
    by_benefit = defaultdict(lambda: {"count": 0, "amount": Decimal(0)})
    for amounts in notified.values_list("new_amounts", flat=True).iterator(chunk_size=5000):
        for name, amount in amounts.items():
            by_benefit[name]["count"] += 1
            by_benefit[name]["amount"] += Decimal(amount)
    by_departement = list(
        notified.values("departement")
        .annotate(count=Count("pk"), amount=Sum("total"))
        .order_by("departement")
    )
    return {
        "campaign": campaign,
        "outcomes": [(o.label, outcomes.get(o.value, 0)) for o in Outcome],
        "notified": outcomes.get(Outcome.NOTIFIED, 0),
        "by_benefit": sorted(by_benefit.items()),
        "by_departement": by_departement,
        "parked": campaign.chunks.filter(status="parked"),
    }


class Echo:
    """A file-like object whose write returns the line, for a streamed CSV."""

    def write(self, value):
        return value


def report_rows(*, campaign: Campaign):
    writer = csv.writer(Echo())
    yield writer.writerow(CSV_COLUMNS)
    rows = campaign.results.select_related("file").order_by("file_id").iterator(chunk_size=5000)
    for result in rows:
        yield writer.writerow(
            (
                result.file.number,
                result.departement,
                result.outcome,
                ";".join(f"{k}={v}" for k, v in result.old_amounts.items()),
                ";".join(f"{k}={v}" for k, v in result.new_amounts.items()),
                result.total,
                result.letter_id or "",
            )
        )
