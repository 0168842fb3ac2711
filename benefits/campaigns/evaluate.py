"""Evaluating a batch of files for a campaign: the core's batch API, then each kind's decision.

Shared by the chunk tasks, the dry run and the event-driven recalculation, so that the three can
never disagree. Reads the feed in one query per batch; writes nothing.

The batch runs with the explanation off: the chunk decides, it does not explain. What a notified
household's letter explains is computed where the letter is rendered (letters queue), from the
household frozen here (`Evaluation.household`, its incomes as the texts they were decoded from:
letter_freeze.py), by `explained` and `aid_explained` below (benefits/campaigns/letter_complete.py);
the dry run explains its ten examples.
"""

from dataclasses import dataclass
from decimal import Decimal

from benefits.campaigns import kinds
from benefits.campaigns.file_rows import files_decode
from benefits.campaigns.households import (
    current_rights,
    feed_window,
    incomes_by_nir,
    month_filled,
    neutral_households,
)
from benefits.campaigns.models import Campaign, CampaignKind, Outcome
from benefits.rules import compute, compute_batch, parse_household
from benefits.rules.aide_exceptionnelle import aide_exceptionnelle


@dataclass(slots=True)  # one per file of a chunk: no instance dict
class Evaluation:
    file: dict  # a FileRow (file_rows.py): its members and housing decoded only if read
    decision: kinds.Decision
    errors: list
    household: dict | None  # the neutral household the core (or the aid's module) read, None if not computed
    held: dict | None  # the file's current rights as Decimals, None until read for a file not computed
    # The chunk's incomes as the database gave them, {nir: JSON text} (shared by the chunk's evaluations;
    # households.incomes_by_nir): what its letters freeze (letter_freeze.py).
    incomes_texts: dict | None = None

    @property
    def rights(self) -> dict:
        """The file's current rights {benefit: Decimal}: built by evaluate for the files it computes,
        on first reading for the others (nothing reads them in a chunk)."""
        if self.held is None:
            self.held = current_rights(self.file["rights"])
        return self.held


def evaluate(campaign: Campaign, files: list[dict]) -> list[Evaluation]:
    kind, month = campaign.kind, campaign.month
    rights, todo = {}, []
    needs_core = kinds.needs_core_rows  # the kind's filter on the rights as decoded: no Decimal
    for row in files:
        if needs_core(kind, row["rights"]):
            rights[row["pk"]] = current_rights(row["rights"])
            todo.append(row)
    households, texts = {}, {}
    if todo:
        files_decode(todo)
        nirs = {m.get("nir") for row in todo for m in row["members"]} - {None, ""}
        incomes = month_filled(incomes_by_nir(nirs, feed_window(month), texts), month)
        households = neutral_households(todo, month, incomes)
    if kind == CampaignKind.EXCEPTIONAL_AID:
        decided = exceptional_aid(month, households, rights)
    else:
        decided = with_core(campaign, households, rights)
    # The files a kind does not compute (about half of a chunk) share one decision and one empty list
    # of errors: nothing downstream changes an evaluation, and that is 1 000 objects fewer to build and
    # to free per chunk.
    nothing = (kinds.Decision(Outcome.NOT_CONCERNED), [])
    get_decided, get_household, get_rights = decided.get, households.get, rights.get
    out = []
    for row in files:
        pk = row["pk"]
        decision, errors = get_decided(pk) or nothing
        out.append(Evaluation(row, decision, errors, get_household(pk), get_rights(pk), texts))
    return out


def with_core(campaign: Campaign, households: dict, rights: dict) -> dict:
    """{pk: (decision, errors)}: the core's whole batch first, then the decisions in one loop. Decided
    between two of the batch's households, each decision found its code and data evicted by the core
    and paid for it in cache misses: on the loaded machine the evaluation around the batch cost
    0.036–0.056 s a chunk that way, 0.020–0.023 s this way, for the same instructions
    (docs/campaigns-speed-log.md, "Session 7: evaluation side"); the core's own CPU does not change."""
    month = campaign.month
    rows = list(compute_batch(((str(pk), month, data) for pk, data in households.items()), explain=False))
    decided, no_errors = {}, []  # one empty list for the chunk's valid households (never changed)
    if campaign.kind == CampaignKind.NON_RECOURS:
        decide, threshold = kinds.decide_non_recours, campaign.threshold
        for row in rows:
            pk = int(row["id"])
            if "errors" in row:
                decided[pk] = (kinds.Decision(Outcome.INVALID), row["errors"])
            else:
                decided[pk] = (decide(rights[pk], row["benefits"], threshold), no_errors)
        return decided
    decide = kinds.decide_recalculation
    for row in rows:
        pk = int(row["id"])
        if "errors" in row:
            decided[pk] = (kinds.Decision(Outcome.INVALID), row["errors"])
        else:
            decided[pk] = (decide(rights[pk], row["benefits"]), no_errors)
    return decided


def explained(household: dict, month: str) -> dict:
    """The core's explained result for the quarterly rights ({"benefits", "explanation"}), from the
    household input a chunk froze: for the letter (rendered later) and the dry run's examples."""
    result = compute(parse_household(household, month), explain=True).to_dict(explain=True)
    return {
        "benefits": {name: result["benefits"][name] for name in kinds.QUARTERLY},
        "explanation": {name: result["explanation"][name] for name in kinds.QUARTERLY},
    }


def aid_result(household: dict, month: str, rights: dict):
    return aide_exceptionnelle(parse_household(household, month), month, rights)


def aid_explained(household: dict, month: str, rights: dict) -> dict:
    """The exceptional aid's explanation lines ({"aide_exceptionnelle": ...}) from the frozen input."""
    return {"aide_exceptionnelle": aid_result(household, month, rights).as_dict(explain=True)}


def exceptional_aid(month: str, households: dict, rights: dict) -> dict:
    decided = {}
    for pk, data in households.items():
        try:
            result = aid_result(data, month, rights[pk])
        except ValueError as error:
            decided[pk] = (kinds.Decision(Outcome.INVALID), [str(error)])
            continue
        decided[pk] = (kinds.decide_exceptional_aid(Decimal(result.amount)), [])
    return decided
