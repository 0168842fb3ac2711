"""The core's batch inside a campaign's chunks against the bench's reference, same households.

    DATABASE_URL=postgres://… python bench/core_context.py [KIND]            (CPU seconds)
    python bench/core_context.py --callgrind [KIND]                          (instructions too)

On an existing database (`campaign_demo --households N`), in one process, with Django loaded (as the
bench's reference and a worker both have it), times the core's batch (compute_batch, explanation off)
on the campaign's households in these phases, in this order:
  1. "reference, one batch": every household in one call, in this fresh process;
  2. "reference, 1 000 a batch": bench_campaigns.core_rate's way;
  then gc_tune (portal/celery.py: what a worker does once ready; the bench's reference process does
  not), and every chunk of a KIND (recalcul) campaign run twice with chunk_run in a transaction rolled
  back (the first pass warms up), the core's batch timed inside the chunks;
  3. "inside the chunks": the second pass's batches, each chunk's households as the chunk built them;
  4. "the chunks' households alone": those very inputs (captured) run again, one chunk's at a time,
     nothing else in between: what differs from 3 is the context (the chunk's reads, decoding, writes
     and what they leave in the caches and the heap), not the input;
  5. "reference after the chunks, 1 000 a batch": the bench's inputs again in the same process: what
     differs from 4 is the input (how the households were built), from 2 the process's state.
Each phase prints CPU seconds (time.process_time) per household and the garbage collector's share.
With --callgrind, the script runs itself under valgrind's callgrind with instrumentation off except
around the batches (client requests through a small C helper compiled here), and prints the
instructions per household of each phase too: the same instruction count with more CPU means the
cycles are lost elsewhere (caches, the other processes on the cores); more instructions means the
work itself differs. QUIET=1 only prints the table.
"""

import ctypes
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

HELPER = r"""
#include <valgrind/callgrind.h>
void cg_start(void) { CALLGRIND_START_INSTRUMENTATION; }
void cg_stop(void) { CALLGRIND_STOP_INSTRUMENTATION; }
void cg_zero(void) { CALLGRIND_ZERO_STATS; }
void cg_dump(const char *label) { CALLGRIND_DUMP_STATS_AT(label); }
"""
CG = ctypes.CDLL(os.environ["CORE_CONTEXT_CG"]) if os.environ.get("CORE_CONTEXT_CG") else None
GC = [0.0, 0, 0.0]  # seconds in collections, collections, the running one's start
PHASES: list[tuple[str, float, float, int, int]] = []  # label, cpu, gc seconds, collections, households


def gc_clock(phase, info):
    if phase == "start":
        GC[2] = time.process_time()
    else:
        GC[0] += time.process_time() - GC[2]
        GC[1] += 1


class Phase:
    """Sums the CPU of the batches run inside it; under callgrind, counts their instructions only."""

    def __init__(self, label: str):
        self.label, self.cpu, self.households = label, 0.0, 0

    def __enter__(self):
        self.gc = GC[:2]
        if CG:
            CG.cg_zero()
        return self

    def batch(self, cases: list) -> list:
        from benefits.rules.batch import compute_batch

        if CG:
            CG.cg_start()
        started = time.process_time()
        rows = list(compute_batch(cases, explain=False))
        self.cpu += time.process_time() - started
        if CG:
            CG.cg_stop()
        self.households += len(rows)
        return rows

    def __exit__(self, *exc):
        if CG:
            CG.cg_dump(self.label.encode())
        PHASES.append((self.label, self.cpu, GC[0] - self.gc[0], GC[1] - self.gc[1], self.households))


