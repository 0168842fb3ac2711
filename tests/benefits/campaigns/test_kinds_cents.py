"""The decisions' amounts in integer cents (kinds.to_cents' float fast path) against the rule they
replaced: Decimal(repr(value)).quantize(Decimal("0.01")) per benefit, compared as Decimals."""

import random
from decimal import Decimal

import pytest

from benefits.campaigns import kinds
from benefits.campaigns.households import current_rights
from benefits.campaigns.models import CampaignKind, Outcome

CENT = Decimal("0.01")
RULE_THRESHOLD = Decimal("1.00")


def rule_cents(values: dict) -> dict[str, Decimal]:
    """The former kinds.cents: the reference."""
    found = {}
    for name in kinds.QUARTERLY:
        value = values.get(name, 0)
        if value > 0:
            found[name] = (value if isinstance(value, Decimal) else Decimal(repr(value))).quantize(CENT)
    return found


def amounts_of(rng: random.Random) -> float | Decimal:
    """Cent figures (what the core returns), ties at half a cent, long floats, tiny and large values."""
    draw = rng.random()
    if draw < 0.4:
        return rng.randrange(0, 300_000) / 100
    if draw < 0.55:
        return (rng.randrange(0, 300_000) * 10 + 5) / 1000  # x.xx5: half-even on the repr's decimal
    if draw < 0.7:
        return rng.uniform(0, 3000)
    if draw < 0.75:
        return rng.choice([0.001, 0.004, 0.005, 0.006, 1e-9, 5e-3, 0.015, 0.025, 1.005, 2.675, 0.125])
    if draw < 0.8:
        return rng.choice([1e11 + 0.07, 999_999_999_999.99, 1e12, 1e12 + 0.5, 3.5e15, float(2**53)])
    if draw < 0.9:
        return Decimal(rng.randrange(0, 300_000)) / 100
    return Decimal(f"{rng.uniform(0, 3000):.4f}")


def test_to_cents_gives_the_decimal_rule_for_floats_and_decimals():
    rng = random.Random(13)
    for _ in range(50_000):
        value = amounts_of(rng)
        if not value > 0:
            continue
        whole, text = kinds.to_cents(value)
        expected = rule_cents({"ppa": value})["ppa"]
        assert (Decimal(whole) / 100, text) == (expected, str(expected)), value


def random_benefits(rng: random.Random) -> dict:
    return {
        name: (amounts_of(rng) if rng.random() < 0.6 else 0.0) for name in (*kinds.QUARTERLY, "af", "asf")
    }


def random_rights(rng: random.Random) -> dict:
    return {
        name: Decimal(f"{rng.randrange(0, 300_000) / 100:.2f}")
        for name in (*kinds.QUARTERLY, "asf")
        if rng.random() < 0.5
    }


@pytest.mark.parametrize("seed", range(3))
def test_the_recalculation_decides_as_with_decimals(seed):
    rng = random.Random(seed)
    for _ in range(5_000):
        rights, benefits = random_rights(rng), random_benefits(rng)
        if rng.random() < 0.3:  # a right moved by about 1 €: the threshold itself
            name = rng.choice(kinds.QUARTERLY)
            benefits[name] = float(
                rights.get(name, 0) + rng.choice([-1, 1]) * Decimal(rng.choice([99, 100, 101])) / 100
            )
        old, new = rule_cents(rights), rule_cents(benefits)
        zero = Decimal(0)
        changed = any(abs(new.get(n, zero) - old.get(n, zero)) > RULE_THRESHOLD for n in kinds.QUARTERLY)
        decision = kinds.decide_recalculation(rights, benefits)
        assert decision.outcome == (Outcome.NOTIFIED if changed else Outcome.UNCHANGED)
        assert decision.old == {n: str(v) for n, v in old.items()}
        assert decision.new == {n: str(v) for n, v in new.items()}
        expected_total = sum(new.values(), Decimal(0))
        assert (decision.total, str(decision.total)) == (expected_total, str(expected_total))


def test_the_non_recours_campaign_decides_as_with_decimals():
    rng = random.Random(7)
    for _ in range(5_000):
        benefits, threshold = random_benefits(rng), Decimal(rng.choice([1, 10, 50]))
        new = rule_cents(benefits)
        total = sum(new.values(), Decimal(0))
        decision = kinds.decide_non_recours({}, benefits, threshold)
        assert decision.outcome == (Outcome.NOTIFIED if new and total >= threshold else Outcome.UNCHANGED)
        assert decision.new == {n: str(v) for n, v in new.items()}
        assert (decision.total, str(decision.total)) == (total, str(total))
        assert kinds.amounts(benefits) == decision.new


def rights_rows_of(rng: random.Random) -> list:
    """A file's rights rows as stored: texts to the cent mostly, zeros, other spellings and types, other
    benefits, and a benefit twice now and then (its last row is the one current_rights keeps)."""
    spellings = ["0.00", "0", "000.000", ".5", "5.", "0.01", "-3.00", "1E+2", "0E-2", " 7.10", "٣.00"]
    rows = []
    for _ in range(rng.randrange(0, 5)):
        benefit = rng.choice([*kinds.QUARTERLY, "af", "asf", "aah"])
        draw = rng.random()
        if draw < 0.5:
            amount = f"{rng.randrange(0, 200_000) / 100:.2f}"
        elif draw < 0.8:
            amount = rng.choice(spellings)
        else:
            amount = rng.choice([0, 12, 0.0, 3.5, -1.25])
        rows.append({"benefit": benefit, "amount": amount})
    return rows


def test_the_kinds_filter_on_the_rows_is_the_filter_on_the_decimals():
    rng = random.Random(9)
    for _ in range(20_000):
        rows = rights_rows_of(rng)
        for kind in CampaignKind.values:
            assert kinds.needs_core_rows(kind, rows) == kinds.needs_core(kind, current_rights(rows)), (
                kind,
                rows,
            )
    for kind in CampaignKind.values:
        assert kinds.needs_core_rows(kind, None) == kinds.needs_core(kind, current_rights(None))
    with pytest.raises(ArithmeticError):  # what is not an amount fails as it did through the Decimal
        kinds.needs_core_rows(CampaignKind.RECALCULATION, [{"benefit": "ppa", "amount": "abc"}])
