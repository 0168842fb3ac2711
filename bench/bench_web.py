"""End-to-end speed of the simulator on a production server (`make bench`).

Starts gunicorn (portal/gunicorn.conf.py, bench/server.py) on a free loopback port with production-like
settings and a temporary SQLite database, then loads it with wrk (Debian's /usr/bin/wrk, its own
process, outside the server's) for a bounded time:
  1. reference: GET /healthz (database, cache and task round trip: the web layer's floor);
  2. API: POST /api/v1/simulate with a household;
  3. form: POST /simulateur/verifier/ (compute, save), then GET of the HTML result page it redirects to,
     each wrk connection with its own questionnaire session (bench/wrk_form.lua).
Prints simulations per second, each as a ratio to the reference measured in the same run (the machine
is shared), and the core's share of the server's CPU. Goal: ≥ 400 simulations/s on 2 cores.
Then prints where the form path's CPU goes (bench/profile_form.py, in-process, its own process).
Knobs: BENCH_WEB_SECONDS (10), BENCH_WEB_CONNECTIONS (8). Admission control is relaxed here
(ADMISSION_LIMIT 16, no poller refusal): this measures capacity; bench_overload.py measures refusals. Only 127.0.0.1 is contacted.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.server import Browser, gunicorn, server_cpu_seconds
from benefits.rules import compute, parse_household

HERE = Path(__file__).resolve().parent
DURATION = int(os.environ.get("BENCH_WEB_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_WEB_CONNECTIONS", "8"))
GOAL = 400
HOUSEHOLD = {
    "month": "2026-06",
    "persons": [
        {
            "id": "a",
            "role": "applicant",
            "birth_date": "1990-03-10",
            "activity": "employed",
            "incomes": {
                "salary": {f"2025-{m:02d}": 1100 for m in range(1, 13)}
                | {f"2026-{m:02d}": 1100 for m in range(1, 7)}
            },
        },
        {"id": "c1", "role": "child", "birth_date": "2019-09-01"},
    ],
    "housing": {"status": "tenant_private", "rent": 650, "zone": 2},
}
WRK = shutil.which("wrk")


def wrk(port, path, script=None, script_args=(), threads=2, connections=CONNECTIONS) -> str:
    command = [WRK, f"-t{threads}", f"-c{connections}", f"-d{DURATION}s", "--timeout", "10s"]
    command += ["-s", str(HERE / script)] if script else []
    command += [f"http://127.0.0.1:{port}{path}", "--", *script_args]
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=DURATION + 60).stdout


def wrk_rate(output: str) -> tuple[float, int]:
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, int(bad.group(1)) if bad else 0


def form_sessions(port, count) -> list[str]:
    """One questionnaire session per wrk connection: 'cookie|csrf' as bench/wrk_form.lua reads it."""
    sessions = []
    for _ in range(count):
        browser = Browser(port)
        token = browser.answer_questionnaire()
        sessions.append(f"{browser.cookie_header()}|{token}")
    return sessions


def core_seconds() -> float:
    """CPU seconds of the core for one API simulation: parse, compute with explanation, to_dict."""
    compute(parse_household(HOUSEHOLD)).to_dict(explain=True)
    started = time.process_time()
    for _ in range(200):
        compute(parse_household(HOUSEHOLD), explain=True).to_dict(explain=True)
    return (time.process_time() - started) / 200


def with_cpu(port, figures, name, run):
    """Runs one wrk phase; records the server's CPU time per answer (from /proc, the gunicorn processes)."""
    before, started = server_cpu_seconds(port), time.perf_counter()
    count = run()
    figures[name + "_cpu_ms"] = (server_cpu_seconds(port) - before) / max(count, 1) * 1000
    figures[name + "_cores"] = (server_cpu_seconds(port) - before) / (time.perf_counter() - started)


def measure(port) -> dict:
    figures = {}

    def healthz():
        figures["healthz"], _ = wrk_rate(wrk(port, "/healthz"))
        return figures["healthz"] * DURATION

    def api():
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as body:
            json.dump(HOUSEHOLD, body)
        try:
            figures["api"], figures["api_errors"] = wrk_rate(
                wrk(port, "/api/v1/simulate", "wrk_api.lua", [body.name])
            )
        finally:
            os.unlink(body.name)
        return figures["api"] * DURATION

    def form():
        # One connection per wrk thread: each thread follows its own session's redirect.
        output = wrk(port, "/", "wrk_form.lua", sessions, threads=CONNECTIONS, connections=CONNECTIONS)
        sims, errors, seconds = re.search(r"SIMS (\d+) ERRORS (\d+) SECONDS ([\d.]+)", output).groups()
        figures["form"], figures["form_errors"] = int(sims) / float(seconds), int(errors)
        return int(sims)

    with_cpu(port, figures, "healthz", healthz)
    with_cpu(port, figures, "api", api)
    sessions = form_sessions(port, CONNECTIONS)
    with_cpu(port, figures, "form", form)
    return figures


def cpu_text(figures, name) -> str:
    """The server's CPU per answer, whatever share of the machine it got: what a core could serve."""
    ms = figures[name + "_cpu_ms"]
    return f"[server CPU {ms:.1f} ms each -> {1000 / ms:.0f}/s per core; it got {figures[name + '_cores']:.2f} cores]"


def main() -> None:
    if WRK is None:
        print("wrk not found (apt install wrk): the web benchmark needs an outside load generator; skipped.")
        return
    cores = os.cpu_count() or 1
    with gunicorn(ADMISSION_LIMIT="16", ADMISSION_QUEUE_LIMIT="0") as port:
        figures = measure(port)
    core = core_seconds()
    reference = figures["healthz"]
    print(
        f"gunicorn (portal/gunicorn.conf.py) on 127.0.0.1, load by wrk in its own process, "
        f"{DURATION} s per phase, {CONNECTIONS} connections, {cores} cores, load average {os.getloadavg()[0]:.1f}"
    )
    print(f"reference GET /healthz      : {reference:8.0f} req/s (1.00×)  {cpu_text(figures, 'healthz')}")
    for name, label in (("api", "API POST /api/v1/simulate  "), ("form", "form POST verifier → result")):
        rate = figures[name]
        print(
            f"{label} : {rate:8.0f} sim/s ({rate / reference:.2f}× the reference, "
            f"{figures[name + '_errors']} errors)  goal ≥ {GOAL}: {'OK' if rate >= GOAL else 'NOT MET'}  "
            f"{cpu_text(figures, name)}"
        )
    print(
        f"core alone (in-process)     : {1 / core:8.0f} sim/s on one core, {core * 1000:.2f} ms CPU; "
        f"core's share of server CPU: API {min(1.0, figures['api'] * core / cores):.0%}, "
        f"form {min(1.0, figures['form'] * core / cores):.0%}"
    )
    print(
        f"wrk shares the {cores} cores with the server (its own process, but on the same CPUs): the figures "
        "understate the server; on a shared machine compare the ratios, not the absolute figures."
    )
    # Where the form path's CPU goes (in its own process: Django is set up there, not here).
    subprocess.run([sys.executable, "-m", "bench.profile_form"], cwd=HERE.parent, check=False, timeout=600)


if __name__ == "__main__":
    main()
