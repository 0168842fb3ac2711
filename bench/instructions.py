"""Instructions per household of the calculation core, counted by valgrind's callgrind.

Wall-clock timings on a shared machine move with the other processes' load; the number of
instructions executed does not. `count(cases, mode)` runs this file under callgrind twice, with 0 and
with N households (same start-up, same warm-up), and returns the difference divided by N.
    python bench/instructions.py CASES.json batch|explained N     (what callgrind runs)
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WARM_UP = 20
PURE_ENV = "BENEFITS_RULES_PURE"  # benefits.rules.core_build: run the sources, not the compiled modules


def available() -> bool:
    return shutil.which("valgrind") is not None


def _collected(cases_file: Path, mode: str, n: int, pure: bool) -> int:
    environment = {key: value for key, value in os.environ.items() if key != PURE_ENV}
    if pure:
        environment[PURE_ENV] = "1"
    with tempfile.TemporaryDirectory() as folder:
        run = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={folder}/callgrind.out",
                sys.executable,
                __file__,
                str(cases_file),
                mode,
                str(n),
            ],
            capture_output=True,
            text=True,
            timeout=3600,
            cwd=ROOT,
            env=environment,
        )
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or not found:
        raise RuntimeError(f"callgrind failed: {run.stderr.strip().splitlines()[-1:]}")
    return int(found.group(1))


def count(cases: list[tuple[str, str, dict]], mode: str, pure: bool = False) -> int:
    """Instructions per household in `mode` ("batch": compute_batch without explanation; "explained":
    parse, compute with explanation and to_dict, as the API does), on the compiled core when it is
    built, or on the pure-Python one with `pure` (BENEFITS_RULES_PURE=1)."""
    with tempfile.TemporaryDirectory() as folder:
        cases_file = Path(folder) / "cases.json"
        cases_file.write_text(json.dumps(cases))
        n = len(cases) - WARM_UP
        return (_collected(cases_file, mode, n, pure) - _collected(cases_file, mode, 0, pure)) // n


def _run(cases_file: str, mode: str, n: int) -> None:
    sys.path.insert(0, str(ROOT))
    from benefits.rules import compute, compute_batch, parse_household

    cases = [tuple(case) for case in json.loads(Path(cases_file).read_text())]
    warm, work = cases[:WARM_UP], cases[WARM_UP : WARM_UP + n]
    for _ in compute_batch(warm):
        pass
    for _case_id, month, household in warm:
        compute(parse_household(household, month), explain=True).to_dict()
    if mode == "batch":
        for _ in compute_batch(work):
            pass
    else:
        for _case_id, month, household in work:
            compute(parse_household(household, month), explain=True).to_dict()


if __name__ == "__main__":
    _run(sys.argv[1], sys.argv[2], int(sys.argv[3]))
