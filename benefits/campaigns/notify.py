"""The campaigns' only door to the letters feature (benefits/letters/services.py): one place to wire.

`letter_request` is idempotent on kind:source_key:revision, with source_key "campaign:<id>:file:<id>",
so a chunk delivered twice asks twice and gets the same letter; it is called inside the chunk's
transaction, so a chunk rolled back (a worker killed) leaves no letter and queues no rendering.
The exceptional aid reuses the recalculation letter's layout (old → new, its explanation).
"""

from django.urls import reverse

from benefits.campaigns.feed_models import IncomeKind, IncomeRecord
from benefits.campaigns.households import quarter
from benefits.letters.services import LetterKind, eligibility_context, letter_request, recalculation_context
from benefits.rules import ENGINE_VERSION, parameters_version

LETTER_KINDS = {
    "non_recours": LetterKind.ELIGIBILITY,
    "recalcul": LetterKind.RECALCULATION,
    "aide_exceptionnelle": LetterKind.RECALCULATION,
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


def changed_incomes(file, month: str) -> list[dict]:
    """The quarter's feed lines that an import changed (old → new), by person."""
    names = {
        m.get("nir"): f"{m.get('given_names', '')} {m.get('family_name', '')}".strip() for m in file.adults
    }
    records = IncomeRecord.objects.filter(nir__in=list(names), month__in=quarter(month)).exclude(
        previous_amount=None
    )
    return [
        {
            "person": names[record.nir],
            "month": record.month,
            "label": KIND_LABELS.get(record.kind, {"fr": record.kind, "en": record.kind}),
            "old": str(record.previous_amount),
            "new": str(record.amount),
        }
        for record in records.order_by("month", "nir", "payer")
    ]


def letter_context(*, campaign, file, evaluation) -> dict:
    decision = evaluation.decision
    if campaign.kind == "non_recours":
        return eligibility_context(
            file=file, month=campaign.month, result=estimate(evaluation), claim_url=reverse("claims:index")
        )
    return recalculation_context(
        file=file,
        month=campaign.month,
        old_amounts=decision.old,
        new_amounts=decision.new,
        changed_incomes=changed_incomes(file, campaign.month) if campaign.kind == "recalcul" else [],
        explanation=estimate(evaluation),
    )


def campaign_letter(*, campaign, file, evaluation) -> int:
    """The letter of a notified household (its id): the same one however often it is asked for."""
    letter = letter_request(
        file=file,
        kind=LETTER_KINDS[campaign.kind],
        source_key=f"campaign:{campaign.pk}:file:{file.pk}",
        revision=1,
        context=letter_context(campaign=campaign, file=file, evaluation=evaluation),
        subject=str(campaign.get_kind_display()),
    )
    return letter.pk
