"""The campaigns' only door to the letters feature (benefits/letters/services.py): one place to wire.

`letters_request_bulk` (benefits/letters/bulk.py) is idempotent on kind:source_key:revision, with
source_key "campaign:<id>:file:<id>", so a chunk delivered twice asks twice and gets the same letters;
it is called inside the chunk's transaction, so a chunk rolled back (a worker killed) leaves no letter
and queues no rendering. A whole chunk's letters cost a fixed number of queries: the changed incomes
of all its notified households in one read, the letters in one bulk insert.
The exceptional aid has its own letter (benefits/campaigns/aid_letter.py).
"""

from collections import defaultdict

from django.urls import reverse
from django.utils import timezone

from benefits.campaigns.aid_letter import exceptional_aid_context
from benefits.campaigns.feed_models import IncomeKind, IncomeRecord
from benefits.campaigns.households import quarter
from benefits.campaigns.payments import next_payment_day
from benefits.letters.bulk import LetterAsk, letters_request_bulk
from benefits.letters.services import LetterKind, eligibility_context, recalculation_context
from benefits.rules import ENGINE_VERSION, parameters_version

LETTER_KINDS = {
    "non_recours": LetterKind.ELIGIBILITY,
    "recalcul": LetterKind.RECALCULATION,
    "aide_exceptionnelle": LetterKind.EXCEPTIONAL_AID,
}
KIND_LABELS = {
    IncomeKind.SALARY: {"fr": "Salaire (montant net social)", "en": "Salary (net social amount)"},
    IncomeKind.UNEMPLOYMENT: {"fr": "Allocation chômage", "en": "Unemployment benefit"},
    IncomeKind.SICKNESS: {"fr": "Indemnités journalières maladie", "en": "Sickness benefit"},
    IncomeKind.PENSION: {"fr": "Retraite", "en": "Pension"},
    IncomeKind.INVALIDITY: {"fr": "Pension d’invalidité", "en": "Invalidity pension"},
}


def estimate(evaluation) -> dict:
    """The evaluation in the shape of the core's SimulationResult.to_dict(explain=True)."""
    return {
        "benefits": {name: float(amount) for name, amount in evaluation.decision.new.items()},
        "explanation": evaluation.explanation,
        "engine_version": ENGINE_VERSION,
        "parameters_version": parameters_version(),
    }


def changed_incomes_by_nir(nirs, month: str) -> dict[str, list]:
    """The quarter's feed lines that an import changed (old → new), by NIR, for a whole chunk at once."""
    records = IncomeRecord.objects.filter(nir__in=list(nirs), month__in=quarter(month)).exclude(
        previous_amount=None
    )
    found = defaultdict(list)
    for record in records.order_by("month", "nir", "payer"):
        found[record.nir].append(record)
    return found


def changed_incomes(file, month: str, by_nir: dict) -> list[dict]:
    names = {
        m.get("nir"): f"{m.get('given_names', '')} {m.get('family_name', '')}".strip() for m in file.adults
    }
    records = sorted(
        (record for nir in names for record in by_nir.get(nir, ())),
        key=lambda record: (record.month, record.nir, record.payer),
    )
    return [
        {
            "person": names[record.nir],
            "month": record.month,
            "label": KIND_LABELS.get(record.kind, {"fr": record.kind, "en": record.kind}),
            "old": str(record.previous_amount),
            "new": str(record.amount),
        }
        for record in records
    ]


def letter_context(*, campaign, file, evaluation, changes: dict, claim_url: str) -> dict:
    decision = evaluation.decision
    if campaign.kind == "aide_exceptionnelle":
        return exceptional_aid_context(
            file=file,
            month=campaign.month,
            amount=decision.payment,
            payment_day=next_payment_day(timezone.localdate()),  # the payment order's (chunks.py)
            explanation=evaluation.explanation,
            versions={"engine_version": ENGINE_VERSION, "parameters_version": parameters_version()},
        )
    if campaign.kind == "non_recours":
        return eligibility_context(
            file=file, month=campaign.month, result=estimate(evaluation), claim_url=claim_url
        )
    return recalculation_context(
        file=file,
        month=campaign.month,
        old_amounts=decision.old,
        new_amounts=decision.new,
        changed_incomes=changed_incomes(file, campaign.month, changes) if campaign.kind == "recalcul" else [],
        explanation=estimate(evaluation),
    )


def campaign_letters(*, campaign, files: dict, evaluations) -> dict[int, int]:
    """{file pk: letter id} for the notified evaluations: the same letters however often it is asked."""
    if not evaluations:
        return {}
    changes = {}
    if campaign.kind == "recalcul":
        nirs = {m.get("nir") for e in evaluations for m in files[e.file["pk"]].adults if m.get("nir")}
        changes = changed_incomes_by_nir(nirs, campaign.month)
    claim_url, subject = reverse("claims:index"), str(campaign.get_kind_display())
    asks = [
        LetterAsk(
            file_id=e.file["pk"],
            kind=LETTER_KINDS[campaign.kind],
            source_key=f"campaign:{campaign.pk}:file:{e.file['pk']}",
            revision=1,
            context=letter_context(
                campaign=campaign,
                file=files[e.file["pk"]],
                evaluation=e,
                changes=changes,
                claim_url=claim_url,
            ),
            subject=subject,
        )
        for e in evaluations
    ]
    ids = letters_request_bulk(asks)
    return {ask.file_id: ids[ask.source_key] for ask in asks}
