"""Compares the calculation core with OpenFisca-France on the committed fixtures.

    .venv/bin/python tests/benefits/rules/list_disagreements.py             # rewrites KNOWN_DISAGREEMENTS.md
    .venv/bin/python tests/benefits/rules/list_disagreements.py --summary   # per-benefit agreement only
    .venv/bin/python tests/benefits/rules/list_disagreements.py --show aah  # the disagreements of a benefit

A disagreement is a household whose core amount differs from OpenFisca's by more than 1 €. Its cause
comes from disagreement_causes.yaml (maintained with the core: benefit -> rules matching household
ids); a disagreement no rule explains is written "cause à analyser", which test_oracle_agreement.py
refuses. Needs only the fixtures and the core, not OpenFisca.
"""

import argparse
import functools
import json
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from benefits.rules import BENEFITS, HouseholdInputError, compute, parse_household  # noqa: E402

FIXTURES = HERE / "fixtures"
KNOWN = HERE / "KNOWN_DISAGREEMENTS.md"
CAUSES = HERE / "disagreement_causes.yaml"
TOLERANCE = Decimal("1")  # euros; absolute, never widened: explain the household instead
TARGET = Decimal("0.995")  # share of households within the tolerance, per benefit
UNEXPLAINED = "cause à analyser"
# A rule names its households: a `pattern:` on the id would explain tomorrow's unrelated
# disagreements in advance (it is refused), and a rule or an id matching no disagreement fails the
# tests (test_oracle_agreement.py), so every cause stays tied to households that show it.
RULE_KEYS = {"ids", "cause", "reference"}


@dataclass(frozen=True)
class Disagreement:
    id: str
    month: str
    benefit: str
    core: Decimal
    openfisca: Decimal

    @property
    def key(self) -> tuple[str, str]:
        return self.id, self.benefit


@dataclass(frozen=True)
class Comparison:
    households: int
    rows: tuple[Disagreement, ...]
    errors: dict  # household id -> why the core could not compute it
    # benefit -> households where the core or OpenFisca pays it (a household that neither pays says
    # nothing about a benefit: the CF's rate is over its recipients, not over every household).
    paid: dict

    def payers(self, benefit: str) -> int:
        return self.paid.get(benefit, 0)

    def agreeing(self, benefit: str) -> int:
        return self.payers(benefit) - sum(1 for row in self.rows if row.benefit == benefit)

    def rate(self, benefit: str) -> Decimal:
        payers = self.payers(benefit)
        return Decimal(self.agreeing(benefit)) / payers if payers else Decimal(1)


def load_cases() -> list[dict]:
    cases = []
    for path in sorted(FIXTURES.glob("oracle_*.json")):
        cases += json.loads(path.read_text())["cases"]
    return cases


@functools.cache
def compare() -> Comparison:
    """Computes every fixture household with the core (a few seconds; cached for the test module)."""
    cases = load_cases()
    rows, errors, paid = [], {}, dict.fromkeys(BENEFITS, 0)
    for case in cases:
        try:
            result = compute(parse_household(case["household"], case["month"]), case["month"], explain=False)
        except HouseholdInputError as error:
            errors[case["id"]] = f"refused: {error.errors}"
            result = None
        except Exception as error:  # a crash is reported per household, never hides the others
            errors[case["id"]] = f"{type(error).__name__}: {error}"
            result = None
        for benefit in BENEFITS:
            theirs = Decimal(str(case["expected"][benefit]))
            if result is None:
                paid[benefit] += 1  # not computed: counted as paid by one engine and disagreeing
                continue
            ours = Decimal(result.benefits[benefit].amount).quantize(Decimal("0.01"))
            if ours or theirs:
                paid[benefit] += 1
            if abs(ours - theirs) > TOLERANCE:
                rows.append(Disagreement(case["id"], case["month"], benefit, ours, theirs))
    return Comparison(len(cases), tuple(rows), errors, paid)


def load_causes() -> dict:
    """benefit -> rules: {ids: [...] and/or pattern: regex on the household id, cause, reference}."""
    data = yaml.safe_load(CAUSES.read_text()) if CAUSES.exists() else None
    data = data or {}
    for benefit, rules in data.items():
        if benefit not in BENEFITS:
            raise ValueError(f"{CAUSES.name}: unknown benefit {benefit!r}")
        for rule in rules or []:
            unknown = set(rule) - RULE_KEYS
            if unknown:
                raise ValueError(f"{CAUSES.name}: {benefit}: unknown keys {sorted(unknown)}")
    return data


def matches(rule: dict, row: Disagreement) -> bool:
    return row.id in (rule.get("ids") or [])


