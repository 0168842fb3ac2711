"""The share of one campaign chunk's CPU spent in the core's batch, measured in CPU time (not wall clock).

    DATABASE_URL=postgres://… python bench/chunk_share.py [recalcul|non_recours|aide_exceptionnelle] [REPEAT] [SIZE]

On an existing database (e.g. after `campaign_demo --households 10000`), runs REPEAT (5) times the
chunk of the first SIZE (CAMPAIGN_CHUNK_SIZE) files of a fresh running campaign of that kind, each in
a transaction rolled back at the end (so a recalculation finds the same rights every time; the commit
itself is not measured), and prints, as medians over the repeats:
  - the chunk's CPU time in this process (time.process_time) and, inside it, the core's batch
    (compute_batch's own iterations, timed around each row it yields) and each step of the chunk;
  - the PostgreSQL backend's CPU time for the chunk (/proc/<pg_backend_pid()>/schedstat's nanoseconds
    on a CPU, else utime + stime of its stat in 10 ms ticks), when the server runs on this machine;
  - the share: core batch / chunk, and core batch / (chunk + backend).
CPU time does not count the time waiting for the other processes of a shared machine, so these
figures move far less with the load than wall-clock ones (caches and frequency still do).
"""

import gc
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")


class Clock:
    def __init__(self):
        self.spent: dict[str, float] = {}
        self.stat: Path | None = None  # the PostgreSQL backend's /proc/<pid>/stat

    def add(self, name: str, seconds: float) -> None:
        self.spent[name] = self.spent.get(name, 0.0) + seconds

    def wrap(self, module, name: str, label: str):
        inner = getattr(module, name, None)
        if inner is None:  # a step this tree does not have (an older tree measured with this bench)
            return

        def timed(*args, **kwargs):
            started, backend = time.process_time(), ticks(self.stat)
            try:
                return inner(*args, **kwargs)
            finally:
                self.add(label, time.process_time() - started)
                if backend is not None:
                    self.add("backend: " + label, ticks(self.stat) - backend)

        setattr(module, name, timed)

    def wrap_generator(self, module, name: str, label: str):
        inner = getattr(module, name)

        def timed(*args, **kwargs):
            iterator = iter(inner(*args, **kwargs))
            while True:
                started = time.process_time()
                try:
                    row = next(iterator)
                except StopIteration:
                    self.add(label, time.process_time() - started)
                    return
                self.add(label, time.process_time() - started)
                yield row

        setattr(module, name, timed)


def backend_stat(cursor) -> Path | None:
    cursor.execute("SELECT pg_backend_pid()")
    pid = cursor.fetchone()[0]
    for name in ("schedstat", "stat"):
        stat = Path(f"/proc/{pid}/{name}")
        if stat.exists():
            return stat
    return None


def ticks(stat: Path | None) -> float | None:
    """The backend's CPU seconds so far, None when the server is not on this machine: the scheduler's
    nanoseconds on a CPU (/proc/<pid>/schedstat), else utime + stime (/proc/<pid>/stat, 10 ms ticks)."""
    if stat is None:
        return None
    if stat.name == "schedstat":
        return int(stat.read_text().split()[0]) / 1e9
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


STEPS = [
    ("benefits.campaigns.chunks", "chunk_files", "files"),
    ("benefits.campaigns.chunks", "evaluate", "evaluate (with the batch)"),
    ("benefits.campaigns.notify", "campaign_letters", "letters"),
    ("benefits.campaigns.chunks", "results_insert", "results"),
    ("benefits.campaigns.chunks", "rights_update", "rights"),
    ("benefits.campaigns.chunks", "payments_insert", "payments"),
    ("benefits.campaigns.chunks", "campaign_maybe_finish", "finish (after the commit)"),
]


