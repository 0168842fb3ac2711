"""The bench's campaign worker: Celery's own worker, which writes down what each campaign task spent.

    BENCH_PROBE_OUT=/tmp/probe.jsonl python -m bench.worker_probe -A portal worker --pool solo …

bench_campaigns.py starts its workers through this module, so that it can tell what a worker spends
outside the chunks (Celery: receiving, decoding, acknowledging; the dispatcher) from what the chunks
spend, and the core's batch inside the chunks from the core alone (its reference). Once the worker
is ready, two functions are wrapped, nothing else changed:
  - `tasks.chunk_run` and `tasks.campaign_dispatch` (what the tasks call): the CPU seconds
    (time.process_time) and wall-clock start and end of each call;
  - `evaluate.compute_batch`: its CPU seconds and households, timed as a whole (evaluate.with_core
    takes every row at once: nothing of the caller runs between two rows), with its wall clock and
    the involuntary context switches it suffered (getrusage: the scheduler gave its CPU to another
    process — the other worker, a PostgreSQL backend, another session's — in the middle of the
    batch; each costs the core its warm caches when it comes back).
One JSON line per task is appended to BENCH_PROBE_OUT after the task's work (a few tens of µs a
chunk, counted in the worker's CPU and not in the chunk's: the bench's measure of the campaign only
grows by it).
"""

import json
import os
import resource
import time

from celery.signals import worker_process_init, worker_ready

CORE = [0.0, 0, 0.0, 0]  # the running chunk's core batch: CPU seconds, households, wall, switches


def record(line: dict) -> None:
    with open(os.environ["BENCH_PROBE_OUT"], "a") as out:
        out.write(json.dumps(line) + "\n")


def timed_task(function, kind: str):
    def timed(**kwargs):
        CORE[:] = [0.0, 0, 0.0, 0]
        wall, cpu = time.time(), time.process_time()
        try:
            return function(**kwargs)
        finally:
            spent, end = time.process_time() - cpu, time.time()
            core, households, core_wall, core_switches = CORE
            record(
                {
                    "pid": os.getpid(),
                    "task": kind,
                    "start": wall,
                    "end": end,
                    "cpu": spent,
                    "core": core,
                    "households": households,
                    "core_wall": core_wall,
                    "core_switches": core_switches,
                }
            )

    return timed


def timed_batch(compute_batch):
    def timed(cases, **kwargs):
        switches = resource.getrusage(resource.RUSAGE_SELF).ru_nivcsw
        started, wall = time.process_time(), time.perf_counter()
        rows = list(compute_batch(cases, **kwargs))
        CORE[0] += time.process_time() - started
        CORE[2] += time.perf_counter() - wall
        CORE[3] += resource.getrusage(resource.RUSAGE_SELF).ru_nivcsw - switches
        CORE[1] += len(rows)
        return iter(rows)

    return timed


INSTALLED = []


@worker_ready.connect
@worker_process_init.connect
def install(**kwargs) -> None:
    """In the process that runs the tasks (solo pool: the worker's own, at worker_ready)."""
    if INSTALLED or not os.environ.get("BENCH_PROBE_OUT"):
        return
    from benefits.campaigns import evaluate, tasks

    evaluate.compute_batch = timed_batch(evaluate.compute_batch)
    tasks.chunk_run = timed_task(tasks.chunk_run, "chunk")
    tasks.campaign_dispatch = timed_task(tasks.campaign_dispatch, "dispatch")
    INSTALLED.append(True)


def read(path: str) -> list[dict]:
    try:
        with open(path) as lines:
            return [json.loads(line) for line in lines if line.strip()]
    except FileNotFoundError:
        return []


if __name__ == "__main__":
    import sys

    from celery.__main__ import main

    sys.argv[0] = "celery"
    main()
