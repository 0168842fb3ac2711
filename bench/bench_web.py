"""End-to-end speed of the simulator on a production server (`make bench`).

Starts gunicorn (portal/gunicorn.conf.py) on a free loopback port with production-like settings and a
temporary SQLite database, then drives it for a bounded time from client threads in this process:
  1. reference: GET /healthz (database, cache and task round trip: the web layer's floor);
  2. API: POST /api/v1/simulate with a household;
  3. form: POST /simulateur/verifier/ (compute, save), then GET of the HTML result page it redirects to.
Prints requests per second, each as a ratio to the reference, and the core's share of the server's
CPU time (core time measured in-process × throughput ÷ cores). Goal: ≥ 400 simulations/s.
Only 127.0.0.1 is contacted; everything stops by itself.
"""

import http.client
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from benefits.rules import compute, parse_household

ROOT = Path(__file__).resolve().parents[1]
DURATION = float(os.environ.get("BENCH_WEB_SECONDS", "8"))
THREADS = int(os.environ.get("BENCH_WEB_THREADS", "8"))
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
ANSWERS = [
    ("/simulateur/foyer/", {"couple": "non", "children": "1"}),
    (
        "/simulateur/personnes/",
        {
            "demandeur-birth_date": "10/03/1990",
            "demandeur-activity": "employed",
            "demandeur-disability": "none",
            "demandeur-nationality": "fr",
            "enfant1-birth_date": "01/09/2019",
        },
    ),
    ("/simulateur/logement/", {"status": "tenant_private", "rent": "650", "commune": "69123"}),
    ("/simulateur/revenus/", {"demandeur-salary": "1100", "demandeur-alimony": "0"}),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """A keep-alive HTTP client with cookies, enough for the questionnaire's session and CSRF."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        if response.status in (301, 302, 303):
            return response.status, response.getheader("Location")
        return response.status, data

    def post_form(self, path, fields):
        status, page = self.request("GET", path)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        body = urlencode({**fields, "csrfmiddlewaretoken": token})
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1{path}"}
        return self.request("POST", path, body, headers)


def run_load(port, make_worker) -> float:
    """Simulations per second over DURATION once every client is ready (setup is not timed)."""
    counts = []
    ready = threading.Barrier(THREADS + 1)
    window = {}

    def loop():
        worker = make_worker(Browser(port))
        worker()  # warm this client's worker process and connection
        ready.wait()
        done = 0
        while time.perf_counter() < window["stop"]:
            worker()
            done += 1
        counts.append(done)

    threads = [threading.Thread(target=loop) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    # Every client has done its setup when the barrier opens: the timed window starts there.
    window["stop"] = time.perf_counter() + DURATION
    ready.wait()
    started = window["stop"] - DURATION
    for thread in threads:
        thread.join()
    return sum(counts) / (time.perf_counter() - started)


def healthz_worker(browser):
    return lambda: browser.request("GET", "/healthz")


def api_worker(browser):
    body = json.dumps(HOUSEHOLD)
    headers = {"Content-Type": "application/json"}

    def work():
        status, _ = browser.request("POST", "/api/v1/simulate", body, headers)
        assert status == 200, status

    return work


def form_worker(browser):
    for path, fields in ANSWERS:
        status, _ = browser.post_form(path, fields)
        assert status == 302, (path, status)
    # As a person does: the check page once, then "Voir mon estimation" (POST) and the result page.
    status, page = browser.request("GET", "/simulateur/verifier/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    body = urlencode({"csrfmiddlewaretoken": token})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": "http://127.0.0.1/simulateur/verifier/",
    }

    def work():
        status, location = browser.request("POST", "/simulateur/verifier/", body, headers)
        assert status == 302, status
        status, page = browser.request("GET", location)
        assert status == 200 and b"Votre estimation" in page, status

    return work


def core_seconds() -> float:
    """CPU seconds of the core for one API simulation: parse, compute with explanation, to_dict."""
    compute(parse_household(HOUSEHOLD)).to_dict(explain=True)
    started = time.process_time()
    for _ in range(200):
        compute(parse_household(HOUSEHOLD), explain=True).to_dict(explain=True)
    return (time.process_time() - started) / 200


def main() -> None:
    port = free_port()
    tmp = tempfile.mkdtemp(prefix="bench-web-")
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
        "STATIC_MANIFEST": "false",
        "EMULATORS_ENABLED": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "API_RATE_LIMIT_PER_MINUTE": "100000000",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
        **(
            {"DJANGO_SETTINGS_MODULE": os.environ["BENCH_SETTINGS"]}
            if os.environ.get("BENCH_SETTINGS")
            else {}
        ),
    }
    env.pop("REDIS_URL", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "portal/gunicorn.conf.py", "portal.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                Browser(port).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        cores = os.cpu_count() or 1
        reference = run_load(port, healthz_worker)
        api = run_load(port, api_worker)
        form = run_load(port, form_worker)
        core = core_seconds()
        print(
            f"gunicorn on 127.0.0.1:{port}, {THREADS} client threads in this process, {DURATION:.0f} s each, {cores} cores"
        )
        print(f"reference GET /healthz      : {reference:8.0f} req/s (1.00×)")
        print(
            f"API POST /api/v1/simulate   : {api:8.0f} sim/s ({api / reference:.2f}× the reference)  goal ≥ {GOAL}: {'OK' if api >= GOAL else 'NOT MET'}"
        )
        print(
            f"form POST verifier → result : {form:8.0f} sim/s ({form / reference:.2f}× the reference)  goal ≥ {GOAL}: {'OK' if form >= GOAL else 'NOT MET'}"
        )
        print(
            f"core alone (in-process)     : {1 / core:8.0f} sim/s on one core, {core * 1000:.2f} ms CPU "
            f"(parse, compute with explanation, to_dict); API = {api * core:.2f} core(s) of core work"
        )
        print(
            f"core's share of server CPU  : API {min(1.0, api * core / cores):.0%}, form {min(1.0, form * core / cores):.0%}"
        )
        print("The load generator runs on the same 2 cores: the figures are a floor for the server alone.")
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