def main():
    import importlib

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, transaction
    from django.db.models import Count

    from benefits.campaigns import chunks, evaluate
    from benefits.campaigns.models import Campaign, CampaignChunk, CampaignResult, CampaignStatus
    from benefits.claims.models import AllocataireFile
    from benefits.letters import services as letters_services
    from portal.pg_copy import json_update

    kind = sys.argv[1] if len(sys.argv) > 1 else "recalcul"
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    size = int(sys.argv[3]) if len(sys.argv) > 3 else settings.CAMPAIGN_CHUNK_SIZE
    commit = len(sys.argv) > 4 and sys.argv[4] == "commit"
    # The renderings' one message (on commit) is not sent: no broker here, and no PDF rendered in-process.
    letters_services.render_each_enqueue = lambda letter_ids: None
    pks = list(AllocataireFile.objects.order_by("pk").values_list("pk", flat=True)[:size])
    clock = Clock()
    for module, name, label in STEPS:
        clock.wrap(importlib.import_module(module), name, label)
    clock.wrap_generator(evaluate, "compute_batch", "core batch")
    clock.wrap(evaluate, "aid_result", "core batch")  # the exceptional aid's module, its "core"
    gc_spent = []

    def gc_clock(phase, info, started=[0.0]):  # noqa: B006 (the callback's own memory)
        if phase == "start":
            started[0] = time.process_time()
        else:
            gc_spent.append((info["generation"], time.process_time() - started[0]))

    gc.callbacks.append(gc_clock)
    runs, outcomes = [], {}
    rights = dict(AllocataireFile.objects.filter(pk__in=pks).values_list("pk", "rights"))
    for _ in range(repeat + 1):  # the first run warms the caches and is not counted
        clock.spent.clear()
        gc_spent.clear()
        with transaction.atomic():
            campaign = Campaign.objects.create(
                kind=kind, month="2026-12", threshold=1, status=CampaignStatus.RUNNING, total=len(pks)
            )
            chunk = CampaignChunk.objects.create(campaign=campaign, first_pk=pks[0], last_pk=pks[-1])
            with connection.cursor() as cursor:
                clock.stat = backend_stat(cursor)
        if not commit:
            transaction.set_autocommit(False)
        started, wall, backend = time.process_time(), time.perf_counter(), ticks(clock.stat)
        outcome = chunks.chunk_run(chunk_id=chunk.pk)  # commits unless inside the atomic below
        spent, wall = time.process_time() - started, time.perf_counter() - wall
        backend = None if backend is None else ticks(clock.stat) - backend
        outcomes = dict(
            CampaignResult.objects.filter(campaign=campaign)
            .values_list("outcome")
            .annotate(n=Count("pk"))
            .order_by()
        )
        if commit:
            with transaction.atomic():  # the next run finds the same rights
                json_update(AllocataireFile, "rights", rights)
        else:
            transaction.rollback()
            transaction.set_autocommit(True)
        assert outcome == "done", outcome
        labels = ["core batch"] + [label for _m, _n, label in STEPS]
        labels += ["backend: " + label for label in labels]
        clock.spent["gc"] = sum(seconds for _generation, seconds in gc_spent)
        clock.spent["gc2"] = sum(1 for generation, _seconds in gc_spent if generation == 2)
        runs.append(
            {"chunk": spent, "wall": wall, "backend": backend, **dict.fromkeys(labels, 0.0), **clock.spent}
        )
    runs = runs[1:]
    # CPU times of this process: medians; the backend's 10 ms ticks: means.
    median = {key: statistics.median(run.get(key, 0.0) for run in runs) for key in runs[0]}
    if runs[0]["backend"] is not None:
        median.update(
            {key: statistics.mean(run.get(key, 0.0) for run in runs) for key in runs[0] if "backend" in key}
        )
    core = median["core batch"]
    print(f"{kind}: {len(pks)} files, {repeat} runs; outcomes {outcomes}")
    print(f"  chunk {median['chunk']:.3f} s CPU of this process (wall {median['wall']:.3f} s)")
    print(f"  core batch {core:.3f} s = {core / median['chunk']:.0%} of the chunk")
    share = sorted(run["core batch"] / run["chunk"] for run in runs)
    print(f"  (per run, core batch / chunk: {share[0]:.0%} to {share[-1]:.0%})")
    median["evaluate (with the batch)"] -= core
    for _module, _name, label in STEPS:
        backend = median.get("backend: " + label)
        print(
            f"  {label.replace('with', 'without'):<30} {median[label]:.3f} s"
            + ("" if backend is None else f"   PostgreSQL backend {backend:.3f} s")
        )
    others = median["chunk"] - core - sum(median[label] for _m, _n, label in STEPS)
    backend_others = ""
    if median["backend"] is not None:
        backend_others = median["backend"] - sum(median["backend: " + label] for _m, _n, label in STEPS)
        backend_others = f"   PostgreSQL backend {backend_others:.3f} s"
    print(f"  {'the rest (chunk row, commit)':<30} {others:.3f} s{backend_others}")
    print(
        f"  of the chunk, the garbage collector {median['gc']:.3f} s ({median['gc2']:.0f} full collections)"
    )
    if median["backend"] is not None:
        backend = median["backend"]
        print(
            f"  PostgreSQL backend, whole chunk {backend:.3f} s; core batch / (chunk + backend) = "
            f"{core / (median['chunk'] + backend):.0%}"
        )


if __name__ == "__main__":
    main()
