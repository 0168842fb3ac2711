"""Explanations: each benefit returns its amount with the ordered steps that reproduce it.

A step applies an operation to a running total: "=" (start from), "+", "-", "×" (multiply),
"≤" (cap at), "≥" (floor at); "i" steps only inform (a condition met, a count) and leave the total
alone. Replaying the steps gives the amount (tests check this for every case).
"""

import json
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources

from benefits.rules.text import Text, french_typography

CODES = {
    "CSS": "LEGITEXT000006073189",
    "CASF": "LEGITEXT000006074069",
    "CCH": "LEGITEXT000006074096",
    "CGI": "LEGITEXT000006069577",
}
OPERATIONS = ("=", "+", "-", "×", "≤", "≥", "i")
CENT = Decimal("0.01")
ROUNDING_GAP = Decimal("0.02")  # a real rounding of the shown steps; a larger gap is a bug in the steps


# Found through the package, not this module's __file__ (a compiled module's may point elsewhere).
ARTICLES = resources.files("benefits.rules") / "data" / "legifrance_articles.json"
FIRST_ARTICLE = re.compile(r"^(?P<code>CSS|CASF|CCH|CGI) (?P<article>[LRD][0-9]+(?:-[0-9]+)*)")


@cache
def article_ids() -> dict[str, str]:
    return json.loads(ARTICLES.read_text(encoding="utf-8"))["articles"]


_URLS: dict[str, str | None] = {}  # legal basis → link; the legal bases are a few dozen literals of the rules


def legifrance_url(legal_basis: str) -> str | None:
    """Link to the article named first in `legal_basis` (e.g. "CSS L842-3") on its own Légifrance page
    when its id is known (data/legifrance_articles.json), else to the whole code."""
    if legal_basis in _URLS:  # a plain dict: from compiled code, cheaper than functools.cache's wrapper
        return _URLS[legal_basis]
    url = _legifrance_url(legal_basis)
    _URLS[legal_basis] = url
    return url


def _legifrance_url(legal_basis: str) -> str | None:
    match = FIRST_ARTICLE.match(legal_basis)
    if match and f"{match['code']} {match['article']}" in article_ids():
        return f"https://www.legifrance.gouv.fr/codes/article_lc/{article_ids()[match[0]]}"
    code = legal_basis.split(" ", 1)[0]
    if code in CODES:
        return f"https://www.legifrance.gouv.fr/codes/texte_lc/{CODES[code]}"
    return None


_MONEY: dict[float, Decimal] = {}  # float → Decimal amount; a batch repeats the same few amounts
MONEY_MEMO_SIZE = 4096


def money(value: float) -> Decimal:
    amount = _MONEY.get(value)
    if amount is None:
        amount = Decimal(repr(round(value, 6))).quantize(CENT, rounding=ROUND_HALF_UP)
        if len(_MONEY) < MONEY_MEMO_SIZE:  # bounded: a long campaign must not grow it for ever
            _MONEY[value] = amount
    return amount


@dataclass(frozen=True, slots=True)
class Step:
    label: Text
    amount: Decimal | None
    op: str
    legal_basis: str
    legal_url: str | None

    # The __init__ the dataclass would write, written out: compiled, it stores the fields directly
    # instead of running the dataclass's interpreted one (issue 16, fourth pass; the same in Python).
    def __init__(
        self, label: Text, amount: Decimal | None, op: str, legal_basis: str, legal_url: str | None
    ) -> None:
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "amount", amount)
        object.__setattr__(self, "op", op)
        object.__setattr__(self, "legal_basis", legal_basis)
        object.__setattr__(self, "legal_url", legal_url)

    def as_dict(self, language: str | None = None) -> dict:
        return {
            "label": self.label.get(language) if language else self.label.as_dict(),
            "amount": float(self.amount) if self.amount is not None else None,
            "op": self.op,
            "legal_basis": self.legal_basis,
            "legal_url": self.legal_url,
        }


