"""A production-like gunicorn for the web benchmarks, on a free loopback port, stopped at the end.

Temporary SQLite database, DEBUG off, a generated SECRET_KEY, no emulators. The load generators
(wrk, bench/overload_client.py) run in their own processes, outside the server's.
"""

import contextlib
import http.client
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
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
            "isolement-maintenance": "non",
        },
    ),
    ("/simulateur/logement/", {"status": "tenant_private", "rent": "650", "commune": "69123"}),
    (
        "/simulateur/revenus/",
        {"demandeur-salary": "1100", "demandeur-alimony": "0", "demandeur-taxable_n2": "12000"},
    ),
]


SERVERS: dict[int, int] = {}  # port -> pid of the gunicorn arbiter serving it


def server_cpu_seconds(port: int) -> float:
    """CPU seconds (user + system) used so far by the gunicorn serving port: the arbiter and its workers."""
    arbiter = SERVERS[port]
    total = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:  # a process gone meanwhile
            continue
        if int(pid) == arbiter or int(fields[1]) == arbiter:  # fields[1]: the parent's pid
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """A keep-alive HTTP client with cookies, enough for the questionnaire's session and CSRF."""

    def __init__(self, port):
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = self.cookie_header()
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

    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def csrf_token(self, path) -> str:
        status, page = self.request("GET", path)
        return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()

    def post_form(self, path, fields):
        body = urlencode({**fields, "csrfmiddlewaretoken": self.csrf_token(path)})
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1{path}"}
        return self.request("POST", path, body, headers)

    def answer_questionnaire(self) -> str:
        """Answers the four question pages; returns the CSRF token of the check page."""
        for path, fields in ANSWERS:
            status, _ = self.post_form(path, fields)
            assert status == 302, (path, status)
        return self.csrf_token("/simulateur/verifier/")


def server_env(port: int, tmp: str, **overrides) -> dict:
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
        "SIMULATOR_RATE_LIMIT_PER_MINUTE": "100000000",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
        **(
            {"DJANGO_SETTINGS_MODULE": os.environ["BENCH_SETTINGS"]}
            if os.environ.get("BENCH_SETTINGS")
            else {}
        ),
        **overrides,
    }
    env.pop("REDIS_URL", None)
    env.pop("CELERY_BROKER_URL", None)  # no broker: Celery in-process, as without REDIS_URL
    return env


@contextlib.contextmanager
def gunicorn(**overrides):
    """Yields the port of a fresh gunicorn (portal/gunicorn.conf.py); environment overrides apply."""
    port = free_port()
    tmp = tempfile.mkdtemp(prefix="bench-web-")
    env = server_env(port, tmp, **overrides)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "portal/gunicorn.conf.py", "portal.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            try:
                Browser(port).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        SERVERS[port] = server.pid
        yield port
    finally:
        SERVERS.pop(port, None)
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)
