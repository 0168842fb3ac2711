"""What a chunk writes in a campaign letter: its frozen context, small and cheap to write.

The chunk does not explain (the core's explained computation is 3 to 4 times the batch's cost) and does
not build the letter's lines: it freezes what it decided and what it decided from — the household
input exactly as the core read it, the month, old and new amounts, the engine and parameter versions,
the addressee, the changed incomes (read from the feed now, since the feed may change again) — and
the letter is completed from that alone when it is rendered (letter_complete.py, on the letters
queue, other workers or machines). A letter rendered again in a year says the same thing.

Shape: the letter's `kind`, `issued_on`, `addressee`, `month`, the versions, `complete_with`
("campaign": benefits/letters/completion.py calls letter_complete.complete) and `campaign`, the frozen
input, which the completed context keeps.
"""

from benefits.rules import ENGINE_VERSION, parameters_version

COMPLETE_WITH = "campaign"
LETTER_CONTEXT_KINDS = {
    "non_recours": "eligibility",
    "recalcul": "recalculation",
    "aide_exceptionnelle": "exceptional_aid",
}


def addressee_of(file_row: dict) -> dict:
    """The same addressee as benefits.letters.contexts.addressee, from the chunk's file row."""
    holder = next((m for m in file_row["members"] if m.get("role") == "applicant"), None)
    name = f"{holder.get('given_names', '')} {holder.get('family_name', '')}" if holder else ""
    housing = file_row["housing"]
    return {
        "name": name.strip() or f"{file_row['given_names']} {file_row['family_name']}",
        "file_number": file_row["number"],
        "address": housing.get("address", "") if isinstance(housing, dict) else "",
    }


def frozen_context(*, campaign, evaluation, issued_on, payment_day, claim_url, changed_incomes) -> dict:
    decision = evaluation.decision
    return {
        "kind": LETTER_CONTEXT_KINDS[campaign.kind],
        "complete_with": COMPLETE_WITH,
        "issued_on": issued_on.isoformat(),
        "addressee": addressee_of(evaluation.file),
        "month": campaign.month,
        "engine_version": ENGINE_VERSION,
        "parameters_version": parameters_version(),
        "campaign": {
            "id": campaign.pk,
            "kind": campaign.kind,
            "household": evaluation.household,
            "rights": {name: str(amount) for name, amount in evaluation.rights.items()},
            "old": decision.old,
            "new": decision.new,
            "payment": str(decision.payment),
            "payment_day": payment_day.isoformat(),
            "claim_url": claim_url,
            "changed_incomes": changed_incomes,
        },
    }
