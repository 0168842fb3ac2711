"""A campaign over generated households on real Celery workers (`make bench`), against the core's batch.

In one run, on PostgreSQL and Redis (BENCH_DATABASE_URL, BENCH_REDIS_URL; skipped without them):
  1. `campaign_demo --households N` (BENCH_CAMPAIGN_HOUSEHOLDS, default 100 000) in a bench database;
  2. the core's batch (`compute_batch`, explanation off) on a sample of the same households, in this
     process: households per second on one core — the reference;
  3. a quarterly-recalculation campaign with BENCH_CAMPAIGN_WORKERS (2) worker processes on a queue of
     its own: households per second, and the share of (core batch × workers) it reaches (goal ≥ 80 %);
  4. each worker's peak memory (VmHWM), and the projection for 13.5 million households on N workers.
The throughput compares households that go through the core: a recalculation computes only current
recipients, the others are decided without computing.
"""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILE_SIZE = 13_500_000
GOAL_SHARE = 0.80


def port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def environment(queue: str) -> dict:
    return {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": os.environ.get(
            "BENCH_DATABASE_URL", "postgres://root@127.0.0.1:5432/campaigns_bench"
        ),
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2"),
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


def core_reference(kind: str, month: str, sample: int = 3000) -> tuple[float, float]:
    """(households/s of the core's batch on the households the campaign computes, share computed)."""
    from benefits.campaigns import kinds
    from benefits.campaigns.evaluate import FILE_FIELDS
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
    best = 0.0
    for _ in range(3):
        started = time.perf_counter()
        for _row in compute_batch(cases):
            pass
        best = max(best, len(cases) / (time.perf_counter() - started))
    return best, len(todo) / len(files)


def main():
    if not (port_open("127.0.0.1", 5432) and port_open("127.0.0.1", 6379)):
        print("skipped: needs PostgreSQL and Redis on 127.0.0.1 (BENCH_DATABASE_URL, BENCH_REDIS_URL)")
        return
    households = int(os.environ.get("BENCH_CAMPAIGN_HOUSEHOLDS", "100000"))
    workers = int(os.environ.get("BENCH_CAMPAIGN_WORKERS", "2"))
    queue = f"bench-campaigns-{uuid.uuid4().hex[:8]}"
    env = environment(queue)
    os.environ.update(
        {
            k: env[k]
            for k in ("DEBUG", "DATABASE_URL", "REDIS_URL", "CELERY_TASK_ALWAYS_EAGER", "CAMPAIGNS_QUEUE")
        }
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    subprocess.run(
        ["createdb", "-h", "127.0.0.1", "-U", "root", env["DATABASE_URL"].rsplit("/", 1)[1]],
        capture_output=True,
    )
    manage(env, "migrate", "--noinput")
    started = time.perf_counter()
    manage(env, "campaign_demo", "--households", str(households))
    print(f"generated and imported {households:,} households in {time.perf_counter() - started:.0f} s")

    import django

    django.setup()
    from decimal import Decimal

    from benefits.campaigns.models import Campaign, CampaignResult
    from benefits.campaigns.services import campaign_create, campaign_launch
    from benefits.claims.models import AllocataireFile
    from portal.celery import app

    app.conf.task_always_eager = False
    month, kind = "2026-12", "recalcul"
    reference, computed_share = core_reference(kind, month)
    total = AllocataireFile.objects.count()
    command = [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool", "solo", "-Q", queue]
    command += ["--prefetch-multiplier", "1", "--loglevel", "ERROR"]
    procs = [
        subprocess.Popen([*command, "-n", f"{queue}-{i}@%h"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        for i in range(workers)
    ]
    try:
        time.sleep(3)  # workers connected
        campaign = campaign_create(kind=kind, month=month, threshold=Decimal(1), by=None)
        campaign_launch(campaign=campaign, by=None)
        while Campaign.objects.get(pk=campaign.pk).status != "terminee":
            time.sleep(0.5)
        campaign.refresh_from_db()
        elapsed = (campaign.finished_at - campaign.started_at).total_seconds()
        memory = [peak_rss_mb(p.pid) for p in procs]
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=60)
    assert CampaignResult.objects.filter(campaign=campaign).count() == total
    rate = total / elapsed
    computed_rate = rate * computed_share
    share = computed_rate / (reference * workers)
    print(
        f"campaign ({kind}): {total:,} households in {elapsed:.1f} s on {workers} workers = {rate:,.0f} households/s"
    )
    print(f"  through the core: {computed_share:.0%} of them = {computed_rate:,.0f}/s")
    print(
        f"core batch reference (same households, one process): {reference:,.0f}/s × {workers} = {reference * workers:,.0f}/s"
    )
    print(
        f"campaign / (core batch × workers): {share:.0%} (goal ≥ {GOAL_SHARE:.0%}: {'met' if share >= GOAL_SHARE else 'not met'})"
    )
    print("peak memory per worker (VmHWM): " + ", ".join(f"{m:.0f} MB" for m in memory))
    for n in (workers, 16, 64, 128):
        hours = FILE_SIZE / (rate / workers * n) / 3600
        print(f"projection: 13.5 M households on {n} workers ≈ {hours:.1f} h")
