"""The emulator's short-lived records, in the cache, with FC+'s lifetimes (core-fcp-high config:
interaction 600 s, authorization code 30 s, access token 60 s). Codes are single-use."""

import secrets
import time

from django.core.cache import cache

INTERACTION_SECONDS = 600
CODE_SECONDS = 30
ACCESS_TOKEN_SECONDS = 60
PREFIX = "fcplus-emulator"


def _new(kind: str, record: dict, seconds: int) -> str:
    value = secrets.token_urlsafe(32)
    cache.set(f"{PREFIX}:{kind}:{value}", {**record, "issued_at": time.time()}, seconds)
    return value


def _get(kind: str, value, seconds: int) -> dict | None:
    if not isinstance(value, str) or not value:
        return None
    record = cache.get(f"{PREFIX}:{kind}:{value}")
    if record is None or time.time() - record["issued_at"] > seconds:
        return None
    return record


def save_interaction(record: dict) -> str:
    return _new("interaction", record, INTERACTION_SECONDS)


def interaction(uid) -> dict | None:
    return _get("interaction", uid, INTERACTION_SECONDS)


def end_interaction(uid: str) -> None:
    cache.delete(f"{PREFIX}:interaction:{uid}")


def issue_code(record: dict) -> str:
    return _new("code", record, CODE_SECONDS)


def redeem_code(code) -> dict | None:
    """The code's record, once: whoever deletes the key first wins, a replay finds nothing."""
    record = _get("code", code, CODE_SECONDS)
    if record is None or not cache.delete(f"{PREFIX}:code:{code}"):
        return None
    return record


def issue_access_token(record: dict) -> str:
    return _new("access-token", record, ACCESS_TOKEN_SECONDS)


def access_token(value) -> dict | None:
    return _get("access-token", value, ACCESS_TOKEN_SECONDS)


def remember_nonce(client_id: str, nonce: str) -> str | None:
    """Keeps this login's nonce and gives back the previous one (the "replayed nonce" fault)."""
    key = f"{PREFIX}:last-nonce:{client_id}"
    previous = cache.get(key)
    cache.set(key, nonce, INTERACTION_SECONDS)
    return previous
