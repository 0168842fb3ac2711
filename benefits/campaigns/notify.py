"""The campaigns' only door to the letters feature (benefits/letters/services.py): one place to wire.

`letters_request_bulk` (benefits/letters/bulk.py) is idempotent on kind:source_key:revision, with
source_key "campaign:<id>:file:<id>", so a chunk delivered twice asks twice and gets the same letters;
it is called inside the chunk's transaction, so a chunk rolled back (a worker killed) leaves no letter
and queues no rendering. A whole chunk's letters cost a fixed number of queries: the changed incomes
of all its notified households in one read, the letters in one bulk insert.

The chunk writes a **frozen** context (benefits/campaigns/letter_freeze.py): what it decided and the
household the core read, its adults' incomes as the JSON texts the database gave
(Evaluation.incomes_texts), spliced in rather than encoded again — small and cheap to write: JSON text
written by letter_freeze.Freezer (the chunk's constants once) and stored as written. The letter's full
context (the explanation, its lines for the letter) is completed when the letter is rendered, on the
letters queue (benefits/campaigns/letter_complete.py), from that frozen input only — so the letter is
reproducible.
"""

from collections import defaultdict

from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from benefits.campaigns.feed_models import IncomeKind, IncomeRecord
from benefits.campaigns.households import quarter
from benefits.campaigns.letter_freeze import Freezer
from benefits.campaigns.payments import next_payment_day
from benefits.letters.bulk import LetterAsk, letters_request_bulk
from benefits.letters.services import LetterKind
from benefits.rules import ENGINE_VERSION, parameters_version
from portal.pg_copy import fetch_prepared

LETTER_KINDS = {
    "non_recours": LetterKind.ELIGIBILITY,
    "recalcul": LetterKind.RECALCULATION,
    "aide_exceptionnelle": LetterKind.EXCEPTIONAL_AID,
}
# What the person reads as the letter's title (and in Mon espace's list), not the operator's label; the
# same wording as the Mon espace message (templates/benefits/campaigns/includes/messages.html).
SUBJECTS = {
    "non_recours": _("Vous pourriez avoir droit à une aide"),
    "recalcul": _("Vos droits ont été recalculés"),
    "aide_exceptionnelle": _("Une aide exceptionnelle vous sera versée"),
}
KIND_LABELS = {
    IncomeKind.SALARY: {"fr": "Salaire (montant net social)", "en": "Salary (net social amount)"},
    IncomeKind.UNEMPLOYMENT: {"fr": "Allocation chômage", "en": "Unemployment benefit"},
    IncomeKind.SICKNESS: {"fr": "Indemnités journalières maladie", "en": "Sickness benefit"},
    IncomeKind.PENSION: {"fr": "Retraite", "en": "Pension"},
    IncomeKind.INVALIDITY: {"fr": "Pension d’invalidité", "en": "Invalidity pension"},
}


def adults(file_row: dict) -> list[dict]:
    return [m for m in file_row["members"] if m["role"] in ("applicant", "partner")]


# The NIRs (digits, or 2A/2B: never a comma) sent as one comma-separated text that the server splits:
# psycopg would dump a list of hundreds of strings as an array element by element, checking each for
# quoting (≈ 1 ms of the worker's CPU for a chunk). Even a malformed NIR could only bring back lines
# that changed_incomes then ignores: it picks each household's lines by its members' own NIRs.
CHANGED = f"""
SELECT nir, month, payer, kind, previous_amount, amount FROM {IncomeRecord._meta.db_table}
WHERE nir = ANY(string_to_array(%s, ',')) AND month = ANY(string_to_array(%s, ','))
AND previous_amount IS NOT NULL ORDER BY month, nir, payer
"""


def changed_incomes_by_nir(nirs, month: str) -> dict[str, list]:
    """The quarter's feed lines that an import changed, by NIR, for a whole chunk at once (tuples; on
    PostgreSQL the NIRs are one text parameter, not hundreds of IN placeholders)."""
    if connection.vendor == "postgresql":
        rows = fetch_prepared(CHANGED, [",".join(nirs), ",".join(quarter(month))])  # planned once
    else:
        rows = (
            IncomeRecord.objects.filter(nir__in=list(nirs), month__in=quarter(month))
            .exclude(previous_amount=None)
            .order_by("month", "nir", "payer")
            .values_list("nir", "month", "payer", "kind", "previous_amount", "amount")
        )
    found = defaultdict(list)
    for row in rows:
        found[row[0]].append(row)
    return found


def changed_incomes(file_row: dict, by_nir: dict) -> list[dict]:
    """The household's changed incomes (old → new), as the recalculation letter prints them."""
    names = {
        m.get("nir"): f"{m.get('given_names', '')} {m.get('family_name', '')}".strip()
        for m in adults(file_row)
    }
    rows = sorted(
        (row for nir in names for row in by_nir.get(nir, ())), key=lambda row: (row[1], row[0], row[2])
    )
    return [
        {
            "person": names[nir],
            "month": month,
            "label": KIND_LABELS.get(kind, {"fr": kind, "en": kind}),
            "old": str(previous),
            "new": str(amount),
        }
        for nir, month, _payer, kind, previous, amount in rows
    ]


def campaign_letters(*, campaign, evaluations) -> dict[int, int]:
    """{file pk: letter id} for the notified evaluations: the same letters however often it is asked."""
    if not evaluations:
        return {}
    changes = {}
    if campaign.kind == "recalcul":
        nirs = {m.get("nir") for e in evaluations for m in adults(e.file) if m.get("nir")}
        changes = changed_incomes_by_nir(nirs, campaign.month)
    # In full: the letter is printed, and a bare path means nothing on paper.
    claim_url = settings.PORTAL_PUBLIC_URL + reverse("claims:index")
    today = timezone.localdate()
    # The chunk's constants encoded once, each letter's own values in one call (letter_freeze.Freezer).
    freezer = Freezer(
        campaign=campaign,
        issued_on=today,
        payment_day=next_payment_day(today),  # the payment order's (chunks.py)
        claim_url=claim_url,
    )
    kind, subject, prefix = (
        LETTER_KINDS[campaign.kind],
        str(SUBJECTS[campaign.kind]),
        f"campaign:{campaign.pk}:file:",
    )
    engine_version, parameters = ENGINE_VERSION, parameters_version()
    text = freezer.text
    asks = [
        LetterAsk(
            file_id=e.file["pk"],
            kind=kind,
            source_key=f"{prefix}{e.file['pk']}",
            revision=1,
            context=text(e, changed_incomes(e.file, changes) if changes else []),
            subject=subject,
            engine_version=engine_version,
            parameters_version=parameters,
        )
        for e in evaluations
    ]
    ids = letters_request_bulk(asks)
    return {ask.file_id: ids[ask.source_key] for ask in asks}
