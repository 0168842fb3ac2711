"""The final report of a campaign: counts, amounts by benefit and by département, and its CSV export."""

import csv
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from benefits.campaigns.kinds import QUARTERLY
from benefits.campaigns.models import Campaign, CampaignKind, Outcome
from benefits.claims.models import AllocataireFile
from benefits.labels import benefit_label
from benefits.rules import aide_exceptionnelle

# A result whose file gives no département (no commune known): the report and its CSV name it in words.
UNKNOWN_DEPARTEMENT = gettext_lazy("Département inconnu")


def campaign_report(*, campaign: Campaign) -> dict:
    results = campaign.results
    outcomes = dict(results.values_list("outcome").annotate(n=Count("pk")).values_list("outcome", "n"))
    notified = results.filter(outcome=Outcome.NOTIFIED)
    by_benefit = defaultdict(lambda: {"count": 0, "amount": Decimal(0)})
    for amounts in notified.values_list("new_amounts", flat=True).iterator(chunk_size=5000):
        for name, amount in amounts.items():
            by_benefit[name]["count"] += 1
            by_benefit[name]["amount"] += Decimal(amount)
    # In code order, "Département inconnu" last (the empty code sorted first); about a hundred rows.
    rows = notified.values("departement").annotate(count=Count("pk"), amount=Sum("total")).order_by()
    by_departement = [
        row | {"departement": row["departement"] or UNKNOWN_DEPARTEMENT}
        for row in sorted(rows, key=lambda row: (row["departement"] == "", row["departement"]))
    ]
    return {
        "campaign": campaign,
        "outcomes": [(o.label, outcomes.get(o.value, 0)) for o in Outcome],
        "notified": outcomes.get(Outcome.NOTIFIED, 0),
        "by_benefit": sorted(by_benefit.items()),
        "by_departement": by_departement,
        "parked": [parked_files(chunk) for chunk in campaign.chunks.filter(status="parked")],
    }


def parked_files(chunk) -> dict:
    """A parked chunk named by its first and last dossier numbers (as the portal writes them), not by
    the table's primary keys; two small reads per parked chunk (there are few)."""
    if chunk.file_ids is not None:
        files = AllocataireFile.objects.filter(pk__in=chunk.file_ids)
    else:
        files = AllocataireFile.objects.filter(pk__gte=chunk.first_pk, pk__lte=chunk.last_pk)
    numbers = files.order_by("pk").values_list("number", flat=True)
    return {
        "first": numbers.first() or "",
        "last": numbers.last() or "",
        "attempts": chunk.attempts,
        "error": chunk.error,
    }


class Echo:
    """A file-like object whose write returns the line, for a streamed CSV."""

    def write(self, value):
        return value


def decimal_text(value) -> str:
    """Decimal("1234.5") → "1234,50": the decimal comma French Excel reads as a number (no € sign,
    no thousands separator)."""
    return f"{Decimal(value):.2f}".replace(".", ",")


def file_number_text(number: str) -> str:
    """The dossier number as the portal writes it ("0000006"), kept as text by Excel, which would
    otherwise drop its leading zeros: ="0000006" (digits only, so never a formula of the data)."""
    return f'="{number}"' if number.isdigit() else number


def benefit_columns(kind: str) -> list[tuple[str, str, str]]:
    """(side, benefit, header) of the amount columns: the rights before and after a recalculation, the
    estimated rights of a non-recours campaign, the exceptional aid's amount."""
    if kind == CampaignKind.EXCEPTIONAL_AID:
        return [
            (
                "new",
                aide_exceptionnelle.NAME,
                _("%(benefit)s (€)") % {"benefit": benefit_label(aide_exceptionnelle.NAME)},
            )
        ]
    columns = []
    for name in QUARTERLY:
        label = benefit_label(name)
        if kind == CampaignKind.RECALCULATION:
            columns.append(("old", name, _("%(benefit)s, avant (€ par mois)") % {"benefit": label}))
            columns.append(("new", name, _("%(benefit)s, après (€ par mois)") % {"benefit": label}))
        else:
            columns.append(("new", name, _("%(benefit)s, estimation (€ par mois)") % {"benefit": label}))
    return columns


def report_rows(*, campaign: Campaign):
    """The results as a CSV for French Excel (README, "Solidarité à la source"): UTF-8 with a BOM, `;`
    between cells, decimal comma, headers and labels in words. Headers and labels are read here, in the
    request's language, before the rows stream."""
    writer = csv.writer(Echo(), delimiter=";")
    columns = benefit_columns(campaign.kind)
    total = (
        _("Montant versé (€)") if campaign.kind == CampaignKind.EXCEPTIONAL_AID else _("Total (€ par mois)")
    )
    headers = [_("N° de dossier"), _("Département"), _("Résultat")]
    headers += [header for _side, _name, header in columns] + [total, _("Courrier envoyé")]
    outcomes = {o.value: str(o.label) for o in Outcome}
    yes, no = _("Oui"), _("Non")
    unknown = str(UNKNOWN_DEPARTEMENT)

    def rows():
        yield "\ufeff" + writer.writerow(headers)
        results = campaign.results.select_related("file").order_by("file_id").iterator(chunk_size=5000)
        for result in results:
            sides = {"old": result.old_amounts, "new": result.new_amounts}
            amounts = [sides[side].get(name) for side, name, _header in columns]
            yield writer.writerow(
                [
                    file_number_text(result.file.number),
                    result.departement or unknown,
                    outcomes.get(result.outcome, result.outcome),
                    *(decimal_text(a) if a not in (None, "") else "" for a in amounts),
                    decimal_text(result.total),
                    yes if result.letter_id else no,
                ]
            )

    return rows()