def cause_of(row: Disagreement, causes: dict) -> str:
    """'cause (reference)' of the first matching rule; both are required to count as explained."""
    for rule in causes.get(row.benefit) or []:
        if matches(rule, row):
            cause, reference = str(rule.get("cause") or "").strip(), str(rule.get("reference") or "").strip()
            if cause and reference:
                return f"{cause} ({reference})".replace("|", "/").replace("\n", " ")
    return UNEXPLAINED


def unused_rules(comparison: Comparison, causes: dict) -> list[str]:
    """Rules, and ids of rules, that match no current disagreement of their benefit."""
    out = []
    disagreeing = {(row.benefit, row.id) for row in comparison.rows}
    for benefit, rules in causes.items():
        for position, rule in enumerate(rules or []):
            unused = [i for i in rule.get("ids") or [] if (benefit, i) not in disagreeing]
            if unused:
                out.append(f"{benefit}[{position}] ({rule.get('cause', '')[:40]}…): {', '.join(unused)}")
    return out


def summary_lines(comparison: Comparison) -> list[str]:
    lines = [
        f"Over the households where the core or OpenFisca pays the benefit ({comparison.households} in all):",
        f"{'benefit':14} {'paid':>10} {'within 1 €':>10} {'agreement':>9}",
    ]
    for benefit in BENEFITS:
        rate = comparison.rate(benefit)
        verdict = "OK" if rate >= TARGET else f"BELOW {TARGET:.1%}"
        agreeing = comparison.agreeing(benefit)
        lines.append(f"{benefit:14} {comparison.payers(benefit):10} {agreeing:10} {rate:9.2%}  {verdict}")
    if comparison.errors:
        lines.append(f"{len(comparison.errors)} households not computed by the core (counted as disagreeing)")
    return lines


def render(comparison: Comparison, causes: dict) -> str:
    lines = [
        "# Known disagreements with OpenFisca-France",
        "",
        "Every household of the committed fixtures (`fixtures/oracle_*.json`) whose core amount",
        "differs from OpenFisca-France's by more than 1 €, with its cause from `disagreement_causes.yaml`",
        "(an OpenFisca quirk of `../shared/oracle/README.md`, or a legal reading with its citation).",
        "Generated by `.venv/bin/python tests/benefits/rules/list_disagreements.py`: do not edit by hand.",
        "`test_oracle_agreement.py` fails when a disagreement is missing here, when a line here no longer",
        f'occurs, or when a line says "{UNEXPLAINED}". See docs/oracle.md.',
        "",
        f"Agreement per benefit over the households where the core or OpenFisca pays it (of"
        f" {comparison.households} households):",
        "",
        "| benefit | paid by either | within 1 € | agreement |",
        "| --- | ---: | ---: | ---: |",
    ]
    for benefit in BENEFITS:
        agreeing, rate = comparison.agreeing(benefit), comparison.rate(benefit)
        lines.append(f"| {benefit} | {comparison.payers(benefit)} | {agreeing} | {rate:.2%} |")
    lines += [
        "",
        "| household | month | benefit | core | OpenFisca | cause |",
        "| --- | --- | --- | ---: | ---: | --- |",
    ]
    for row in sorted(comparison.rows, key=lambda r: (BENEFITS.index(r.benefit), r.month, r.id)):
        cause = cause_of(row, causes)
        lines.append(
            f"| {row.id} | {row.month} | {row.benefit} | {row.core:.2f} | {row.openfisca:.2f} | {cause} |"
        )
    return "\n".join(lines) + "\n"


def parse_known(text: str) -> dict:
    """(household id, benefit) -> (month, core, OpenFisca, cause) of the committed table."""
    listed = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[2] in BENEFITS:
            household, month, benefit, core, openfisca, cause = cells
            listed[household, benefit] = (month, Decimal(core), Decimal(openfisca), cause)
    return listed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--summary", action="store_true", help="print the per-benefit agreement, write nothing"
    )
    parser.add_argument(
        "--show", metavar="BENEFIT", choices=BENEFITS, help="print this benefit's disagreements"
    )
    args = parser.parse_args(argv)
    comparison, causes = compare(), load_causes()
    if args.show:
        for row in comparison.rows:
            if row.benefit == args.show:
                print(
                    f"{row.id} {row.month} core {row.core} OpenFisca {row.openfisca}  {cause_of(row, causes)}"
                )
    elif not args.summary:
        KNOWN.write_text(render(comparison, causes))
        unexplained = sum(1 for row in comparison.rows if cause_of(row, causes) == UNEXPLAINED)
        print(f"{KNOWN.name}: {len(comparison.rows)} disagreements, {unexplained} {UNEXPLAINED}")
        for rule in unused_rules(comparison, causes):
            print(f"note: rule matching no disagreement: {rule}")
    for household, why in sorted(comparison.errors.items()):
        print(f"not computed: {household}: {why}")
    print("\n".join(summary_lines(comparison)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
