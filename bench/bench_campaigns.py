"""A campaign over generated households on real Celery workers (`make bench`), against the core's batch.

In one run, on PostgreSQL and Redis (BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_BROKER_URL; skipped
without them; `make bench-campaigns N=… WORKERS=…` runs this one alone):
  1. a fresh bench database, `campaign_demo --households N` (BENCH_CAMPAIGN_HOUSEHOLDS, 100 000);
  2. the reference: the core's batch (`compute_batch`, explanation off) alone, in this process, on
     exactly the households the campaign computes (every current recipient of the file, read as the
     chunks read them), timed around the batch only, before the campaign and again after it; the
     faster of the two is the reference (the stricter one: the machine is shared);
  3. a quarterly-recalculation campaign with BENCH_CAMPAIGN_WORKERS (2) worker processes (DEBUG off,
     as in production) on a queue of its own, timed from the launch to the last chunk done:
     households per second and the share of (core batch × workers) it reaches (goal ≥ 80 %);
  4. the same in CPU time, which the load of a shared machine moves less (still by ± 30 %): the core's
     batch's CPU seconds for those households (time.process_time) against the CPU seconds the workers
     and their PostgreSQL backends spent during the campaign (/proc/<pid>/stat);
  5. inside the workers (started through bench/worker_probe.py, which writes down each campaign
     task's CPU and times): the core's batch's CPU a household in the chunks against the reference's,
     the chunks' CPU outside the core, the dispatcher's, Celery's own (the rest of the workers' CPU),
     and each worker's wall clock outside a chunk (before its first, between two, after its last);
  6. each worker's peak memory (VmHWM), and the projection for 13.5 million households on N workers;
  7. the letters: their rendering (completion of the frozen context — the explained computation — and
     the PDF) is a separate pipeline on the default queue, *outside* the measured time: its own rate is
     measured here on a sample of this campaign's letters (CPU time per render, one process) and
     projected separately.
The throughput compares households that go through the core: a recalculation computes only current
recipients, the others are decided without computing. PostgreSQL, Redis, the workers and this process
share the machine's cores (2 on the project machines): the database's own work for the chunks is
taken from the same cores as the workers'.
"""

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILE_SIZE = 13_500_000
GOAL_SHARE = 0.80
PASSED = (
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "CELERY_TASK_ALWAYS_EAGER",
    "CAMPAIGNS_QUEUE",
    "DJANGO_SETTINGS_MODULE",
    "LETTERS_ROOT",
)


def port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def environment(queue: str) -> dict:
    return {
        **os.environ,
        # As in production: with DEBUG on, Django keeps every query's SQL (multi-megabyte bulk inserts)
        # and a worker's memory grows with the number of chunks it ran.
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY", secrets.token_urlsafe(48)),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": os.environ.get(
            "BENCH_DATABASE_URL", "postgres://root@127.0.0.1:5432/campaigns_bench"
        ),
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2"),
        "CELERY_BROKER_URL": os.environ.get(
            "BENCH_BROKER_URL", os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2")
        ),
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CAMPAIGNS_QUEUE": queue,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "LETTERS_ROOT": os.environ.get(
            "BENCH_LETTERS_ROOT", tempfile.mkdtemp(prefix="bench-campaign-letters-")
        ),
    }


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def computed_cases(kind: str, month: str) -> list:
    """The (id, month, household) cases the campaign's chunks give the core, read as they read them."""
    from benefits.campaigns import kinds
    from benefits.campaigns.file_rows import files_read
    from benefits.campaigns.households import current_rights, feed_window, incomes_by_nir, neutral_household
    from benefits.claims.models import AllocataireFile

    pks = list(AllocataireFile.objects.order_by("pk").values_list("pk", flat=True))
    cases = []
    for start in range(0, len(pks), 1000):
        rows = AllocataireFile.objects.filter(pk__gte=pks[start], pk__lte=pks[min(start + 999, len(pks) - 1)])
        files = files_read(rows)
        todo = [f for f in files if kinds.needs_core(kind, current_rights(f["rights"]))]
        nirs = {m["nir"] for f in todo for m in f["members"] if m.get("nir")}
        incomes = incomes_by_nir(nirs, feed_window(month))
        for f in todo:
            mine = {m["nir"]: incomes[m["nir"]] for m in f["members"] if m.get("nir") in incomes}
            cases.append((str(f["pk"]), month, neutral_household(f, month, mine)))
    return cases


