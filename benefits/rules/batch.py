"""Batch API for campaigns: streams results for an iterable of households, in bounded memory.

Nothing is materialised: one household is parsed, computed and yielded at a time. What does not
depend on the household — the parameters in force each month — is resolved once and cached by
`params.parameters_at`, so a campaign over millions of households pays for it once per month.
"""

from collections.abc import Iterable, Iterator

from benefits.rules.engine import compute, compute_amounts
from benefits.rules.errors import HouseholdInputError
from benefits.rules.months import month_label


def load_cases(document, default_month: str | None = None) -> Iterator[tuple[str, str | None, dict]]:
    """Normalises the inputs oracle.py accepts: a household, a list, {"households": [...]},
    {"cases": [...]} or a list of cases {"id", "month", "household"}."""
    if isinstance(document, dict) and "households" in document:
        document = document["households"]
    if isinstance(document, dict) and "cases" in document:
        document = document["cases"]
    if isinstance(document, dict):
        document = [document]
    if not isinstance(document, list):
        raise HouseholdInputError([])
    for position, item in enumerate(document):
        if isinstance(item, dict) and "household" in item:
            household = item["household"]
            case_id = item.get(
                "id", household.get("id", str(position)) if isinstance(household, dict) else str(position)
            )
            month = (
                default_month
                or item.get("month")
                or (household.get("month") if isinstance(household, dict) else None)
            )
        else:
            household = item
            case_id = item.get("id", str(position)) if isinstance(item, dict) else str(position)
            month = default_month or (item.get("month") if isinstance(item, dict) else None)
        yield str(case_id), month, household


def compute_batch(
    cases: Iterable[tuple[str, str | None, dict]], explain: bool = False, extra: bool = False
) -> Iterator[dict]:
    """Yields one output row per case, in order: {"id", "month", "benefits"} (plus the explanation
    with `explain`; "extra" with `extra`, see extra_benefits.py), or {"id", "month", "errors": [...]} for
    an invalid household — a bad row never stops the stream."""
    from benefits.rules.parsing import parse_household

    for case_id, month, data in cases:
        try:
            household = parse_household(data, month)
            if household.month is None:
                raise HouseholdInputError([])
        except HouseholdInputError as error:
            errors = error.as_list() or [
                {
                    "path": "month",
                    "message": "Le mois est obligatoire (AAAA-MM).",
                    "message_en": "The month is required.",
                }
            ]
            yield {"id": case_id, "month": month, "errors": errors}
            continue
        if not explain and not extra:  # the campaigns' path: amounts only
            yield {
                "id": case_id,
                "month": month_label(household.month),
                "benefits": compute_amounts(household),
            }
            continue
        row = compute(household, explain=explain, extra=extra).to_dict(explain=explain)
        row["id"] = case_id
        yield row