@dataclass(frozen=True, slots=True)
class BenefitResult:
    name: str
    label: Text
    amount: Decimal
    eligible: bool
    period: str
    steps: tuple[Step, ...]
    blocking_reason: Text | None

    def __init__(
        self,
        name: str,
        label: Text,
        amount: Decimal,
        eligible: bool,
        period: str,
        steps: tuple[Step, ...],
        blocking_reason: Text | None,
    ) -> None:  # written out, as Step's
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "amount", amount)
        object.__setattr__(self, "eligible", eligible)
        object.__setattr__(self, "period", period)
        object.__setattr__(self, "steps", steps)
        object.__setattr__(self, "blocking_reason", blocking_reason)

    def as_dict(self, explain: bool) -> dict:
        out = {"amount": float(self.amount), "eligible": self.eligible, "period": self.period}
        if explain:
            out["label"] = self.label.as_dict()
            out["blocking_reason"] = self.blocking_reason.as_dict() if self.blocking_reason else None
            out["steps"] = [step.as_dict() for step in self.steps]
        return out


class Trace:
    """Collects the steps of one benefit; with explain off it records nothing (the batch's fast path)."""

    __slots__ = ("enabled", "steps", "blocking")

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.steps: list[Step] = []
        self.blocking: Text | None = None

    def step(self, op: str, fr: str, en: str, amount: float | None, basis: str) -> None:
        if self.enabled:
            value = None if amount is None else (Decimal(repr(amount)) if op == "×" else money(amount))
            label = Text(french_typography(fr), en)  # only here: the batch path never formats
            self.steps.append(Step(label, value, op, basis, legifrance_url(basis)))

    def block(self, fr: str, en: str, basis: str) -> None:
        """Names the condition that is not met, in words a person understands."""
        if self.enabled:
            self.blocking = Text(french_typography(fr), en)
            self.steps.append(Step(self.blocking, None, "i", basis, legifrance_url(basis)))
        else:
            self.blocking = Text(fr, en)

    def result(self, name: str, label: Text, amount: float, period: str = "month") -> BenefitResult:
        value = money(amount)
        if self.enabled and self.steps:
            # Steps show amounts rounded to the cent while the rules carry full precision: the cents
            # lost on the way are shown as their own step, so that replaying the steps gives the amount.
            gap = value - replay(self.steps)
            if gap and abs(gap) <= ROUNDING_GAP:
                rounding = Text("Arrondi au centime", "Rounding to the cent")
                self.steps.append(Step(rounding, gap, "+", "", None))
        return BenefitResult(
            name=name,
            label=label,
            amount=value,
            eligible=value > 0,
            period=period,
            steps=tuple(self.steps),
            blocking_reason=self.blocking if value <= 0 else None,
        )


class SilentTrace(Trace):
    """The batch's trace: records nothing, keeps no blocking reason, and its result is the amount alone
    (a float, the same as `float(BenefitResult.amount)`). Stateless, so one instance serves every call:
    the rules' internal look-ups (another month's housing aid, last month's RSA...) use `SILENT`
    instead of allocating a Trace each time."""

    __slots__ = ()

    def step(self, op: str, fr: str, en: str, amount: float | None, basis: str) -> None:
        return None

    def block(self, fr: str, en: str, basis: str) -> None:
        return None

    def result(self, name: str, label: Text, amount: float, period: str = "month") -> float:  # type: ignore[override]
        return float(money(amount))


SILENT = SilentTrace(False)


def replay(steps) -> Decimal:
    total = Decimal(0)
    for step in steps:
        if step.op == "=":
            total = step.amount
        elif step.op == "+":
            total += step.amount
        elif step.op == "-":
            total -= step.amount
        elif step.op == "×":
            total *= step.amount
        elif step.op == "≤":
            total = min(total, step.amount)
        elif step.op == "≥":
            total = max(total, step.amount)
    return total
