"""The portal's encryption keys: published at its JWKS URL, private halves never in the repository."""

import json
import os
import stat
import warnings

import pytest
from django.core.exceptions import ImproperlyConfigured
from joserfc.errors import SecurityWarning
from joserfc.jwk import ECKey, RSAKey

from portal.accounts.fcplus import keys
from tests.portal.test_settings import PRODUCTION_LIKE, run_manage

PRIVATE_MEMBERS = {"d", "p", "q", "dp", "dq", "qi"}


def test_the_jwks_url_publishes_public_encryption_keys_only(client):
    response = client.get("/compte/franceconnect/jwks.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    published = response.json()["keys"]
    assert {key["alg"] for key in published} == {"RSA-OAEP-256", "ECDH-ES"}
    for key in published:
        assert key["use"] == "enc" and key["kid"]
        assert not PRIVATE_MEMBERS & set(key)


def test_two_keys_are_published_during_a_rotation(settings):
    old, new = json.loads(keys.generate_private_jwks("old")), json.loads(keys.generate_private_jwks("new"))
    settings.FCPLUS_PRIVATE_JWKS = json.dumps({"keys": new["keys"] + old["keys"]})
    kids = [key["kid"] for key in keys.public_jwks()["keys"]]
    assert len(kids) == 4 and sum(kid.startswith("old-") for kid in kids) == 2


def test_keys_can_come_from_a_secret_file(settings, tmp_path):
    path = tmp_path / "fcplus.jwks.json"
    path.write_text(keys.generate_private_jwks("file"))
    settings.FCPLUS_PRIVATE_JWKS_FILE = str(path)
    assert all(kid.startswith("file-") for kid in keys.decryption_keys())


def private_key(alg="RSA-OAEP-256", bits=2048, **changes):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SecurityWarning)  # the 1024-bit case
        key = RSAKey.generate_key(bits) if alg.startswith("RSA") else ECKey.generate_key("P-256")
    return {**key.as_dict(private=True), "kid": "k1", "alg": alg, "use": "enc", **changes}


def without(entry, *names):
    return {name: value for name, value in entry.items() if name not in names}


BAD_KEY_SETS = {
    "public-key": lambda: [without(private_key(), *PRIVATE_MEMBERS)],
    "no-kid": lambda: [without(private_key(), "kid")],
    "rsa-oaep": lambda: [private_key(alg="RSA-OAEP")],
    "rsa1_5": lambda: [private_key(alg="RSA1_5")],
    "signing-key": lambda: [private_key(use="sig")],
    "duplicate-kid": lambda: [private_key(), private_key(alg="ECDH-ES")],
    "rsa-1024": lambda: [private_key(bits=1024)],
    "empty": lambda: [],
}


@pytest.mark.parametrize("case", BAD_KEY_SETS)
def test_bad_keys_are_refused(settings, case):
    settings.FCPLUS_PRIVATE_JWKS = json.dumps({"keys": BAD_KEY_SETS[case]()})
    with pytest.raises(ImproperlyConfigured):
        keys.decryption_keys()


def test_keys_that_are_not_json_are_refused(settings):
    settings.FCPLUS_PRIVATE_JWKS = "-----BEGIN PRIVATE KEY-----"
    with pytest.raises(ImproperlyConfigured):
        keys.decryption_keys()


def test_development_keys_are_generated_once_into_a_private_file(settings, tmp_path):
    settings.FCPLUS_DEV_KEYS = "file"
    settings.FCPLUS_DEV_KEYS_DIR = tmp_path / "var" / "dev-keys"
    first = keys.decryption_keys()
    path = settings.FCPLUS_DEV_KEYS_DIR / keys.DEV_KEYS_FILE
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert keys.decryption_keys().keys() == first.keys()
    assert os.listdir(settings.FCPLUS_DEV_KEYS_DIR) == [keys.DEV_KEYS_FILE]


def test_the_dev_keys_directory_is_gitignored():
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    assert "/var/" in (root / ".gitignore").read_text().split()


FCPLUS_PRODUCTION = {
    **PRODUCTION_LIKE,
    "FCPLUS_CLIENT_ID": "0123456789abcdef",
    "FCPLUS_CLIENT_SECRET": "s" * 64,
    "FCPLUS_ISSUER": "https://auth.franceconnect.gouv.fr/api/v2",
}


def test_production_refuses_to_start_without_a_decryption_key():
    result = run_manage("check", env=FCPLUS_PRODUCTION)
    assert result.returncode != 0
    assert "no decryption key" in result.stderr


def test_production_starts_with_keys_from_the_environment():
    env = {**FCPLUS_PRODUCTION, "FCPLUS_PRIVATE_JWKS": keys.generate_private_jwks("prod")}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_refuses_a_plain_http_issuer():
    env = {**FCPLUS_PRODUCTION, "FCPLUS_ISSUER": "http://auth.franceconnect.gouv.fr/api/v2"}
    result = run_manage("check", env=env)
    assert result.returncode != 0 and "FCPLUS_ISSUER" in result.stderr


def test_the_key_generation_command_prints_a_usable_private_jwks(settings):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("fcplus_generate_keys", "--prefix", "prod-2026-11", stdout=out)
    settings.FCPLUS_PRIVATE_JWKS = out.getvalue()
    assert {key.alg for key in keys.decryption_keys().values()} == {"RSA-OAEP-256", "ECDH-ES"}
    assert all(kid.startswith("prod-2026-11-") for kid in keys.decryption_keys())
