"""The dry run: the campaign's code on a sample of the file, nothing written but its summary.

The sample is spread over the whole primary-key range (not the first rows, which are the oldest files),
and the figures are extrapolated to the file's size, so the operator sees the scale before launching.
"""

import random
from collections import Counter, defaultdict
from decimal import Decimal

from django.db.models import Max, Min

from benefits.campaigns.evaluate import aid_explained, evaluate, explained
from benefits.campaigns.file_rows import files_read
from benefits.campaigns.models import Campaign, CampaignKind, Outcome
from benefits.claims.models import AllocataireFile

SAMPLE = 500
EXAMPLES = 10


def sample_files(size: int, seed: int) -> list[dict]:
    bounds = AllocataireFile.objects.aggregate(first=Min("pk"), last=Max("pk"))
    if bounds["first"] is None:
        return []
    span = range(bounds["first"], bounds["last"] + 1)
    wanted = sorted(random.Random(seed).sample(span, min(len(span), size * 2)))
    files = files_read(AllocataireFile.objects.filter(pk__in=wanted))
    return files[:size]


def explanation_of(campaign: Campaign, evaluation) -> dict:
    """Computed for the ten examples only, from the household input the evaluation read."""
    if campaign.kind == CampaignKind.EXCEPTIONAL_AID:
        return aid_explained(evaluation.household, campaign.month, evaluation.rights)
    return explained(evaluation.household, campaign.month)["explanation"]


def example(campaign: Campaign, evaluation) -> dict:
    steps = []
    for name, benefit in explanation_of(campaign, evaluation).items():
        if isinstance(benefit, dict) and benefit.get("amount"):
            steps.append(
                {
                    "benefit": name,
                    "amount": benefit["amount"],
                    # Each step's legal basis kept, shown as the simulator shows it (dry_run.html).
                    "steps": [
                        {key: step.get(key) for key in ("label", "amount", "op", "legal_basis", "legal_url")}
                        for step in benefit.get("steps", [])
                    ],
                }
            )
    return {
        "file": evaluation.file["number"],
        "old": evaluation.decision.old,
        "new": evaluation.decision.new,
        "total": str(evaluation.decision.total),
        "explanation": steps,
    }


def campaign_dry_run(*, campaign: Campaign, size: int = SAMPLE) -> dict:
    files = sample_files(size, seed=campaign.pk)
    evaluations = evaluate(campaign, files)
    outcomes = Counter(e.decision.outcome for e in evaluations)
    by_benefit = defaultdict(lambda: {"count": 0, "amount": Decimal(0)})
    for e in evaluations:
        if e.decision.outcome == Outcome.NOTIFIED:
            for name, amount in e.decision.new.items():
                by_benefit[name]["count"] += 1
                by_benefit[name]["amount"] += Decimal(amount)
    population = AllocataireFile.objects.count()
    scale = population / len(files) if files else 0
    summary = {
        "sample": len(files),
        "population": population,
        "outcomes": {o.value: outcomes.get(o.value, 0) for o in Outcome},
        "projected_notified": round(outcomes.get(Outcome.NOTIFIED, 0) * scale),
        "by_benefit": {
            name: {
                "count": row["count"],
                "amount": str(row["amount"]),
                "projected": str(round(row["amount"] * Decimal(scale))),
            }
            for name, row in sorted(by_benefit.items())
        },
        "examples": [example(campaign, e) for e in evaluations if e.decision.outcome == Outcome.NOTIFIED][
            :EXAMPLES
        ],
    }
    Campaign.objects.filter(pk=campaign.pk).update(dry_run=summary)
    campaign.dry_run = summary
    return summary
