"""Where a campaign worker's CPU goes, phase by phase, over every chunk of a campaign in one process.

    DATABASE_URL=postgres://… python bench/campaign_phases.py [KIND] [PASSES] [profile]

On an existing database (`campaign_demo --households N`), creates a running campaign of KIND
(recalcul) with its chunks as the dispatcher makes them, runs every chunk with chunk_run in this
process, each pass in a transaction rolled back at the end (PASSES, 3; the first one warms up and is
not counted), and prints the CPU seconds (time.process_time) per phase, in total and per computed
file. After each pass, the bench's reference (bench_campaigns.core_rate: the core's batch alone on
the same households, 1 000 at a time) is timed too, so the core's CPU inside the chunks is compared
with the core alone in the same process and minutes. With "profile", the last pass runs under
cProfile (printed by own time).
"""

import gc
import importlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

SPENT: dict[str, float] = {}
STACK: list[list[float]] = []
SUMMARY: list[
    tuple[float, float, int]
] = []  # (core, outside the core, computed files) per pass  # the running phases' [start, children]


def wrap(module_name: str, name: str, label: str):
    module = importlib.import_module(module_name)
    inner = getattr(module, name, None)
    if inner is None:
        return

    def timed(*args, **kwargs):
        frame = [time.process_time(), 0.0]
        STACK.append(frame)
        try:
            return inner(*args, **kwargs)
        finally:
            STACK.pop()
            total = time.process_time() - frame[0]
            SPENT[label] = SPENT.get(label, 0.0) + total - frame[1]  # own time, the inner phases apart
            if STACK:
                STACK[-1][1] += total

    setattr(module, name, timed)


def wrap_batch(module_name: str, name: str, label: str):
    """The core's batch timed as a whole: its one caller (evaluate.with_core) takes every row at once
    (list), so nothing of the caller's runs between two rows; one clock reading per batch, as the
    reference's (bench_campaigns.core_rate), where two readings a row added ≈ 1.2 µs a household."""
    module = importlib.import_module(module_name)
    inner = getattr(module, name)

    def timed(*args, **kwargs):
        started = time.process_time()
        rows = list(inner(*args, **kwargs))
        spent = time.process_time() - started
        SPENT[label] = SPENT.get(label, 0.0) + spent
        if STACK:
            STACK[-1][1] += spent
        return iter(rows)

    setattr(module, name, timed)


def core_alone(cases: list) -> float:
    """CPU seconds of the core's batch alone on the campaign's households (the bench's reference,
    bench_campaigns.core_rate: 1 000 at a time, nothing else in between)."""
    from benefits.rules import compute_batch

    spent = 0.0
    for start in range(0, len(cases), 1000):
        batch = cases[start : start + 1000]
        started = time.process_time()
        for _row in compute_batch(batch, explain=False):
            pass
        spent += time.process_time() - started
    return spent


PHASES = [
    ("benefits.campaigns.chunks", "chunk_lock", "chunk row"),
    ("benefits.campaigns.chunks", "chunk_files", "files (file_rows)"),
    ("benefits.campaigns.households", "incomes_by_nir", "feed (incomes_by_nir)"),
    ("benefits.campaigns.evaluate", "incomes_by_nir", "feed (incomes_by_nir)"),
    ("benefits.campaigns.evaluate", "neutral_households", "households (household_of)"),
    ("benefits.campaigns.evaluate", "with_core", "decisions (with_core)"),
    ("benefits.campaigns.evaluate", "exceptional_aid", "decisions (exceptional_aid)"),
    ("benefits.campaigns.chunks", "evaluate", "evaluate (the rest)"),
    ("benefits.campaigns.notify", "changed_incomes_by_nir", "letters: changed incomes read"),
    ("benefits.campaigns.notify", "letters_request_bulk", "letters: bulk insert"),
    ("benefits.campaigns.notify", "campaign_letters", "letters: frozen contexts (the rest)"),
    ("benefits.campaigns.chunks", "results_text", "results: text"),
    ("benefits.campaigns.chunks", "copy_insert_or_skip", "results/payments: COPY"),
    ("benefits.campaigns.chunks", "rights_update", "rights"),
    ("benefits.campaigns.chunks", "write", "write (the rest)"),
    ("benefits.campaigns.chunks", "chunk_done", "chunk done"),
    ("benefits.campaigns.chunks", "campaign_maybe_finish", "campaign's end"),
]


