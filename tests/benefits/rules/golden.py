"""Golden outputs of the core: the proof that a speed-up changes nothing (issue 16).

For every household of the OpenFisca fixtures and 3,000 generated ones (fixtures/golden_households
.json.gz, made once by `gen_households.py` with this file's seeds, committed so that a change of the
generator does not move them), the batch row and the explained result are serialised as JSON and
digested; `fixtures/golden_outputs.json` holds the digests. `test_core_golden.py` fails when one
byte of one output changes.

A change that *means* to change outputs (a rule, a parameter, a label) regenerates the digests in
the same commit, and says so:
    .venv/bin/python tests/benefits/rules/golden.py            # rewrite golden_outputs.json
    .venv/bin/python tests/benefits/rules/golden.py --households   # redraw the 3,000 (rarely)
"""

import gzip
import hashlib
import json
import sys
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
FIXTURES = HERE / "fixtures"
HOUSEHOLDS = FIXTURES / "golden_households.json.gz"
OUTPUTS = FIXTURES / "golden_outputs.json"
# Months and seeds of the 3,000 generated households: other months than the oracle fixtures'.
SEEDS = {"2025-02": 16_202_502, "2025-07": 16_202_507, "2025-12": 16_202_512, "2026-04": 16_202_604}
SEEDS["2026-09"] = 16_202_609
PER_MONTH = 600


def generated_cases() -> list[tuple[str, str, dict]]:
    data = json.loads(gzip.decompress(HOUSEHOLDS.read_bytes()))
    return [(case["id"], case["month"], case["household"]) for case in data]


def fixture_cases() -> list[tuple[str, str, dict]]:
    cases = []
    for path in sorted(FIXTURES.glob("oracle_*.json")):
        for case in json.loads(path.read_text())["cases"]:
            cases.append((case["id"], case["month"], case["household"]))
    return cases


def all_cases() -> list[tuple[str, str, dict]]:
    return fixture_cases() + generated_cases()


def digest(document) -> str:
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def outputs(cases) -> dict[str, list[str]]:
    """id → [digest of the batch row, digest of the explained result] (the explained path is
    `compute(..., explain=True)`, what the simulator and the API call)."""
    from benefits.rules import compute, compute_batch, parse_household

    batch = compute_batch(cases, explain=False)
    result = {}
    for (case_id, month, household), row in zip(cases, batch, strict=True):
        explained = compute(parse_household(household, month), explain=True).to_dict(explain=True)
        result[f"{month} {case_id}"] = [digest(row), digest(explained)]
    return result


@cache
def cached_outputs() -> dict[str, list[str]]:
    """outputs(all_cases()) once per process (the golden test and the compiled core's test share it)."""
    return outputs(all_cases())


def draw_households() -> None:
    sys.path.insert(0, str(ROOT.parent / "shared" / "oracle"))
    import gen_households

    cases = []
    for month, seed in SEEDS.items():
        for household in gen_households.generate(PER_MONTH, month, seed):
            household["id"] = f"g-{month}-{household['id']}"
            cases.append({"id": household["id"], "month": month, "household": household})
    text = json.dumps(cases, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
    HOUSEHOLDS.write_bytes(gzip.compress(text.encode(), mtime=0))


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    if "--households" in argv:
        draw_households()
    digests = outputs(all_cases())
    OUTPUTS.write_text(json.dumps(digests, indent=0, sort_keys=True) + "\n")
    print(f"{OUTPUTS.name}: {len(digests)} households")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
