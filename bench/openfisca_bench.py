"""OpenFisca-France side of the calculation benchmark (run by the oracle's Python, not the portal's).

    .oracle-venv/bin/python bench/openfisca_bench.py CASES.json OUT.json [--n 500] [--single-runs 5]

CASES.json: anything ../shared/oracle/oracle.py accepts (households, or cases {"id", "month",
"household"}). Measures, for the eight benefits:
  (a) one household computed alone (one simulation), median over --single-runs after a warm-up;
  (b) --n households of one month (the first case's) in one vectorised simulation, households/s,
      median over --batch-runs. Cases are repeated with new ids if the file has fewer than --n.
Prints one JSON line {"single_median_s", "batch_households_per_s", "n", ...} and writes it to OUT.json.
OpenFisca is slow (a simulation walks the AL <-> RSA chain back month by month: seconds each), so the
defaults keep the whole run under about two minutes; repetitions stop early past --budget seconds.
Not a bench_*.py module on purpose: `python -m bench` must not need OpenFisca.
"""

import argparse
import importlib.metadata
import json
import statistics
import sys
import time
from pathlib import Path

ORACLE_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "oracle"


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def repeat(function, runs: int, deadline: float) -> list[float]:
    """At least one run; further runs only while the time budget lasts."""
    times = [timed(function)]
    while len(times) < runs and time.perf_counter() < deadline:
        times.append(timed(function))
    return times


def batch_of(cases: list, month: str, n: int) -> list:
    same_month = [case for case in cases if case[1] == month]
    return [(f"{case[0]}~{k // len(same_month)}", month, case[2]) for k, case in enumerate(same_month * n)][
        :n
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("cases", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=500, help="households in the vectorised batch")
    parser.add_argument("--single-runs", type=int, default=5)
    parser.add_argument("--batch-runs", type=int, default=3)
    parser.add_argument("--budget", type=float, default=100.0, help="seconds after which repetitions stop")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    deadline = started + args.budget

    sys.path.insert(0, str(ORACLE_DIR))
    import oracle

    cases = oracle.load_households(json.loads(args.cases.read_text()))
    if not cases:
        raise SystemExit(f"{args.cases}: no household")
    load_s = timed(oracle.tax_benefit_system)  # parameters and formulas: once per process
    one = [cases[0]]
    oracle.compute(one)  # warm-up: first simulation fills OpenFisca's caches
    single = repeat(lambda: oracle.compute(one), args.single_runs, deadline)
    batch = batch_of(cases, cases[0][1], args.n)
    batch_times = repeat(lambda: oracle.compute(batch), args.batch_runs, deadline)
    batch_median = statistics.median(batch_times)
    result = {
        "single_median_s": round(statistics.median(single), 4),
        "single_best_s": round(min(single), 4),
        "single_runs": len(single),
        "batch_households_per_s": round(len(batch) / batch_median, 1),
        "batch_median_s": round(batch_median, 3),
        "batch_best_households_per_s": round(len(batch) / min(batch_times), 1),
        "batch_runs": len(batch_times),
        "n": len(batch),
        "month": cases[0][1],
        "tax_benefit_system_load_s": round(load_s, 2),
        "total_s": round(time.perf_counter() - started, 1),
        "openfisca_france": importlib.metadata.version("openfisca-france"),
        "openfisca_core": importlib.metadata.version("openfisca-core"),
        "note": (
            f"OpenFisca is slow: single = median of {len(single)} runs, batch = {len(batch)} households of "
            f"{cases[0][1]} in one simulation, median of {len(batch_times)} runs; sized to stay near 2 min"
        ),
    }
    line = json.dumps(result, ensure_ascii=False)
    args.out.write_text(line + "\n")
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