def main():
    import django

    django.setup()
    from django.db import transaction

    from bench.bench_campaigns import computed_cases
    from benefits.campaigns import chunks
    from benefits.campaigns.models import Campaign, CampaignChunk, CampaignStatus
    from benefits.campaigns.services import pk_ranges
    from benefits.letters import services as letters_services

    kind = sys.argv[1] if len(sys.argv) > 1 else "recalcul"
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    profile = len(sys.argv) > 3 and sys.argv[3] == "profile"
    letters_services.render_each_enqueue = lambda letter_ids: None
    for phase in PHASES:
        wrap(*phase)
    wrap_batch("benefits.campaigns.evaluate", "compute_batch", "core batch")
    wrap("benefits.campaigns.evaluate", "aid_result", "core batch")
    gc_spent = [0.0, 0]
    # The bench's reference on the same households, run after each pass: the core's CPU inside the
    # chunks against the core alone, in the same process and minutes (the aid has no batch).
    cases = computed_cases(kind, "2026-12") if kind != "aide_exceptionnelle" else []
    alone: list[float] = []

    def gc_clock(phase, info, started=[0.0]):  # noqa: B006
        if phase == "start":
            started[0] = time.process_time()
        else:
            gc_spent[0] += time.process_time() - started[0]
            gc_spent[1] += 1

    gc.callbacks.append(gc_clock)
    from portal.celery import gc_tune

    for number in range(passes):
        SPENT.clear()
        gc_spent[:] = [0.0, 0]
        computed = [0]
        transaction.set_autocommit(False)
        campaign = Campaign.objects.create(
            kind=kind,
            month="2026-12",
            threshold=1,
            status=CampaignStatus.RUNNING,
            total=0,
            chunk_size=int(os.environ.get("CHUNK_SIZE", "1000")),
        )
        ids = [
            CampaignChunk.objects.create(campaign=campaign, first_pk=first, last_pk=last).pk
            for first, last, _count in pk_ranges(campaign.chunk_size)
        ]
        if number == 0:
            gc_tune()  # as a worker after start-up (portal/celery.py)
        profiler = None
        if profile and number == passes - 1:
            import cProfile

            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
        started = time.process_time()
        for chunk_id in ids:
            chunks.chunk_run(chunk_id=chunk_id)
        spent = time.process_time() - started
        if profiler:
            profiler.disable()
        from benefits.campaigns.models import CampaignResult, Outcome

        computed = (
            CampaignResult.objects.filter(campaign=campaign).exclude(outcome=Outcome.NOT_CONCERNED).count()
        )
        transaction.rollback()
        transaction.set_autocommit(True)
        if cases:
            alone.append(core_alone(cases) / len(cases))
        if number == 0:
            continue
        core = SPENT.get("core batch", 0.0)
        SUMMARY.append((core, spent - core, max(computed, 1)))
        if cases and not os.environ.get("QUIET"):
            print(
                f"the core's batch alone on the same {len(cases)} households after this pass: "
                f"{alone[-1] * 1e6:.0f} µs a household; in the chunks {core / max(computed, 1) * 1e6:.0f} µs "
                f"({core / max(computed, 1) / alone[-1]:.2f} ×)"
            )
        if os.environ.get("QUIET"):
            continue
        print(
            f"pass {number}: {len(ids)} chunks, {computed} computed files; CPU {spent:.3f} s, core {core:.3f} s, "
            f"outside the core {spent - core:.3f} s = {(spent - core) / max(computed, 1) * 1e6:.0f} µs a computed file; "
            f"gc {gc_spent[0]:.3f} s ({gc_spent[1]} collections)"
        )
        rest = spent - sum(SPENT.values())
        for label, seconds in sorted(SPENT.items(), key=lambda item: -item[1]):
            print(f"  {label:<40} {seconds:7.3f} s {seconds / max(computed, 1) * 1e6:6.1f} µs/file")
        print(
            f"  {'chunk_run itself (transaction, freeing)':<40} {rest:7.3f} s {rest / max(computed, 1) * 1e6:6.1f} µs/file"
        )
    if len(SUMMARY) > 1:
        print(
            f"min over {len(SUMMARY)} passes: core {min(c for c, _o, _n in SUMMARY):.3f} s, outside the core "
            f"{min(o for _c, o, _n in SUMMARY):.3f} s = {min(o / n for _c, o, n in SUMMARY) * 1e6:.0f} µs a computed file"
        )
        if cases:
            print(
                f"core: {min(c / n for c, _o, n in SUMMARY) * 1e6:.0f} µs a household in the chunks, "
                f"{min(alone[1:]) * 1e6:.0f} µs alone (min over the passes; outside the core / the core alone = "
                f"{min(o / n for _c, o, n in SUMMARY) / min(alone[1:]):.0%})"
            )
    if profile:
        import pstats

        stats = pstats.Stats(profiler)
        stats.dump_stats("/tmp/campaign_phases.prof")
        stats.sort_stats("tottime").print_stats(int(os.environ.get("PROFILE_LINES", "45")))


if __name__ == "__main__":
    main()
