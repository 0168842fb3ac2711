"""Settings come from the environment and refuse nonsense."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.env import broker_url_default, env_bool, env_int, env_list, env_url

ROOT = Path(__file__).resolve().parents[2]
ENV_SET_BY_TESTS = {
    "SECRET_KEY",
    "DEBUG",
    "EMULATORS_ENABLED",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "FCPLUS_ISSUER",
    "FCPLUS_DEV_KEYS",
}
PRODUCTION_LIKE = {
    "DEBUG": "false",
    "SECRET_KEY": "x7#kq" * 12,
    "ALLOWED_HOSTS": "portail.example.fr",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_PRELOAD": "true",
    "EMULATORS_ENABLED": "false",
}


def run_manage(*args, env):
    base = {k: v for k, v in os.environ.items() if k not in ENV_SET_BY_TESTS}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("1", True), ("off", False), ("", False)])
def test_env_bool_reads_words(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG") is expected


def test_env_bool_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG")


def test_env_int_refuses_nonsense_and_out_of_range(monkeypatch):
    monkeypatch.setenv("NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured):
        env_int("NUMBER", 1)
    monkeypatch.setenv("NUMBER", "-3")
    with pytest.raises(ImproperlyConfigured):
        env_int("NUMBER", 1, minimum=0)
    monkeypatch.setenv("NUMBER", "42")
    assert env_int("NUMBER", 1, minimum=0) == 42


def test_env_list_and_url(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.fr, b.fr ,")
    assert env_list("HOSTS", []) == ["a.fr", "b.fr"]
    monkeypatch.setenv("URL", "ftp://x")
    with pytest.raises(ImproperlyConfigured):
        env_url("URL", schemes=("redis",))


@pytest.mark.parametrize(
    "secret", ["", "short", "development-only-secret-key-never-use-in-production-0123456789"]
)
def test_debug_off_refuses_a_missing_or_development_secret_key(secret):
    result = run_manage("check", env={"DEBUG": "false", "SECRET_KEY": secret})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_check_deploy_is_clean_with_production_like_variables():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_LIKE)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_emulators_are_not_mounted_in_production():
    code = (
        "import django; django.setup(); from django.urls import resolve, Resolver404\n"
        "for url in ('/_fcplus/api/v2/.well-known/openid-configuration', '/_revenus/'):\n"
        "    try:\n        resolve(url); print('MOUNTED', url)\n"
        "    except Resolver404:\n        pass\n"
    )
    base = {k: v for k, v in os.environ.items() if k not in ENV_SET_BY_TESTS}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**base, **PRODUCTION_LIKE, "DJANGO_SETTINGS_MODULE": "portal.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "MOUNTED" not in result.stdout


def test_the_broker_defaults_to_another_database_than_the_cache():
    """A cache clear (FLUSHDB of REDIS_URL's database) must never delete Celery's queued tasks."""
    assert broker_url_default("redis://127.0.0.1:6379/0") == "redis://127.0.0.1:6379/1"
    assert broker_url_default("redis://cache.internal:6379") == "redis://cache.internal:6379/1"
    assert broker_url_default("rediss://:pw@cache:6380/15") == "rediss://:pw@cache:6380/14"
    assert broker_url_default("") == ""
    with pytest.raises(ImproperlyConfigured):
        broker_url_default("redis://127.0.0.1:6379/cache")


def test_settings_read_their_own_broker_url_and_stay_in_process_without_one():
    code = "from django.conf import settings as s; print(s.CELERY_BROKER_URL, s.CELERY_TASK_ALWAYS_EAGER)"
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ENV_SET_BY_TESTS | {"REDIS_URL", "CELERY_BROKER_URL", "CELERY_TASK_ALWAYS_EAGER"}
    }
    base |= {"DJANGO_SETTINGS_MODULE": "portal.settings", "DEBUG": "true"}

    def read(**env):
        out = subprocess.run(
            [sys.executable, "-c", "import django; django.setup(); " + code],
            cwd=ROOT,
            env={**base, **env},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
        return out.stdout.split()

    assert read() == ["memory://localhost/", "True"]
    assert read(REDIS_URL="redis://127.0.0.1:6379/4") == ["redis://127.0.0.1:6379/5", "False"]
    assert read(REDIS_URL="redis://127.0.0.1:6379/4", CELERY_BROKER_URL="amqp://guest@mq:5672//") == [
        "amqp://guest@mq:5672//",
        "False",
    ]
