"""Evaluating a batch of files for a campaign: the core's batch API, then each kind's decision.

Shared by the chunk tasks, the dry run and the event-driven recalculation, so that the three can
never disagree. Reads the feed in one query per batch; writes nothing.
"""

from dataclasses import dataclass
from decimal import Decimal

from benefits.campaigns import kinds
from benefits.campaigns.households import current_rights, incomes_by_nir, neutral_household, quarter
from benefits.campaigns.models import Campaign, CampaignKind, Outcome
from benefits.rules import compute, compute_batch, parse_household
from benefits.rules.aide_exceptionnelle import aide_exceptionnelle

FILE_FIELDS = ("pk", "number", "members", "housing", "rights")


@dataclass
class Evaluation:
    file: dict
    decision: kinds.Decision
    explanation: dict


def evaluate(campaign: Campaign, files: list[dict]) -> list[Evaluation]:
    rights = {row["pk"]: current_rights(row["rights"]) for row in files}
    todo = [row for row in files if kinds.needs_core(campaign.kind, rights[row["pk"]])]
    nirs = {m.get("nir") for row in todo for m in row["members"] if m.get("nir")}
    incomes = incomes_by_nir(nirs, quarter(campaign.month)) if todo else {}
    households = {}
    for row in todo:
        person_incomes = {m["nir"]: incomes[m["nir"]] for m in row["members"] if m.get("nir") in incomes}
        households[row["pk"]] = neutral_household(row, campaign.month, person_incomes)
    if campaign.kind == CampaignKind.EXCEPTIONAL_AID:
        decided = exceptional_aid(campaign.month, households, rights)
    else:
        decided = with_core(campaign, households, rights)
    out = []
    for row in files:
        decision, explanation = decided.get(row["pk"], (kinds.Decision(Outcome.NOT_CONCERNED), {}))
        out.append(Evaluation(row, decision, explanation))
    return out


def with_core(campaign: Campaign, households: dict, rights: dict) -> dict:
    decided = {}
    cases = ((str(pk), campaign.month, data) for pk, data in households.items())
    for row in compute_batch(cases, explain=False):
        pk = int(row["id"])
        if "errors" in row:
            decided[pk] = (kinds.Decision(Outcome.INVALID), {"errors": row["errors"]})
            continue
        if campaign.kind == CampaignKind.NON_RECOURS:
            decision = kinds.decide_non_recours(rights[pk], row["benefits"], campaign.threshold)
        else:
            decision = kinds.decide_recalculation(rights[pk], row["benefits"])
        explanation = (
            explained(households[pk], campaign.month) if decision.outcome == Outcome.NOTIFIED else {}
        )
        decided[pk] = (decision, explanation)
    return decided


def explained(household: dict, month: str) -> dict:
    """The explanation of the quarterly rights, for the letter and the report (notified households only)."""
    result = compute(parse_household(household, month), explain=True).to_dict(explain=True)
    return {name: result["explanation"][name] for name in kinds.QUARTERLY}


def exceptional_aid(month: str, households: dict, rights: dict) -> dict:
    decided = {}
    for pk, data in households.items():
        try:
            household = parse_household(data, month)
        except ValueError as error:
            decided[pk] = (kinds.Decision(Outcome.INVALID), {"errors": [str(error)]})
            continue
        result = aide_exceptionnelle(household, month, rights[pk])
        decision = kinds.decide_exceptional_aid(Decimal(result.amount))
        decided[pk] = (decision, {"aide_exceptionnelle": result.as_dict(explain=True)})
    return decided
