"""A campaign over generated households on real Celery workers (`make bench`), against the core's batch.

In one run, on PostgreSQL and Redis (BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_BROKER_URL; skipped
without them; `make bench-campaigns N=… WORKERS=…` runs this one alone):
  1. a fresh bench database, `campaign_demo --households N` (BENCH_CAMPAIGN_HOUSEHOLDS, 100 000);
  2. the core alone on a sample of the same households, in this process: the batch (`compute_batch`,
     explanation off) and the explained computation a notified household also gets — the references;
  3. a quarterly-recalculation campaign with BENCH_CAMPAIGN_WORKERS (2) worker processes on a queue of
     its own: households per second, the share of (core batch × workers) it reaches (goal ≥ 80 %), and
     the share of the time the core's own work for this campaign (batch + explanations) takes;
  4. each worker's peak memory (VmHWM), and the projection for 13.5 million households on N workers.
The throughput compares households that go through the core: a recalculation computes only current
recipients, the others are decided without computing.
"""

import os
import secrets
import socket
import subprocess
import sys
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


def core_reference(kind: str, month: str, sample: int = 2000) -> dict:
    """The core alone on a sample of the households this campaign computes, in this process: the plain
    batch (households/s), the explained computation a notified household also gets (households/s), and
    the share of the file that goes through the core."""
    from benefits.campaigns import kinds
    from benefits.campaigns.evaluate import FILE_FIELDS, explained
    from benefits.campaigns.households import current_rights, incomes_by_nir, neutral_household, quarter
    from benefits.claims.models import AllocataireFile
    from benefits.rules import compute_batch

    files = list(AllocataireFile.objects.order_by("pk").values(*FILE_FIELDS)[:sample])
    todo = [f for f in files if kinds.needs_core(kind, current_rights(f["rights"]))]
    incomes = incomes_by_nir({m["nir"] for f in todo for m in f["members"] if m.get("nir")}, quarter(month))
    cases = [
        (
            str(f["pk"]),
            month,
            neutral_household(
                f, month, {m["nir"]: incomes[m["nir"]] for m in f["members"] if m.get("nir") in incomes}
            ),
        )
        for f in todo
    ]
    valid = [case for case in cases if "errors" not in next(iter(compute_batch([case])))]
    plain = explain = 0.0
    for _ in range(3):  # best of three: the machine is shared
        started = time.perf_counter()
        for _row in compute_batch(cases):
            pass
        plain = max(plain, len(cases) / (time.perf_counter() - started))
        started = time.perf_counter()
        for _id, case_month, data in valid[:500]:
            explained(data, case_month)
        explain = max(explain, min(len(valid), 500) / (time.perf_counter() - started))
    return {"plain": plain, "explained": explain, "computed_share": len(todo) / len(files)}


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
    fresh_database(env["DATABASE_URL"])
    manage(env, "migrate", "--noinput")
    started = time.perf_counter()
    manage(env, "campaign_demo", "--households", str(households))
    print(f"generated and imported {households:,} households in {time.perf_counter() - started:.0f} s")

    import django

    django.setup()
    from decimal import Decimal

    from benefits.campaigns.models import Campaign, CampaignResult, Outcome
    from benefits.campaigns.services import campaign_create, campaign_launch
    from benefits.claims.models import AllocataireFile
    from portal.celery import app

    app.conf.task_always_eager = False
    month, kind = "2026-12", "recalcul"
    core = core_reference(kind, month)
    total = AllocataireFile.objects.count()
    command = [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool", "solo", "-Q", queue]
    command += ["--prefetch-multiplier", "1", "--loglevel", "ERROR"]
    procs = [
        subprocess.Popen(
            [*command, "-n", f"{queue}-{i}@%h"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for i in range(workers)
    ]
    try:
        time.sleep(5)  # workers connected
        campaign = campaign_create(kind=kind, month=month, threshold=Decimal(1), by=None)
        campaign_launch(campaign=campaign, by=None)
        deadline = time.monotonic() + 4 * 3600
        while Campaign.objects.get(pk=campaign.pk).status != "terminee":
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                raise RuntimeError("the campaign did not finish (a worker exited or 4 h passed)")
            time.sleep(0.5)
        campaign.refresh_from_db()
        elapsed = (campaign.finished_at - campaign.started_at).total_seconds()
        memory = [peak_rss_mb(p.pid) for p in procs]
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=60)
        with app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)
    results = CampaignResult.objects.filter(campaign=campaign)
    assert results.count() == total
    notified = results.filter(outcome=Outcome.NOTIFIED).count()
    report(kind, total, notified, elapsed, workers, core, memory)


def report(kind, total, notified, elapsed, workers, core, memory) -> None:
    rate = total / elapsed
    computed = total * core["computed_share"]
    computed_rate = computed / elapsed
    share = computed_rate / (core["plain"] * workers)
    # What the core alone needs for this campaign's work on the same processes: a plain computation of
    # every computed household, and the explained one of every notified household (letter, report).
    core_seconds = (computed / core["plain"] + notified / core["explained"]) / workers
    print(
        f"campaign ({kind}): {total:,} households in {elapsed:.1f} s on {workers} workers = {rate:,.0f} households/s"
    )
    print(
        f"  through the core: {core['computed_share']:.0%} of them = {computed_rate:,.0f}/s; notified: {notified:,}"
    )
    print(
        f"core batch reference (same households, one process): {core['plain']:,.0f}/s × {workers} = "
        f"{core['plain'] * workers:,.0f}/s; explained computation: {core['explained']:,.0f}/s"
    )
    print(
        f"campaign / (core batch × workers): {share:.0%} "
        f"(goal ≥ {GOAL_SHARE:.0%}: {'met' if share >= GOAL_SHARE else 'not met'})"
    )
    print(
        f"campaign / (the core's own work for it: batch + explanations of the notified, × workers): "
        f"{core_seconds / elapsed:.0%} (what the orchestration costs: {1 - core_seconds / elapsed:.0%} of the time)"
    )
    print("peak memory per worker (VmHWM): " + ", ".join(f"{m:.0f} MB" for m in memory))
    for n in (workers, 16, 64, 128):
        hours = FILE_SIZE / (rate / workers * n) / 3600
        print(f"projection: 13.5 M households on {n} workers ≈ {hours:.1f} h")