CORE_CPU: list[float] = []  # households per CPU second of the core's batch, each time core_rate runs


def core_rate(cases: list) -> float:
    """Households per second of the core's batch alone on `cases` (1 000 at a time, as a chunk); its
    rate per CPU second (time.process_time) is kept in CORE_CPU."""
    from benefits.rules import compute_batch

    spent = cpu = 0.0
    for start in range(0, len(cases), 1000):
        batch = cases[start : start + 1000]
        started, cpu_started = time.perf_counter(), time.process_time()
        for _row in compute_batch(batch, explain=False):
            pass
        spent += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
    CORE_CPU.append(len(cases) / cpu)
    return len(cases) / spent


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process of this machine (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def backends_cpu() -> dict[int, float]:
    """CPU seconds so far of the PostgreSQL backends of the bench database but this process's (the
    workers'), when the server runs on this machine."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return {pid: cpu_seconds(pid) for (pid,) in cursor.fetchall()}


PARALLEL_CASES: list = []
PARALLEL_CPU: list[float] = []  # CPU seconds a household of the parallel reference, each time it runs


def core_share(part: tuple[int, int]) -> tuple[float, float]:
    """One process's part of the parallel reference: the seconds and CPU seconds its batch took (fork:
    no pickling)."""
    from benefits.rules import compute_batch

    start, stop = part
    started, cpu_started = time.perf_counter(), time.process_time()
    for begin in range(start, stop, 1000):
        for _row in compute_batch(PARALLEL_CASES[begin : min(begin + 1000, stop)], explain=False):
            pass
    return time.perf_counter() - started, time.process_time() - cpu_started


def core_rate_parallel(cases: list, workers: int) -> float:
    """Households per second of the core's batch alone on `cases` split over `workers` processes running
    at once: what the machine's cores give the core alone, contention included; its CPU seconds a
    household are kept in PARALLEL_CPU (the core's own slowdown when the cores are all busy)."""
    import multiprocessing

    PARALLEL_CASES[:] = cases
    size = -(-len(cases) // workers)
    parts = [(i * size, min((i + 1) * size, len(cases))) for i in range(workers)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        started = time.perf_counter()
        spent = pool.map(core_share, parts)
        elapsed = time.perf_counter() - started
    PARALLEL_CASES.clear()
    PARALLEL_CPU.append(sum(cpu for _wall, cpu in spent) / len(cases))
    return len(cases) / elapsed


def letters_rate(campaign, sample: int = 20) -> tuple[float, float]:
    """(renders/s, completions/s) per process on this campaign's letters, in CPU time: the completion
    (explained computation and lines, from the frozen context) and the whole render (completion + PDF)."""
    from benefits.letters.completion import completed_context
    from benefits.letters.models import Letter
    from benefits.letters.services import letter_render

    letters = list(Letter.objects.filter(idempotency_key__contains=f":campaign:{campaign.pk}:")[: sample + 3])
    for letter in letters[:3]:
        letter_render(letter_id=letter.pk)  # warm-up: fonts, templates, caches
    rest = letters[3:]
    started = time.process_time()
    for letter in rest:
        completed_context(letter.context)
    completing = time.process_time() - started
    started = time.process_time()
    for letter in rest:
        letter_render(letter_id=letter.pk)
    rendering = time.process_time() - started
    return len(rest) / rendering, len(rest) / completing


def fresh_database(url: str) -> None:
    """Each run starts from an empty bench database: a recalculation records new rights, so a second
    campaign on the same data would notify almost nobody and measure something else."""
    name = url.rsplit("/", 1)[1]
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "root", "--if-exists", name], capture_output=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "root", name], capture_output=True, check=True)


