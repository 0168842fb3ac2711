"""Overload: far beyond capacity, the portal answers at once (503 + the waiting page) instead of queueing.

Starts gunicorn (bench/server.py, portal/gunicorn.conf.py) and drives it from bench/overload_client.py in
its own process: BENCH_OVERLOAD_CONNECTIONS (2,000) visitors at once for BENCH_OVERLOAD_SECONDS (20),
newcomers on the simulator's start page and BENCH_OVERLOAD_JOURNEYS (10) visitors already in the
questionnaire. The waiting page's Retry-After is shortened to 2 s so that the refused come back often
(harsher than production's 10 s). Prints, with the goals of issue 14: the share of 5xx other than 503,
the p99 latency of the admitted requests and of the 503 answers, the share of journey requests refused
against newcomers', and how long /healthz takes to answer normally once the load stops.
Bounded in time and loopback only.
"""

import json
import os
import subprocess
import sys

from bench.server import ROOT, Browser, gunicorn

CONNECTIONS = int(os.environ.get("BENCH_OVERLOAD_CONNECTIONS", "2000"))
SECONDS = int(os.environ.get("BENCH_OVERLOAD_SECONDS", "20"))
JOURNEYS = int(os.environ.get("BENCH_OVERLOAD_JOURNEYS", "10"))


def journey_sessions(port, count) -> list[str]:
    sessions = []
    for _ in range(count):
        browser = Browser(port)
        token = browser.csrf_token("/simulateur/foyer/")
        sessions.append(f"{browser.cookie_header()}|{token}")
    return sessions


def ms(seconds) -> str:
    return "—" if seconds is None else f"{seconds * 1000:.0f} ms"


def main() -> None:
    with gunicorn(ADMISSION_RETRY_AFTER="2") as port:
        sessions = journey_sessions(port, JOURNEYS)
        client = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.overload_client",
                "--port",
                str(port),
                "--connections",
                str(CONNECTIONS),
            ]
            + ["--seconds", str(SECONDS), *sessions],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=SECONDS + 120,
        )
    if client.returncode != 0:
        raise RuntimeError(f"overload client failed: {client.stderr[-2000:]}")
    figures = json.loads(client.stdout)
    answered = figures["admitted"] + figures["busy"] + figures["other_5xx"]
    other_share = figures["other_5xx"] / answered if answered else 0.0
    journeys = figures["journey_admitted"] + figures["journey_busy"]
    newcomers_busy = figures["busy"] - figures["journey_busy"]
    newcomers = answered - journeys
    recovery = figures["healthz_recovery_seconds"]
    print(
        f"{CONNECTIONS} visitors at once for {SECONDS} s ({JOURNEYS} in a journey), load generator in its own "
        f"process, load average {os.getloadavg()[0]:.1f}"
    )
    print(
        f"answers: {answered} ({figures['admitted']} admitted, {figures['busy']} × 503, "
        f"{figures['other_5xx']} other 5xx), {figures['errors']} connection errors or time-outs"
    )
    print(f"5xx other than 503        : {other_share:.2%}  goal 0: {'OK' if other_share == 0 else 'NOT MET'}")
    print(
        f"p99 admitted              : {ms(figures['p99_admitted'])} (median {ms(figures['p50_admitted'])})  "
        f"goal < 250 ms: {'OK' if (figures['p99_admitted'] or 0) < 0.25 else 'NOT MET'}"
    )
    print(
        f"p99 of the 503 answers    : {ms(figures['p99_busy'])} (median {ms(figures['p50_busy'])})  "
        f"goal < 50 ms: {'OK' if (figures['p99_busy'] or 0) < 0.05 else 'NOT MET'}"
    )
    print(
        f"refused, journeys/newcomers: {figures['journey_busy'] / max(journeys, 1):.1%} of {journeys} / "
        f"{newcomers_busy / max(newcomers, 1):.1%} of {newcomers}"
    )
    print(f"/healthz normal again after: {recovery:.2f} s  goal < 5 s: {'OK' if recovery < 5 else 'NOT MET'}")


if __name__ == "__main__":
    main()
