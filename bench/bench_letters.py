"""Render time of the letters (`make bench`): receipt, decision and the campaigns' letters (recalculation,
eligibility, exceptional aid), PDF/UA-1, on one core.

For each kind: p50 and p95 of the wall and CPU time of one render (template + WeasyPrint + PDF/UA),
after warm-up, letters per second on one core, the HTML alone (what "Mes courriers" shows), and the
calculation core's time for the same household as a ratio (the core is not what limits a campaign).
Goal: p50 ≤ 150 ms for a two-page letter. Sizes: BENCH_LETTERS (30 renders per kind).
Runs on a throw-away SQLite database (the sample letters are built in a rolled-back transaction).

Before / after in the same run: each letter is also rendered as session 8 found it — the same HTML
and print stylesheet through WeasyPrint's own `HTML` (its whole user-agent stylesheet) with Python's
default collector thresholds — in blocks of BLOCK renders alternating with blocks of the current
`letter_pdf` (blocks rather than single renders: a collection deferred by one render falls on the
next). "after / before" is the median of the per-block-pair ratios of the mean CPU time per render
(a worker's throughput is its mean); with it, renders per second per process before and after, and
for the campaign's kinds the projection of a national campaign's letters (LETTERS_NATIONAL on
LETTER_WORKERS processes; the completion of the frozen context and the row's updates are left out,
≈ 2 ms and a few ms a letter: `bench_campaigns.py` measures the whole `letter_render`).

The machine is shared: each letter render is paired with a render of a fixed reference page (one A4
page of headings and paragraphs in Marianne, PDF/UA-1, no table, set up once, independent of the
letters code so that it measures the same thing on any commit). "× reference" is the median of the
per-pair ratios, the figure to compare across runs and commits; the goal is judged on the CPU time (a
worker's core to itself renders a letter in its CPU time), the wall time is printed for information.
"""

import os
import statistics
import tempfile
import time

RENDERS = int(os.environ.get("BENCH_LETTERS", "30"))
BLOCK, BLOCKS = 8, int(os.environ.get("BENCH_LETTERS_BLOCKS", "4"))
KINDS = ("receipt", "decision", "recalculation", "eligibility", "exceptional_aid")
CAMPAIGN_KINDS = ("recalculation", "eligibility", "exceptional_aid")
LETTERS_NATIONAL, LETTER_WORKERS = 6_900_000, 64


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


REFERENCE_CSS = """
@font-face { font-family: Marianne; font-weight: 400;
  src: url("https://pdf.invalid/static/dsfr/dist/fonts/Marianne-Regular.woff2") format("woff2"); }
@font-face { font-family: Marianne; font-weight: 700;
  src: url("https://pdf.invalid/static/dsfr/dist/fonts/Marianne-Bold.woff2") format("woff2"); }
@page { size: A4; margin: 18mm; }
html { font: 10pt/1.45 Marianne, sans-serif; }
h1 { font-size: 15pt; } h2 { font-size: 12pt; } p { margin: 0 0 2.5mm; }
"""
REFERENCE_TEXT = (
    "Les prestations d’un mois sont versées le 5 du mois suivant. Quand le 5 n’est pas un jour ouvré, "
    "le versement a lieu le jour ouvré le plus proche. Votre banque peut mettre un à deux jours pour "
    "créditer votre compte. "
)


def reference_renderer():
    """The fixed reference page: a function rendering it to PDF/UA-1 (fetcher, fonts and CSS made once)."""
    from django.contrib.staticfiles import finders
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class Fetcher(URLFetcher):
        def fetch(self, url, headers=None):
            with open(finders.find(url.removeprefix("https://pdf.invalid/static/")), "rb") as handle:
                return URLFetcherResponse(url, body=handle.read(), headers={"Content-Type": "font/woff2"})

    fetcher, fonts = Fetcher(), FontConfiguration()
    css = CSS(string=REFERENCE_CSS, url_fetcher=fetcher, font_config=fonts)
    body = "".join(f"<h2>Section {n}</h2><p>{REFERENCE_TEXT * 3}</p>" for n in range(1, 7))
    html = (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Référence</title></head>'
        f"<body><h1>Page de référence</h1>{body}</body></html>"
    )

    def render():
        document = HTML(string=html, base_url="https://pdf.invalid/", url_fetcher=fetcher).render(
            font_config=fonts, stylesheets=[css]
        )
        return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)

    return render