def main():
    if not (port_open("127.0.0.1", 5432) and port_open("127.0.0.1", 6379)):
        print("skipped: needs PostgreSQL and Redis on 127.0.0.1 (BENCH_DATABASE_URL, BENCH_REDIS_URL)")
        return
    households = int(os.environ.get("BENCH_CAMPAIGN_HOUSEHOLDS", "100000"))
    workers = int(os.environ.get("BENCH_CAMPAIGN_WORKERS", "2"))
    queue = f"bench-campaigns-{uuid.uuid4().hex[:8]}"
    env = environment(queue)
    os.environ.update({k: env[k] for k in PASSED})
    print(
        f"load average at the start {load()}; {os.cpu_count()} cores shared by PostgreSQL, Redis, "
        f"the {workers} workers and this process (and whatever else runs on the machine)"
    )
    fresh_database(env["DATABASE_URL"])
    manage(env, "migrate", "--noinput")
    started = time.perf_counter()
    manage(env, "campaign_demo", "--households", str(households))
    print(f"generated and imported {households:,} households in {time.perf_counter() - started:.0f} s")

    import django

    django.setup()
    from decimal import Decimal

    from django.db.models import Max
    from django.utils import timezone

    from bench import worker_probe
    from benefits.campaigns.models import Campaign, CampaignResult, Outcome
    from benefits.campaigns.services import campaign_create, campaign_launch
    from benefits.claims.models import AllocataireFile
    from portal.celery import app

    app.conf.task_always_eager = False
    month, kind = "2026-12", "recalcul"
    cases = computed_cases(kind, month)
    before = core_rate(cases)
    before_parallel = core_rate_parallel(cases, workers)
    total = AllocataireFile.objects.count()
    # Celery's own worker, through bench/worker_probe.py: each campaign task's CPU and times, and the
    # core's batch inside the chunks, written down for the lines "inside the workers" below.
    probe = Path(tempfile.mkdtemp(prefix="bench-campaign-probe-")) / "tasks.jsonl"
    command = [
        sys.executable,
        "-m",
        "bench.worker_probe",
        "-A",
        "portal",
        "worker",
        "--pool",
        "solo",
        "-Q",
        queue,
    ]
    command += ["--prefetch-multiplier", "1", "--loglevel", "ERROR"]
    procs = [
        subprocess.Popen(
            [*command, "-n", f"{queue}-{i}@%h"],
            cwd=ROOT,
            env={**env, "BENCH_PROBE_OUT": str(probe)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for i in range(workers)
    ]
    try:
        print(
            f"workers ready and warm in {warm_up([f'{queue}-{i}@{socket.gethostname()}' for i in range(workers)], procs):.0f} s"
        )
        campaign = campaign_create(kind=kind, month=month, threshold=Decimal(1), by=None)
        workers_before, database_before = [cpu_seconds(p.pid) for p in procs], backends_cpu()
        launched = timezone.now()
        campaign_launch(campaign=campaign, by=None)
        deadline = time.monotonic() + 4 * 3600
        while Campaign.objects.get(pk=campaign.pk).status != "terminee":
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                raise RuntimeError("the campaign did not finish (a worker exited or 4 h passed)")
            time.sleep(0.5)
        workers_cpu = sum(cpu_seconds(p.pid) for p in procs) - sum(workers_before)
        database_cpu = sum(cpu - database_before.get(pid, 0.0) for pid, cpu in backends_cpu().items())
        last_done = campaign.chunks.aggregate(last=Max("done_at"))["last"]
        elapsed = (last_done - launched).total_seconds()
        workers_each = [
            cpu_seconds(p.pid) - before_cpu for p, before_cpu in zip(procs, workers_before, strict=True)
        ]
        memory = [peak_rss_mb(p.pid) for p in procs]
        during = load()
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=60)
        with app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)
            # The bench's broker is the bench's own: the renderings queued by its throw-away letters.
            conn.default_channel.queue_purge(app.conf.task_default_queue)
    after = core_rate(cases)
    after_parallel = core_rate_parallel(cases, workers)
    results = CampaignResult.objects.filter(campaign=campaign)
    assert results.count() == total
    notified = results.filter(outcome=Outcome.NOTIFIED).count()
    renders, completions = letters_rate(campaign)
    inside = worker_side(
        [r for r in worker_probe.read(str(probe)) if r["start"] >= launched.timestamp()],
        pids=[p.pid for p in procs],
        launched=launched.timestamp(),
        last_done=last_done.timestamp(),
        workers_cpu=workers_each,
        reference=max(CORE_CPU),
    )
    report(
        kind=kind,
        total=total,
        computed=len(cases),
        notified=notified,
        elapsed=elapsed,
        workers=workers,
        core=(before, after),
        parallel=(before_parallel, after_parallel),
        memory=memory,
        letters=(renders, completions),
        loads=(during, load()),
        cpu=(len(cases) / max(CORE_CPU), workers_cpu, database_cpu),
        inside=inside,
        parallel_cpu=PARALLEL_CPU,
    )


