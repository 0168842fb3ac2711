"""Generates the differential-test fixtures: households and OpenFisca-France's amounts for them.

Run with the oracle's own environment (`make oracle-fixtures`, several minutes):
    .oracle-venv/bin/python tests/benefits/rules/make_oracle_fixtures.py [--only 2026-06|handmade] [--check]

Writes tests/benefits/rules/fixtures/oracle_<month>.json (seeded random households, one file per
month) and oracle_handmade.json (edge cases of handmade_households.py). Each file is
{"source", "oracle", "cases": [{"id", "month", "household", "expected"}]}, compact and with sorted
keys, so the same seeds and versions always give byte-identical files; `--check` recomputes
everything in memory and fails if a committed file differs.
It imports gen_households.py and oracle.py from ../shared/oracle (next to the repository).
"""

import argparse
import importlib.metadata
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
ORACLE_DIR = ROOT.parent / "shared" / "oracle"
FIXTURES = HERE / "fixtures"
# Four months with different parameter sets: before the 2025 April revaluation (2025-03), the 2025
# parameters before the 2025-10 housing scales (2025-09), after the 2026 April revaluation and the
# 2026 AF age switch with the 2025-10 housing scales (2026-06), and the 2026-10 housing scales (2026-11).
# Seeds are this project's own, not gen_households.py's defaults, so they do not overlap other samples.
MONTHS = {"2025-03": 73_202_503, "2025-09": 73_202_509, "2026-06": 73_202_606, "2026-11": 73_202_611}
PER_MONTH = 600


def import_oracle():
    sys.path.insert(0, str(ORACLE_DIR))
    sys.path.insert(0, str(HERE))
    import gen_households
    import handmade_households
    import oracle

    return gen_households, handmade_households, oracle


def versions() -> dict:
    return {
        name: importlib.metadata.version(name) for name in ("openfisca-france", "openfisca-core", "numpy")
    }


def document(source: dict, items: list[tuple[str, str, dict]], oracle) -> dict:
    results = oracle.compute(items)
    cases = [
        {"id": case_id, "month": month, "household": household, "expected": result["benefits"]}
        for (case_id, month, household), result in zip(items, results, strict=True)
    ]
    return {"source": source, "oracle": versions(), "cases": cases}


def random_items(gen_households, month: str, seed: int) -> list[tuple[str, str, dict]]:
    households = gen_households.generate(PER_MONTH, month, seed)
    for household in households:
        # gen_households numbers households from 0 in every month: prefix the month to keep ids unique.
        household["id"] = f"{month}-{household['id']}"
    return [(h["id"], month, h) for h in households]


def encode(doc: dict) -> str:
    return json.dumps(doc, separators=(",", ":"), sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", help="one month of MONTHS, or 'handmade'")
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed files, write nothing"
    )
    args = parser.parse_args(argv)
    gen_households, handmade_households, oracle = import_oracle()
    oracle.tax_benefit_system()  # loaded once (~10 s), not counted in the per-file timings

    jobs = {
        month: lambda month=month, seed=seed: document(
            {"generator": "gen_households.py", "month": month, "seed": seed, "n": PER_MONTH},
            random_items(gen_households, month, seed),
            oracle,
        )
        for month, seed in MONTHS.items()
    }
    jobs["handmade"] = lambda: document(
        {"generator": "tests/benefits/rules/handmade_households.py"}, handmade_households.cases(), oracle
    )
    if args.only:
        jobs = {args.only: jobs[args.only]}

    FIXTURES.mkdir(exist_ok=True)
    stale = []
    for name, job in jobs.items():
        started = time.perf_counter()
        doc = job()
        text = encode(doc)
        path = FIXTURES / f"oracle_{name}.json"
        elapsed = time.perf_counter() - started
        if args.check:
            same = path.exists() and path.read_text() == text
            stale += [] if same else [path.name]
            status = "identical" if same else "DIFFERS"
            print(f"{path.name}: {status} ({len(doc['cases'])} households, {elapsed:.1f} s)")
        else:
            # Atomic replace: the core's tests may be reading the fixtures while they are regenerated.
            partial = path.with_suffix(".json.partial")
            partial.write_text(text)
            os.replace(partial, path)
            size = f"{len(text) / 1e6:.2f} MB"
            print(f"{path.name}: {len(doc['cases'])} households, {size}, OpenFisca {elapsed:.1f} s")
    if stale:
        print(f"regenerate with `make oracle-fixtures`: {', '.join(stale)}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