def paired(function, reference, count):
    """`count` renders of `function`, each followed by one of `reference`: wall and CPU times (ms) of
    both, and the per-pair CPU ratio."""
    walls, cpus, ref_cpus, ratios = [], [], [], []
    for _ in range(count):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        cpu = time.process_time()
        reference()
        ref_cpus.append((time.process_time() - cpu) * 1000)
        ratios.append(cpus[-1] / ref_cpus[-1])
    return walls, cpus, ref_cpus, ratios, result


def before_renderer():
    """`letter_pdf` as session 8 found it: the same HTML and print stylesheet (parsed once, the same
    fetcher and fonts) through WeasyPrint's own `HTML`, under Python's default collector thresholds."""
    import gc

    from weasyprint import HTML

    from benefits.letters import rendering
    from benefits.letters.documents import letter_html

    def render(letter):
        threshold = gc.get_threshold()
        gc.set_threshold(700, 10, 10)
        try:
            document = HTML(
                string=letter_html(letter), base_url=rendering.BASE_URL, url_fetcher=rendering.fetcher()
            ).render(
                font_config=rendering.font_configuration(),
                stylesheets=[rendering.stylesheet(rendering.LETTER_STYLESHEET)],
            )
            return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)
        finally:
            gc.set_threshold(*threshold)

    return render


def before_after(before, after, blocks=BLOCKS, block=BLOCK):
    """Mean CPU ms per render of `before` and `after` over alternating blocks, and the median of the
    per-block-pair ratios after / before."""
    means = {"before": [], "after": []}
    for _ in range(blocks):
        for name, function in (("before", before), ("after", after)):
            _walls, cpus, _ = timed(function, block)
            means[name].append(statistics.mean(cpus))
    ratio = statistics.median(a / b for a, b in zip(means["after"], means["before"], strict=True))
    return statistics.mean(means["before"]), statistics.mean(means["after"]), ratio


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
    reference = reference_renderer()
    timed(reference, 3)
    before = before_renderer()
    rates = {}
    for kind in KINDS:
        letter = sample_letter(kind)
        timed(lambda letter=letter: letter_pdf(letter), 3)  # warm-up: fonts, templates, caches
        walls, cpus, ref_cpus, ratios, (pdf, pages) = paired(
            lambda letter=letter: letter_pdf(letter), reference, RENDERS
        )
        html_walls, _c, _h = timed(lambda letter=letter: letter_html(letter), RENDERS)
        p50, p95 = statistics.median(walls), percentile(walls, 0.95)
        cpu50, cpu95 = statistics.median(cpus), percentile(cpus, 0.95)
        print(
            f"{kind}: {pages} page(s), {len(pdf) // 1024} KiB — CPU p50 {cpu50:.0f} ms, p95 {cpu95:.0f} ms "
            f"(wall p50 {p50:.0f} ms, p95 {p95:.0f} ms) — {statistics.median(ratios):.2f} × reference page "
            f"(CPU p50 {statistics.median(ref_cpus):.0f} ms) — {1000 / cpu50:.1f} letters/s per core — "
            f"HTML alone p50 {statistics.median(html_walls):.1f} ms — render / core = {cpu50 / core_ms:.0f} × "
            f"— goal CPU p50 ≤ 150 ms: {'met' if cpu50 <= 150 else 'not met'}"
        )
        before(letter)  # warm-up of the other path
        old_ms, new_ms, ratio = before_after(
            lambda letter=letter: before(letter), lambda letter=letter: letter_pdf(letter)
        )
        rates[kind] = (1000 / old_ms, 1000 / new_ms)
        print(
            f"  {kind}, before / after in this run (blocks of {BLOCK}, mean CPU per render): "
            f"{old_ms:.0f} ms → {new_ms:.0f} ms, after / before {ratio:.2f} × — "
            f"{rates[kind][0]:.1f} → {rates[kind][1]:.1f} renders/s per process"
        )
    for kind in CAMPAIGN_KINDS:
        hours = [LETTERS_NATIONAL / (rate * LETTER_WORKERS) / 3600 for rate in rates[kind]]
        print(
            f"projection, {LETTERS_NATIONAL / 1e6:.1f} M {kind} letters on {LETTER_WORKERS} letter "
            f"processes (PDF alone): {hours[0]:.1f} h before → {hours[1]:.1f} h after"
        )


if __name__ == "__main__":
    main()