def measured(kind: str) -> None:
    import django

    django.setup()
    from django.db import transaction

    from bench.bench_campaigns import computed_cases
    from benefits.campaigns import chunks, evaluate
    from benefits.campaigns.models import Campaign, CampaignChunk, CampaignStatus
    from benefits.campaigns.services import pk_ranges
    from benefits.letters import services as letters_services
    from portal.celery import gc_tune

    month = "2026-12"
    gc.callbacks.append(gc_clock)
    cases = computed_cases(kind, month)
    with Phase("reference, one batch (fresh process)") as phase:
        phase.batch(cases)
    with Phase("reference, 1 000 a batch") as phase:
        for start in range(0, len(cases), 1000):
            phase.batch(cases[start : start + 1000])
    if os.environ.get("CORE_CONTEXT_GC", "tune") == "tune":
        gc_tune()

    letters_services.render_each_enqueue = lambda letter_ids: None
    captured: list[list] = []
    inside = [None]

    def in_chunk(cases, explain=False):
        batch = list(cases)
        captured.append(batch)
        return iter(inside[0].batch(batch))

    evaluate.compute_batch = in_chunk
    for number in range(2):
        captured.clear()
        transaction.set_autocommit(False)
        campaign = Campaign.objects.create(
            kind=kind, month=month, threshold=1, status=CampaignStatus.RUNNING, total=0, chunk_size=1000
        )
        ids = [
            CampaignChunk.objects.create(campaign=campaign, first_pk=first, last_pk=last).pk
            for first, last, _count in pk_ranges(campaign.chunk_size)
        ]
        with Phase("inside the chunks" if number else "inside the chunks (warm-up pass)") as phase:
            inside[0] = phase
            for chunk_id in ids:
                chunks.chunk_run(chunk_id=chunk_id)
        transaction.rollback()
        transaction.set_autocommit(True)
    with Phase("the chunks' households alone") as phase:
        for batch in captured:
            phase.batch(batch)
    with Phase("reference after the chunks, 1 000 a batch") as phase:
        for start in range(0, len(cases), 1000):
            phase.batch(cases[start : start + 1000])
    for label, cpu, gc_seconds, collections, households in PHASES:
        print(
            f"PHASE\t{label}\t{households}\t{cpu / max(households, 1) * 1e6:.1f}\t"
            f"{gc_seconds / max(households, 1) * 1e6:.1f}\t{collections}",
            flush=True,
        )


def under_callgrind(kind: str) -> None:
    """Runs this script under callgrind and prints each phase's instructions per household."""
    folder = Path(tempfile.mkdtemp(prefix="core-context-", dir=os.environ.get("CORE_CONTEXT_DIR")))
    (folder / "helper.c").write_text(HELPER)
    subprocess.run(
        ["gcc", "-O2", "-shared", "-fPIC", "-o", folder / "helper.so", folder / "helper.c"], check=True
    )
    run = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            f"--callgrind-out-file={folder}/cg.out.%p",
            *os.environ.get("CORE_CONTEXT_VALGRIND", "").split(),
            sys.executable,
            __file__,
            kind,
        ],
        env={**os.environ, "CORE_CONTEXT_CG": str(folder / "helper.so")},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    phases = [line.split("\t")[1:] for line in run.stdout.splitlines() if line.startswith("PHASE\t")]
    if run.returncode != 0 or not phases:
        raise SystemExit(f"callgrind failed ({folder}): {run.stderr[-3000:]}")
    counted = {}
    for dump in folder.glob("cg.out*"):
        text = dump.read_text(errors="replace")
        trigger = re.search(r"^desc: Trigger: Client Request: (.*)$", text, re.M)
        events = re.search(r"^events: (.*)$", text, re.M).group(1).split()
        totals = re.search(r"^totals: (.*)$", text, re.M)
        if trigger and totals:
            counted[trigger.group(1)] = dict(zip(events, map(int, totals.group(1).split()), strict=False))
    print(
        "phase (under callgrind: CPU times are valgrind's)       households  instructions/household  others"
    )
    for label, households, _cpu, _gc, _collections in phases:
        found = counted.get(label, {})
        others = ", ".join(f"{k} {v / int(households):,.0f}" for k, v in found.items() if k != "Ir")
        print(f"  {label:<52} {households:>6}  {found.get('Ir', 0) / int(households):>12,.0f}  {others}")
    if not os.environ.get("CORE_CONTEXT_DIR"):
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    kind = args[0] if args else "recalcul"
    if "--callgrind" in sys.argv:
        under_callgrind(kind)
        return
    if CG:
        measured(kind)
        return
    print(f"{'phase':<52} households  CPU µs/household  of which GC  collections", flush=True)
    import io
    from contextlib import redirect_stdout

    out = io.StringIO()
    with redirect_stdout(out):
        measured(kind)
    for line in out.getvalue().splitlines():
        if line.startswith("PHASE\t"):
            label, households, cpu, gc_us, collections = line.split("\t")[1:]
            print(f"  {label:<50} {households:>6} {cpu:>12} {gc_us:>12} {collections:>8}")


if __name__ == "__main__":
    main()