def warm_up(names: list[str], procs, per_worker: int = 2) -> float:
    """Waits until every worker answers, then runs a small non-recours campaign of a few chunks of 5
    files (the files of no current right: nothing the measured recalculation reads is changed), so the
    measured time starts with workers that imported the code and read the parameters, as in a long run."""
    from django.db import transaction
    from django.utils import timezone

    from benefits.campaigns import kinds
    from benefits.campaigns.households import current_rights
    from benefits.campaigns.models import Campaign, CampaignChunk, CampaignKind, CampaignStatus
    from benefits.campaigns.services import chunks_enqueue
    from benefits.claims.models import AllocataireFile
    from portal.celery import app

    started = time.monotonic()
    while True:
        answered = {name for reply in app.control.ping(destination=names, timeout=1.0) for name in reply}
        if answered >= set(names):
            break
        if any(p.poll() is not None for p in procs) or time.monotonic() - started > 600:
            raise RuntimeError(f"workers not ready: {sorted(set(names) - answered)}")
    chunks = len(names) * per_worker
    pks = [
        pk
        for pk, rights in AllocataireFile.objects.order_by("pk").values_list("pk", "rights")[:2000]
        if kinds.needs_core(CampaignKind.NON_RECOURS, current_rights(rights))
    ][: chunks * 5]
    with transaction.atomic():
        campaign = Campaign.objects.create(
            kind=CampaignKind.NON_RECOURS,
            month="2026-12",
            status=CampaignStatus.RUNNING,
            started_at=timezone.now(),
            total=len(pks),
        )
        CampaignChunk.objects.bulk_create(
            CampaignChunk(campaign=campaign, first_pk=part[0], last_pk=part[-1], file_ids=part)
            for part in (pks[i : i + 5] for i in range(0, len(pks), 5))
        )
    chunks_enqueue(campaign=campaign)
    while Campaign.objects.get(pk=campaign.pk).status != CampaignStatus.DONE:
        if any(p.poll() is not None for p in procs):
            raise RuntimeError("a worker exited during the warm-up")
        time.sleep(0.2)
    return time.monotonic() - started


