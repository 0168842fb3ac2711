"""The core's batch alone on one CPU, while the other CPU is idle or busy, alternated.

    DATABASE_URL=postgres://… python bench/core_neighbour.py [ROUNDS]

On an existing database (`campaign_demo --households N`): the campaign's households (the bench's
reference inputs, bench_campaigns.computed_cases), then ROUNDS (4) rounds of, in turn, the core's
batch (1 000 a batch, as bench_campaigns.core_rate) pinned to CPU 0 with, pinned to CPU 1: nothing,
a Python spin loop (no memory traffic), a second core batch, a memory stream over 256 MB. Prints each
round's CPU µs a household (time.process_time) and the involuntary context switches, then the median
and minimum of each companion. A campaign keeps both CPUs busy by construction (two workers and their
PostgreSQL backends), the bench's reference runs with the other CPU only as busy as the rest of the
machine makes it: what the core pays for a busy neighbour is here (docs/campaigns.md, session 11).
Needs 2 CPUs at least.
"""

import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

CORE_LOOP = """
import pickle, sys
sys.path.insert(0, {root!r})
from benefits.rules.batch import compute_batch
cases = pickle.load(open({cases!r}, "rb"))[:2000]
while True:
    for _row in compute_batch(cases):
        pass
"""
COMPANIONS = {
    "none": None,
    "spin": "while True: pass",
    "core": CORE_LOOP,
    "stream": "b = bytearray(256 << 20)\nwhile True:\n    b[::64] = b[1::64]",
}


def one_round(cases: list) -> tuple[float, int]:
    """CPU µs a household of the core's batch on `cases`, 1 000 at a time, and the involuntary
    context switches meanwhile."""
    from benefits.rules.batch import compute_batch

    switches = resource.getrusage(resource.RUSAGE_SELF).ru_nivcsw
    started = time.process_time()
    for start in range(0, len(cases), 1000):
        for _row in compute_batch(cases[start : start + 1000]):
            pass
    spent = time.process_time() - started
    return spent / len(cases) * 1e6, resource.getrusage(resource.RUSAGE_SELF).ru_nivcsw - switches


def main() -> None:
    import django

    django.setup()
    from bench.bench_campaigns import computed_cases

    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    cases = computed_cases("recalcul", "2026-12")
    with tempfile.TemporaryDirectory() as folder:
        stored = Path(folder) / "cases.pickle"
        stored.write_bytes(pickle.dumps(cases))
        os.sched_setaffinity(0, {0})
        one_round(cases)  # warm-up: the parameters, the first calls
        figures: dict[str, list[float]] = {name: [] for name in COMPANIONS}
        for number in range(rounds):
            line = []
            for name, code in COMPANIONS.items():
                companion = None
                if code:
                    companion = subprocess.Popen(
                        [sys.executable, "-c", code.format(root=str(ROOT), cases=str(stored))],
                        preexec_fn=lambda: os.sched_setaffinity(0, {1}),
                    )
                    time.sleep(1.0)  # started, imported, computing
                try:
                    spent, switches = one_round(cases)
                finally:
                    if companion:
                        companion.kill()
                        companion.wait()
                figures[name].append(spent)
                line.append(f"{name} {spent:.0f} µs ({switches} switches)")
            print(f"round {number + 1}: " + ", ".join(line) + f"; load {os.getloadavg()[0]:.1f}", flush=True)
    print(
        "CPU µs a household, median (min): "
        + ", ".join(f"{n} {statistics.median(v):.0f} ({min(v):.0f})" for n, v in figures.items())
    )


if __name__ == "__main__":
    main()
