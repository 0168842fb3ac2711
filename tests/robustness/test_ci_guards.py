"""The CI guards of tests/environment.py: PostgreSQL or nothing, and no silent skip (issue 17 G)."""

import os
import subprocess
import sys
from pathlib import Path

from tests import environment

ROOT = Path(__file__).resolve().parents[2]


def run_pytest(tmp_path, env_extra, test_source):
    test_file = tmp_path / "test_probe.py"
    test_file.write_text(test_source)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_XDIST_WORKER", "DATABASE_URL")}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(ROOT)]
        + ["-q", "-p", "no:randomly", "-p", "no:cacheprovider", str(test_file)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_ci_refuses_a_sqlite_database(tmp_path):
    result = run_pytest(
        tmp_path, {"CI": "true", "DATABASE_URL": "sqlite:///x.sqlite3"}, "def test_x():\n    pass\n"
    )
    assert result.returncode != 0
    assert "not PostgreSQL" in result.stdout + result.stderr


def test_a_skip_is_a_failure_in_ci_only(tmp_path):
    source = "import pytest\n\ndef test_x():\n    pytest.skip('no service')\n"
    local = run_pytest(tmp_path, {"CI": ""}, source)
    assert local.returncode == 0 and "1 skipped" in local.stdout

    # The guard itself (CI=true needs the services to start a run): the hook turns a skip into a failure.
    class Report:
        skipped, outcome, longrepr = True, "skipped", ("f", 1, "Skipped: no service")

    previous = os.environ.get("CI", "")
    os.environ["CI"] = "true"
    try:
        hook = environment.pytest_runtest_makereport(None, None)
        next(hook)
        try:
            hook.send(Report())
        except StopIteration as stop:
            report = stop.value
    finally:
        os.environ["CI"] = previous
    assert report.outcome == "failed" and "a skip is a failure in CI" in report.longrepr


def test_a_fixed_live_server_port_is_refused_before_the_run(tmp_path):
    # Django binds the live server without SO_REUSEADDR: a fixed port failed as "already in use" in
    # the second pytest-xdist process and right after a previous run. The OS's choice (port 0) is kept.
    assert environment.fixed_live_server_port("localhost") is None
    assert environment.fixed_live_server_port("localhost:0") is None
    assert environment.fixed_live_server_port("127.0.0.1:8081") == "8081"
    result = run_pytest(
        tmp_path, {"CI": "", "DJANGO_LIVE_TEST_SERVER_ADDRESS": "localhost:8121"}, "def test_x():\n    pass\n"
    )
    assert result.returncode != 0
    assert "live server's port is fixed" in result.stdout + result.stderr
