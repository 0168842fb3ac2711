"""What each kind of campaign decides for one household, from its current rights and the core's answer.

Pure functions (no database): the chunk code calls them on a batch, the dry run on a sample, the tests
on handmade cases. A household a kind does not concern is decided without computing anything, so a
campaign over the whole file pays the core only for the households it may notify.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from benefits.campaigns.models import CampaignKind, Outcome

# The rights the quarterly declaration recomputes; the family benefits follow other calendars.
QUARTERLY = ("ppa", "rsa", "aide_logement")
CHANGE_THRESHOLD = Decimal("1.00")  # a recalculation changing a right by 1 € or less tells nobody
CENT = Decimal("0.01")
ZERO = Decimal(0)


@dataclass
class Decision:
    outcome: str
    old: dict = field(default_factory=dict)
    new: dict = field(default_factory=dict)
    total: Decimal = Decimal(0)
    payment: Decimal = Decimal(0)


def needs_core(kind: str, rights: dict[str, Decimal]) -> bool:
    """Whether the household must go through the core's batch for this kind of campaign."""
    receives = any(rights.get(name, 0) > 0 for name in QUARTERLY)
    if kind == CampaignKind.NON_RECOURS:
        return not receives
    if kind == CampaignKind.RECALCULATION:
        return receives
    return rights.get("rsa", 0) > 0 or rights.get("aide_logement", 0) > 0


def cents(values: dict) -> dict[str, Decimal]:
    """The quarterly amounts of `values` (floats of a core output row, or Decimals), to the cent, zeros
    left out."""
    found = {}
    for name in QUARTERLY:
        value = values.get(name, 0)
        if value > 0:
            found[name] = (value if isinstance(value, Decimal) else Decimal(repr(value))).quantize(CENT)
    return found


def amounts(benefits: dict) -> dict[str, str]:
    """The quarterly rights of a core output row, as decimal strings, zeros left out."""
    return {name: str(value) for name, value in cents(benefits).items()}


def decide_non_recours(rights: dict, benefits: dict, threshold: Decimal) -> Decision:
    new = cents(benefits)
    total = sum(new.values(), Decimal(0))
    outcome = Outcome.NOTIFIED if new and total >= threshold else Outcome.UNCHANGED
    return Decision(outcome, new={name: str(v) for name, v in new.items()}, total=total)


def decide_recalculation(rights: dict, benefits: dict) -> Decision:
    old, new = cents(rights), cents(benefits)
    changed = any(abs(new.get(name, ZERO) - old.get(name, ZERO)) > CHANGE_THRESHOLD for name in QUARTERLY)
    return Decision(
        Outcome.NOTIFIED if changed else Outcome.UNCHANGED,
        old={name: str(v) for name, v in old.items()},
        new={name: str(v) for name, v in new.items()},
        total=sum(new.values(), Decimal(0)),
    )


def decide_exceptional_aid(amount: Decimal) -> Decision:
    if amount <= 0:
        return Decision(Outcome.NOT_CONCERNED)
    return Decision(Outcome.NOTIFIED, new={"aide_exceptionnelle": str(amount)}, total=amount, payment=amount)


def rights_after(rights_rows: list, decision: Decision) -> list:
    """The file's rights once a recalculation is recorded: the quarterly ones replaced, others kept."""
    kept = [row for row in rights_rows if row["benefit"] not in QUARTERLY]
    return kept + [{"benefit": name, "amount": amount} for name, amount in decision.new.items()]
