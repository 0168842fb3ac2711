"""Render time of the letters (`make bench`): receipt and decision, PDF/UA-1, on one core.

For each kind: p50 and p95 of the wall and CPU time of one render (template + WeasyPrint + PDF/UA),
after warm-up, letters per second on one core, the HTML alone (what "Mes courriers" shows), and the
calculation core's time for the same household as a ratio (the core is not what limits a campaign).
Goal: p50 ≤ 150 ms for a two-page letter. Sizes: BENCH_LETTERS (30 renders per kind).
Runs on a throw-away SQLite database (the sample letters are built in a rolled-back transaction).
"""

import os
import statistics
import tempfile
import time

RENDERS = int(os.environ.get("BENCH_LETTERS", "30"))


def setup_django():
    folder = tempfile.mkdtemp(prefix="bench-letters-")
    os.environ.setdefault("DEBUG", "true")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["LETTERS_ROOT"] = f"{folder}/letters"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(function, count):
    walls, cpus = [], []
    for _ in range(count):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return walls, cpus, result


def main():
    setup_django()
    from benefits.claims import declaration
    from benefits.letters.documents import letter_html, letter_pdf
    from benefits.letters.samples import SAMPLE_MONTH, demo_file, prefilled_data, rolled_back, sample_letter
    from benefits.rules import compute, parse_household

    with rolled_back():
        file = demo_file()
        household = declaration.household(
            file, prefilled_data(file, declaration.quarter(SAMPLE_MONTH)), SAMPLE_MONTH
        )
    core_walls, _cpus, _ = timed(lambda: compute(parse_household(household, SAMPLE_MONTH), SAMPLE_MONTH), 200)
    core_ms = statistics.median(core_walls)
    print(
        f"load average {os.getloadavg()[0]:.2f}; core, same household, explained: {core_ms:.2f} ms (median)"
    )
    for kind in ("receipt", "decision"):
        letter = sample_letter(kind)
        timed(lambda letter=letter: letter_pdf(letter), 3)  # warm-up: fonts, templates, caches
        walls, cpus, (pdf, pages) = timed(lambda letter=letter: letter_pdf(letter), RENDERS)
        html_walls, _c, _h = timed(lambda letter=letter: letter_html(letter), RENDERS)
        p50, p95 = statistics.median(walls), percentile(walls, 0.95)
        cpu50 = statistics.median(cpus)
        print(
            f"{kind}: {pages} page(s), {len(pdf) // 1024} KiB — render p50 {p50:.0f} ms, p95 {p95:.0f} ms "
            f"(CPU p50 {cpu50:.0f} ms) — {1000 / cpu50:.1f} letters/s per core — "
            f"HTML alone p50 {statistics.median(html_walls):.1f} ms — render / core = {p50 / core_ms:.0f} × "
            f"— goal p50 ≤ 150 ms: {'met' if p50 <= 150 else 'not met'}"
        )


if __name__ == "__main__":
    main()
