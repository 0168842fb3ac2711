"""Where the CPU of one form simulation goes, measured in-process (`make bench`, after bench_web).

Run as `python -m bench.profile_form` (bench_web starts it in its own process, with the same
production-like settings as the benchmarked server, bench/server.py): answers the questionnaire once
through Django's test client, then drives Django's WSGI handler itself (what gunicorn calls) with
POST /simulateur/verifier/ and the GET of the result page, BENCH_PROFILE_SIMS (300) times, and splits
the CPU time (time.process_time, no profiler overhead) into: the core (household built from the
answers, parsed, computed with its explanation), database queries,
template rendering (and, inside it, the explanation fragment rendered once per simulation), and the
rest (middleware, views, the request cycle). Prints one line per part, in ms per simulation.
"""

import io
import os
import re
import shutil
import sys
import tempfile
import time
import warnings
from collections import Counter
from contextlib import contextmanager
from http.cookies import SimpleCookie

SIMS = int(os.environ.get("BENCH_PROFILE_SIMS", "300"))
spent = Counter()


def timed(label, function):
    """Wraps function so that its CPU time is added to spent[label] (outermost call only)."""
    depth = {"n": 0}

    def wrapper(*args, **kwargs):
        depth["n"] += 1
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            depth["n"] -= 1
            if depth["n"] == 0:
                spent[label] += time.process_time() - started

    return wrapper


def instrument():
    from django.template.backends import django as django_backend
    from django.templatetags import cache as cache_tag

    from benefits.simulator import services

    django_backend.Template.render = timed("templates", django_backend.Template.render)
    cache_tag.CacheNode.render = timed("explanation fragment", cache_tag.CacheNode.render)
    services.simulation_compute = timed("core compute", services.simulation_compute)


@contextmanager
def database_timer():
    from django.db import connection

    def wrapper(execute, sql, params, many, context):
        started = time.process_time()
        try:
            return execute(sql, params, many, context)
        finally:
            spent["database"] += time.process_time() - started

    with connection.execute_wrapper(wrapper):
        yield


class WsgiBrowser:
    """Calls the WSGI application directly with the cookies of a test client's session."""

    def __init__(self, application, cookies):
        self.application = application
        self.cookies = cookies

    def request(self, method, path, body=b"", content_type=""):
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "127.0.0.1",
            "REMOTE_ADDR": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_COOKIE": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "CONTENT_TYPE": content_type,
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.url_scheme": "http",
            "wsgi.version": (1, 0),
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        answer = {}

        def start_response(status, headers, exc_info=None):
            answer["status"], answer["headers"] = int(status.split()[0]), headers

        chunks = self.application(environ, start_response)
        content = b"".join(chunks)
        getattr(chunks, "close", lambda: None)()
        for name, value in answer["headers"]:
            if name.lower() == "set-cookie":
                cookie = SimpleCookie(value)
                self.cookies.update({k: morsel.value for k, morsel in cookie.items()})
        return answer["status"], dict(answer["headers"]), content


def main():
    from bench.server import ANSWERS, server_env

    warnings.filterwarnings("ignore", message="No directory at")  # STATIC_ROOT: WhiteNoise serves the finders
    tmp = tempfile.mkdtemp(prefix="bench-profile-")
    os.environ.update(server_env(0, tmp))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from django.test import Client

    call_command("migrate", verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1")
    for path, fields in ANSWERS:
        assert client.post(path, fields).status_code == 302, path
    page = client.get("/simulateur/verifier/").content
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    browser = WsgiBrowser(get_wsgi_application(), {k: m.value for k, m in client.cookies.items()})
    body = f"csrfmiddlewaretoken={token}".encode()

    def simulation():
        status, headers, _ = browser.request(
            "POST", "/simulateur/verifier/", body, "application/x-www-form-urlencoded"
        )
        assert status == 302, status
        status, _, page = browser.request("GET", headers["Location"])
        assert status == 200 and b"Votre estimation" in page, status
        return len(page)

    for _ in range(20):
        simulation()
    instrument()
    with database_timer():
        spent.clear()
        started = time.process_time()
        for _ in range(SIMS):
            size = simulation()
        total = time.process_time() - started
    shutil.rmtree(tmp, ignore_errors=True)
    per_sim = {k: v / SIMS * 1000 for k, v in spent.items()}
    total_ms = total / SIMS * 1000
    rest = (
        total_ms - per_sim.get("templates", 0) - per_sim.get("database", 0) - per_sim.get("core compute", 0)
    )
    cores = os.cpu_count() or 1
    print(
        f"profile of the form path, in-process (Django's WSGI handler, no server, no load generator), "
        f"{SIMS} simulations, load average {os.getloadavg()[0]:.1f}:"
    )
    print(
        f"  CPU per simulation (POST verifier + GET result, {size // 1024} KiB): {total_ms:.1f} ms "
        f"-> at most {1000 * cores / total_ms:.0f} sim/s on {cores} cores with nothing else running"
    )
    for label in ("templates", "explanation fragment", "core compute", "database"):
        value = per_sim.get(label, 0)
        inside = "  (inside templates)" if label == "explanation fragment" else ""
        print(f"  {label:<22}: {value:5.1f} ms ({value / total_ms:4.0%}){inside}")
    print(f"  {'rest (middleware, views)':<22}: {rest:5.1f} ms ({rest / total_ms:4.0%})")


if __name__ == "__main__":
    main()
