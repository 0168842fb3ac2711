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


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection"): =, +, -
# and @ start formulas, a tab or carriage return hides the start. Only text cells are guarded: the
# amounts are ours, written by decimal_text, and a guard there would turn "-12,50" into text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: str) -> str:
    """A text cell a spreadsheet shows as it is: one that would start a formula gets a leading "'"."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


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


class Report:
    """The results' table, read once for both exports (CSV for programs, XLSX for spreadsheets): headers
    and labels in the request's language, read before the rows stream; text and amounts kept apart."""

    def __init__(self, campaign: Campaign):
        self.campaign = campaign
        self.columns = benefit_columns(campaign.kind)
        total = (
            _("Montant versé (€)")
            if campaign.kind == CampaignKind.EXCEPTIONAL_AID
            else _("Total (€ par mois)")
        )
        # (header, is_text): the number, the département and the words are text, the rest amounts.
        self.headers = [(_("N° de dossier"), True), (_("Département"), True), (_("Résultat"), True)]
        self.headers += [(header, False) for _side, _name, header in self.columns]
        self.headers += [(total, False), (_("Courrier envoyé"), True)]
        self.outcomes = {o.value: str(o.label) for o in Outcome}
        self.yes, self.no = _("Oui"), _("Non")
        self.unknown = str(UNKNOWN_DEPARTEMENT)

    def rows(self):
        """One list per household, in dossier-number order: strings for text, Decimal or None for amounts."""
        results = self.campaign.results.select_related("file").order_by("file_id").iterator(chunk_size=5000)
        for result in results:
            sides = {"old": result.old_amounts, "new": result.new_amounts}
            amounts = [sides[side].get(name) for side, name, _header in self.columns]
            yield [
                result.file.number,
                result.departement or self.unknown,
                self.outcomes.get(result.outcome, result.outcome),
                *(Decimal(a) if a not in (None, "") else None for a in amounts),
                Decimal(result.total),
                self.yes if result.letter_id else self.no,
            ]


def report_rows(*, campaign: Campaign):
    """The results as a CSV for programs and for French Excel (docs/campaigns.md, "The report's
    exports"): UTF-8 with a BOM, `;` between cells, decimal comma, every value as it is (the dossier
    number "0000042", the département "01"); a text cell that would start a formula starts with "'"."""
    writer = csv.writer(Echo(), delimiter=";")
    report = Report(campaign)
    text = [is_text for _header, is_text in report.headers]

    def rows():
        yield "\ufeff" + writer.writerow([csv_text(header) for header, _is_text in report.headers])
        for row in report.rows():
            yield writer.writerow(
                [
                    csv_text(value) if is_text else ("" if value is None else decimal_text(value))
                    for value, is_text in zip(row, text, strict=True)
                ]
            )

    return rows()
