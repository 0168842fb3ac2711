"""The monthly income feed (DRM): one row per person, month, payer and kind of income.

The montant net social arrives in bulk once a month; an import is recorded with the digest of its
file, so that importing the same file twice is recognised, and each line is keyed on
(NIR, month, payer, kind), so that a line seen twice is stored once (a corrected amount replaces it).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IncomeKind(models.TextChoices):
    # Values are the neutral household format's income types (benefits/rules/household.py).
    SALARY = "salary", _("Salaire")
    UNEMPLOYMENT = "unemployment_benefit", _("Allocation chômage")
    SICKNESS = "sickness_benefit", _("Indemnités journalières maladie")
    PENSION = "pension", _("Retraite")
    INVALIDITY = "invalidity_pension", _("Pension d’invalidité")


class IncomeFeedImport(models.Model):
    digest = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the file's bytes")
    name = models.CharField(max_length=255)
    lines = models.PositiveIntegerField(default=0)
    stored = models.PositiveIntegerField(default=0, help_text="Lines new or changed by this import")
    unchanged = models.PositiveIntegerField(default=0)
    refused = models.PositiveIntegerField(default=0)
    refusals = models.JSONField(default=list, help_text="The first refused lines: [{line, reason}]")
    # Which months the feed covers (the claims' prefill, benefits/income/imported.py) is read here, from
    # a dozen rows a year, rather than from the feed table, which has no index beginning with month.
    months = models.JSONField(
        default=list, help_text="The months (YYYY-MM) of the file's accepted lines, sorted"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("import du flux de revenus")
        verbose_name_plural = _("imports du flux de revenus")
        ordering = ["-imported_at"]

    def __str__(self):
        return self.name


class IncomeRecord(models.Model):
    # No index of its own: every read by NIR (a chunk's incomes and changed lines, the claims' prefill)
    # and the import's ON CONFLICT use income_record_unique, whose first column it is (EXPLAIN, docs/campaigns.md).
    nir = models.CharField(max_length=15)
    month = models.CharField(max_length=7)
    payer = models.CharField(max_length=120)
    kind = models.CharField(max_length=24, choices=IncomeKind.choices)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    # The amount a later file corrected (the recalculation letter shows old → new), None if never changed.
    previous_amount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    feed = models.ForeignKey(IncomeFeedImport, on_delete=models.PROTECT, related_name="records")

    class Meta:
        verbose_name = _("revenu déclaré")
        verbose_name_plural = _("revenus déclarés")
        constraints = [
            models.UniqueConstraint(fields=["nir", "month", "payer", "kind"], name="income_record_unique")
        ]
        indexes = [
            # The recalculation letters' changed incomes (campaigns/notify.py: a chunk's NIRs, the
            # quarter, previous_amount set): only the lines a later file corrected take an entry, so
            # the read no longer walks every line of the chunk's NIRs (≈ 1.7 ms of the server's CPU
            # per chunk, docs/campaigns-speed-log.md "Session 7: letters").
            models.Index(
                fields=["nir", "month"],
                condition=models.Q(previous_amount__isnull=False),
                name="income_changed_idx",
            ),
        ]

    def __str__(self):
        return f"{self.month} {self.get_kind_display()} {self.amount}"


class IncomeSummary(models.Model):
    """One person's feed summed by kind and month, kept by the import in its own transaction
    (benefits/campaigns/feed_summary.py): what a campaign chunk reads instead of the lines (one
    primary-key probe a person, where summing ≈ 18 lines a person was half of PostgreSQL's CPU for a
    chunk). Always recomputed from the lines, never patched: it holds every line of a month >= since."""

    nir = models.CharField(max_length=15, primary_key=True)
    since = models.CharField(max_length=7, help_text="Every line of this month and later is summed here")
    first_month = models.CharField(max_length=7, blank=True, help_text="The first month summed, '' if none")
    last_month = models.CharField(max_length=7, blank=True, help_text="The last month summed, '' if none")
    # JSON {kind: {month: euros}}, kinds and months in order, each sum written as its exact decimal:
    # the very text households.INCOMES gives for the same lines. Text: the chunk decodes it, nothing
    # queries inside it.
    incomes = models.TextField(default="{}")

    class Meta:
        verbose_name = _("revenus résumés d’une personne")
        verbose_name_plural = _("revenus résumés des personnes")

    def __str__(self):
        return f"{self.nir} {self.first_month}..{self.last_month}"


class PersonNir(models.Model):
    """Which file an adult's NIR belongs to: the feed speaks NIR, the campaigns speak files."""

    nir = models.CharField(max_length=15, unique=True)
    file = models.ForeignKey("benefits.AllocataireFile", on_delete=models.CASCADE, related_name="nirs")
    member = models.CharField(max_length=8)

    class Meta:
        verbose_name = _("NIR d’une personne")
        verbose_name_plural = _("NIR des personnes")

    def __str__(self):
        return f"{self.file_id}/{self.member}"
