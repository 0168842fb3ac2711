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
CHANGE_CENTS = int(CHANGE_THRESHOLD * 100)
CENT = Decimal("0.01")
ZERO = Decimal(0)


@dataclass(slots=True)  # one per file of a chunk: no instance dict
class Decision:
    outcome: str
    old: dict = field(default_factory=dict)
    new: dict = field(default_factory=dict)
    total: Decimal = Decimal(0)
    payment: Decimal = Decimal(0)


def receives(rights: dict[str, Decimal]) -> bool:
    """Whether the file holds one of the quarterly rights (a loop, not any(…): run for every file)."""
    for name in QUARTERLY:  # noqa: SIM110 (any() with a generator costs twice this loop)
        if rights.get(name, 0) > 0:
            return True
    return False


def needs_core(kind: str, rights: dict[str, Decimal]) -> bool:
    """Whether the household must go through the core's batch for this kind of campaign."""
    if kind == CampaignKind.NON_RECOURS:
        return not receives(rights)
    if kind == CampaignKind.RECALCULATION:
        return receives(rights)
    return rights.get("rsa", 0) > 0 or rights.get("aide_logement", 0) > 0


# needs_core's rule read from the file's rights rows [{benefit, amount}] as decoded, without a Decimal
# per right: the files a kind does not compute (most of a non-recours campaign's, whose files hold a
# right) never need their rights as Decimals. The same answer as needs_core(kind, current_rights(rows))
# (tests/benefits/campaigns/test_kinds_cents.py).
QUARTERLY_NAMES = frozenset(QUARTERLY)
AID_NAMES = frozenset(("rsa", "aide_logement"))


def positive(amount) -> bool:
    """Decimal(str(amount)) > 0: a plain decimal text ("300.48", "0.00": ASCII digits and at most one
    point) is positive when it has a digit other than 0; anything else goes through the Decimal."""
    if type(amount) is str:
        digits = amount.replace(".", "", 1)
        if digits.isdigit() and digits.isascii():
            return digits.strip("0") != ""
    return Decimal(str(amount)) > 0


def holds(rows: list, names: frozenset) -> bool:
    """Whether the file holds a positive right among `names`; a benefit's last row decides, as it does
    in the {benefit: amount} dict of current_rights."""
    decided: tuple = ()  # the names a later row already decided
    for row in reversed(rows):
        name = row["benefit"]
        if name in names and name not in decided:
            if positive(row["amount"]):
                return True
            decided += (name,)
    return False


def needs_core_rows(kind: str, rows: list) -> bool:
    """needs_core(kind, current_rights(rows)), from the rows."""
    if not rows:
        return kind == CampaignKind.NON_RECOURS
    if kind == CampaignKind.NON_RECOURS:
        return not holds(rows, QUARTERLY_NAMES)
    if kind == CampaignKind.RECALCULATION:
        return holds(rows, QUARTERLY_NAMES)
    return holds(rows, AID_NAMES)


def to_cents(value: float | Decimal) -> tuple[int, str]:
    """An amount (a float of a core output row, or a Decimal) to the cent, rounded half to even from
    the float's shortest repr (`Decimal(repr(value)).quantize(CENT)`, the rule): its number of cents
    and its text ("50.90").

    A float the core rounded to the cent is the double nearest to its figure in cents, so its repr is
    that figure: checked (c / 100 == value), it needs no Decimal, and f"{value:.2f}" writes that figure.
    A Decimal already at two places (a file's right, "50.93") is its own text without the point. Any
    other float or Decimal goes the Decimal way. tests/benefits/campaigns/test_kinds_cents.py holds
    the three ways equal."""
    if type(value) is float:
        if 0 <= value < 1e12:
            whole = round(value * 100)
            if whole / 100 == value:
                return whole, f"{value:.2f}"
    elif type(value) is Decimal:
        text = str(value)
        # "ddd.dd" exactly (no sign, no exponent): quantize would give the same Decimal back.
        if len(text) > 3 and text[-3] == "." and (digits := text[:-3] + text[-2:]).isdigit():
            return int(digits), text
    exact = (value if isinstance(value, Decimal) else Decimal(repr(value))).quantize(CENT)
    return int(exact.scaleb(2)), str(exact)


def quarterly_cents(values: dict) -> dict[str, tuple[int, str]]:
    """The quarterly amounts of `values` (floats of a core output row, or Decimals) to the cent (see
    to_cents), zeros left out (an amount below half a cent stays, as "0.00")."""
    found = {}
    for name in QUARTERLY:
        value = values.get(name, 0)
        if value > 0:
            found[name] = to_cents(value)
    return found


def amounts(benefits: dict) -> dict[str, str]:
    """The quarterly rights of a core output row, as decimal strings, zeros left out."""
    return {name: text for name, (_whole, text) in quarterly_cents(benefits).items()}


# The decisions below run once per computed household, right after the core's batch: one pass over
# the three quarterly rights each, the texts and the cents together, no intermediate dicts (the same
# result as through Decimals: tests/benefits/campaigns/test_kinds_cents.py).
NOTIFIED, UNCHANGED = Outcome.NOTIFIED, Outcome.UNCHANGED


def decide_non_recours(rights: dict, benefits: dict, threshold: Decimal) -> Decision:
    new, cents = {}, 0
    for name in QUARTERLY:
        value = benefits.get(name, 0)
        if value > 0:
            whole, new[name] = to_cents(value)
            cents += whole
    total = Decimal(cents).scaleb(-2) if new else ZERO
    return Decision(NOTIFIED if new and total >= threshold else UNCHANGED, {}, new, total)


def decide_recalculation(rights: dict, benefits: dict) -> Decision:
    old, new, cents, changed = {}, {}, 0, False
    for name in QUARTERLY:  # in cents: exact, as the Decimals' difference was
        before = after = 0
        value = rights.get(name, 0)
        if value > 0:
            before, old[name] = to_cents(value)
        value = benefits.get(name, 0)
        if value > 0:
            after, new[name] = to_cents(value)
            cents += after
        if abs(after - before) > CHANGE_CENTS:
            changed = True
    return Decision(NOTIFIED if changed else UNCHANGED, old, new, Decimal(cents).scaleb(-2) if new else ZERO)


def decide_exceptional_aid(amount: Decimal) -> Decision:
    if amount <= 0:
        return Decision(Outcome.NOT_CONCERNED)
    return Decision(Outcome.NOTIFIED, new={"aide_exceptionnelle": str(amount)}, total=amount, payment=amount)


def rights_after(rights_rows: list, decision: Decision) -> list:
    """The file's rights once a recalculation is recorded: the quarterly ones replaced, others kept."""
    kept = [row for row in rights_rows if row["benefit"] not in QUARTERLY]
    return kept + [{"benefit": name, "amount": amount} for name, amount in decision.new.items()]
