"""pytest plugin loaded before Django is configured (see `addopts` in pyproject.toml).

It sets the environment a test run needs, without a separate settings module:
- locally: SQLite, eager Celery, the emulators on;
- in CI (CI=true): the project machines' PostgreSQL and Redis, for real. If either is unreachable
  the run stops with an error: CI must never silently fall back to SQLite or skip.
"""

import os
import socket
import tempfile

import pytest

TEST_SECRET_KEY = "tests-only-secret-key-not-for-any-deployment-abcdefghijklmnopqrstuvwxyz"
CI_DATABASE_URL = "postgres://root@127.0.0.1:5432/test"
# One Redis database per test process (pytest-xdist worker), so that clearing the cache in one
# process never empties another's cache or Celery queue.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
# CI owns databases 8-15: a process's cache on 15-k and its Celery broker on 11-k (k < 4), so that a
# cache.clear() (FLUSHDB) never deletes queued tasks, its own or another process's.
CI_INDEX = int(WORKER.removeprefix("gw") or 0) % 4
CI_REDIS_URL = f"redis://127.0.0.1:6379/{15 - CI_INDEX}"
CI_BROKER_URL = f"redis://127.0.0.1:6379/{11 - CI_INDEX}"
# The tests that start real Celery workers run one after another, in one pytest-xdist process
# (`--dist loadgroup`): with a single TEST_REDIS_URL for every process (a developer's run), the letters'
# worker-kill test purges the broker that the campaign's worker test is using at the same moment.
REAL_WORKERS = "real-celery-workers"
# Each process's cache keys under its own prefix, and each test empties only its own (tests/conftest.py):
# with one TEST_REDIS_URL for a whole run both processes share the database, and a FLUSHDB in one
# emptied the other's cache mid-test (the FC+ emulator's records of a login under way:
# test_fcplus_logout.py failed now and then). Assigned, not setdefault: the workers inherit the
# controller's environment.
CACHE_KEY_PREFIX = f"tests-{WORKER}"


def is_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def port_is_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


os.environ.setdefault("SECRET_KEY", TEST_SECRET_KEY)
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("EMULATORS_ENABLED", "true")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
os.environ["CACHE_KEY_PREFIX"] = CACHE_KEY_PREFIX
# No collectstatic before tests: static files come from the finders, without a manifest.
os.environ.setdefault("STATIC_MANIFEST", "false")
# FranceConnect+: the portal talks to its own emulator on the test client's host, with keys in memory.
os.environ.setdefault("FCPLUS_ISSUER", "http://testserver/_fcplus/api/v2")
os.environ.setdefault("FCPLUS_DEV_KEYS", "memory")
# Letters' PDFs go to a private folder of this run, never to the repository's private/ folder.
os.environ.setdefault("LETTERS_ROOT", tempfile.mkdtemp(prefix="letters-tests-"))
# Playwright's sync API runs an event loop in the test thread; the live server's ORM calls are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
if is_ci():
    os.environ.setdefault("DATABASE_URL", CI_DATABASE_URL)
    # Not setdefault: pytest-xdist workers inherit the controller's environment, and each worker
    # must use its own database (TEST_REDIS_URL overrides the server for a whole run).
    os.environ["REDIS_URL"] = os.environ.get("TEST_REDIS_URL", CI_REDIS_URL)
    # TEST_REDIS_URL alone (one database for a whole run) carries the broker too, unless
    # TEST_CELERY_BROKER_URL gives it its own.
    default_broker = os.environ["REDIS_URL"] if "TEST_REDIS_URL" in os.environ else CI_BROKER_URL
    os.environ["CELERY_BROKER_URL"] = os.environ.get("TEST_CELERY_BROKER_URL", default_broker)


def fixed_live_server_port(address: str) -> str | None:
    """The port of a live-server address ("host:port"), None when the OS is left to choose one.

    pytest-django's live_server binds port 0 (a free port the OS chooses, one per pytest-xdist process)
    unless --liveserver or DJANGO_LIVE_TEST_SERVER_ADDRESS names a port. Django binds it without
    SO_REUSEADDR (LiveServerThread: allow_reuse_address=False), so a fixed port fails with "Address
    already in use" in the second pytest-xdist process at once, and in a run started within a minute
    of the previous one (its connections in TIME_WAIT). Nothing in the suite needs a fixed port: every
    browser test builds its addresses from live_server.url."""
    _host, sep, port = address.rpartition(":")
    return port if sep and port not in ("", "0") else None


def pytest_configure(config):
    address = config.getoption("liveserver", None) or os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS", "")
    if port := fixed_live_server_port(address):
        raise pytest.UsageError(
            f"the live server's port is fixed ({address!r}): leave it to the OS (unset "
            "DJANGO_LIVE_TEST_SERVER_ADDRESS, no port in --liveserver): a fixed port is refused as "
            f"already in use by the second test process and for a minute after a run (port {port})"
        )
    if not is_ci():
        return
    missing = [
        name
        for name, (host, port) in {"PostgreSQL": ("127.0.0.1", 5432), "Redis": ("127.0.0.1", 6379)}.items()
        if not port_is_open(host, port)
    ]
    if missing:
        raise pytest.UsageError(f"CI=true but {', '.join(missing)} is not reachable on 127.0.0.1")
    # A preset SQLite DATABASE_URL would pass the port check, then the PostgreSQL-only tests would
    # skip and concurrency would run on SQLite: CI runs on PostgreSQL or not at all.
    scheme = os.environ["DATABASE_URL"].split(":", 1)[0]
    if scheme not in ("postgres", "postgresql"):
        raise pytest.UsageError(f"CI=true but DATABASE_URL is {scheme}, not PostgreSQL")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI=true a skipped test is a failure: CI has every service, so a skip hides a gap."""
    report = yield
    if is_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true (a skip is a failure in CI): {reason}"
    return report