def worker_side(records: list, *, pids, launched, last_done, workers_cpu, reference) -> dict:
    """What the workers spent, from bench/worker_probe.py's records of the campaign's tasks: the core's
    batch inside the chunks, the chunks outside it, the dispatcher, and Celery's own (the rest of the
    workers' CPU: receiving, decoding and acknowledging the messages, the signals, the broker's polls);
    and each worker's wall clock not in a task (before its first chunk, between two, after its last)."""
    chunks = [r for r in records if r["task"] == "chunk"]
    households = sum(r["households"] for r in chunks) or 1
    core = sum(r["core"] for r in chunks)
    in_chunks = sum(r["cpu"] for r in chunks)
    dispatch = sum(r["cpu"] for r in records if r["task"] == "dispatch")
    waits, firsts, others = [], [], []
    for pid in pids:
        mine = sorted((r for r in chunks if r["pid"] == pid), key=lambda r: r["start"])
        if not mine:
            waits.append((last_done - launched, 0.0, 0.0, 0))
            continue
        between = sum(b["start"] - a["end"] for a, b in zip(mine, mine[1:], strict=False))
        waits.append((mine[0]["start"] - launched, between, max(last_done - mine[-1]["end"], 0.0), len(mine)))
        firsts.append(mine[0]["cpu"])
        others += [r["cpu"] for r in mine[1:]]
    others.sort()
    # The chunks split at the median of the core batch's involuntary switches a household: the core's
    # CPU a household in the half least interrupted against the most interrupted.
    computed = sorted(
        (r for r in chunks if r["households"]), key=lambda r: r.get("core_switches", 0) / r["households"]
    )
    halves = [computed[: len(computed) // 2], computed[len(computed) // 2 :]]
    return {
        "chunks": len(chunks),
        "households": households,
        "core": core,
        "core_ratio": core / households * reference,  # reference: households per CPU second
        "outside": in_chunks - core,
        "dispatch": dispatch,
        "celery": sum(workers_cpu) - in_chunks - dispatch,
        "waits": waits,
        "first": firsts,
        "median": others[len(others) // 2] if others else float("nan"),
        "core_wall": sum(r.get("core_wall", 0.0) for r in chunks),
        "switches": sum(r.get("core_switches", 0) for r in chunks),
        "by_switches": [
            (
                sum(r.get("core_switches", 0) for r in half) / max(sum(r["households"] for r in half), 1),
                sum(r["core"] for r in half) / max(sum(r["households"] for r in half), 1),
            )
            for half in halves
        ],
    }


def duration(hours: float) -> str:
    """A projection in hours, or in minutes below one hour (64 workers take minutes, not "0.0 h")."""
    if hours >= 1:
        return f"{hours:.1f} h"
    minutes = hours * 60
    return f"{minutes:.0f} min" if minutes >= 10 else f"{minutes:.1f} min"


def load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def report(
    *,
    kind,
    total,
    computed,
    notified,
    elapsed,
    workers,
    core,
    parallel,
    memory,
    letters,
    loads,
    cpu,
    inside,
    parallel_cpu,
) -> None:
    rate = total / elapsed
    computed_rate = computed / elapsed
    reference = max(core)
    share = computed_rate / (reference * workers)
    renders, completions = letters
    print(
        f"campaign ({kind}): {total:,} households in {elapsed:.1f} s (launch → last chunk done) on "
        f"{workers} workers = {rate:,.0f} households/s"
    )
    print(f"  through the core: {computed:,} of them = {computed_rate:,.0f}/s; notified: {notified:,}")
    print(
        f"core batch reference (the same {computed:,} households, one process, before / after the campaign): "
        f"{core[0]:,.0f}/s / {core[1]:,.0f}/s; the faster × {workers} = {reference * workers:,.0f}/s"
    )
    print(
        f"campaign / (core batch × workers): {share:.0%} "
        f"(goal ≥ {GOAL_SHARE:.0%}: {'met' if share >= GOAL_SHARE else 'not met'})"
    )
    print(
        f"  households of the file / (core batch × workers): {rate / (reference * workers):.0%} (not the "
        f"goal's measure: it counts the {total - computed:,} households decided from their rights alone, "
        f"without the core; the goal's share above counts only those the core computes)"
    )
    print(
        f"core batch alone on {workers} processes at once (the same households split, before / after): "
        f"{parallel[0]:,.0f}/s / {parallel[1]:,.0f}/s; campaign / the faster: {computed_rate / max(parallel):.0%} "
        f"(what the cores shared with PostgreSQL and the rest of the machine give the core alone)"
    )
    core_cpu, workers_cpu, database_cpu = cpu
    print(
        f"in CPU time (which the load of the machine moves less): the core's batch alone needs "
        f"{core_cpu:.1f} s for the {computed:,} households; the campaign's workers spent {workers_cpu:.1f} s "
        f"and PostgreSQL's backends {database_cpu:.1f} s: core batch / (workers + database) = "
        f"{core_cpu / (workers_cpu + database_cpu):.0%}, core batch / workers = {core_cpu / workers_cpu:.0%} "
        f"(what the campaign would reach on cores of its own, the database on others)"
    )
    alone = core_cpu / computed * 1e6
    print(
        f"inside the workers (bench/worker_probe.py): the core's batch {inside['core']:.1f} s of CPU for "
        f"{inside['households']:,} households = {inside['core'] / inside['households'] * 1e6:.0f} µs a household "
        f"({inside['core_ratio']:.2f} × the reference's {alone:.0f} µs; the core alone on {workers} processes at "
        f"once: {min(parallel_cpu) * 1e6:.0f} µs); the chunks outside the core {inside['outside']:.1f} s "
        f"({inside['outside'] / inside['households'] * 1e6:.0f} µs a household); the dispatcher "
        f"{inside['dispatch']:.2f} s; Celery's own (messages, acknowledgements, signals, polls) "
        f"{inside['celery']:.2f} s = {inside['celery'] / max(inside['chunks'], 1) * 1e3:.1f} ms a chunk"
    )
    (few, few_core), (many, many_core) = inside["by_switches"]
    print(
        f"  the core's batch in the workers: {inside['core_wall']:.1f} s of wall clock for {inside['core']:.1f} s "
        f"of CPU, {inside['switches']:,} involuntary context switches (its CPU given to another process); "
        f"the least interrupted half of the chunks {few * 1e3:.1f} switches a thousand households, "
        f"{few_core * 1e6:.0f} µs a household, the other half {many * 1e3:.1f}, {many_core * 1e6:.0f} µs"
    )
    print(
        "workers' wall clock outside a chunk (before the first, between two, after the last until the "
        "campaign's last chunk done): "
        + "; ".join(
            f"{first:.2f} / {between:.2f} / {tail:.2f} s ({count} chunks)"
            for first, between, tail, count in inside["waits"]
        )
        + f"; each worker's first chunk {', '.join(f'{c:.2f}' for c in inside['first'])} s of CPU, "
        f"the other chunks' median {inside['median']:.2f} s"
    )
    print("peak memory per worker (VmHWM): " + ", ".join(f"{m:.0f} MB" for m in memory))
    for n in (workers, 16, 64, 128):
        hours = FILE_SIZE / (rate / workers * n) / 3600
        print(
            f"projection: 13.5 M households on {n} workers ≈ {duration(hours)} (letters' renderings not included)"
        )
    print(
        f"letters (outside the time above: rendered on the default queue by other workers): "
        f"{renders:.1f} renders/s per process (completion from the frozen context + PDF, CPU time; "
        f"the completion alone {completions:,.0f}/s)"
    )
    letters_total = FILE_SIZE * notified / total
    for n in (workers, 16, 64):
        print(
            f"projection: the {letters_total / 1e6:.1f} M letters of a 13.5 M campaign notifying as many "
            f"({notified / total:.0%}) on {n} letter workers ≈ {duration(letters_total / (renders * n) / 3600)}"
        )
    print(f"load average during the campaign {loads[0]}, at the end {loads[1]} (1, 5, 15 min)")
