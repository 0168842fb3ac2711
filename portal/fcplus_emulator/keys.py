"""The emulator's signing keys, made at first use and kept in the process.

Like FC+, it signs with ES256 and publishes its keys at /jwks; `rotate_signing_key()` makes a new
current key and keeps the previous one published, as a real rotation does. The JWKS also lists an
RSA key, as FC's does (FC "low" signs RS256): a service must still refuse an RS256 FC+ token.
"""

import threading

from joserfc.jwk import ECKey, RSAKey

_lock = threading.Lock()
_ec_keys: list[ECKey] = []  # the current key first, then the previous one
_rsa_keys: list[RSAKey] = []


def _new_ec_key() -> ECKey:
    key = ECKey.generate_key("P-256", parameters={"use": "sig", "alg": "ES256"})
    return ECKey.import_key(key.as_dict(private=True, kid=f"fcplus-emulator-{key.thumbprint()[:10]}"))


def current_signing_key() -> ECKey:
    with _lock:
        if not _ec_keys:
            _ec_keys.append(_new_ec_key())
        return _ec_keys[0]


def rsa_signing_key() -> RSAKey:
    with _lock:
        if not _rsa_keys:
            key = RSAKey.generate_key(2048, parameters={"use": "sig", "alg": "RS256"})
            _rsa_keys.append(
                RSAKey.import_key(
                    key.as_dict(private=True, kid=f"fcplus-emulator-rs-{key.thumbprint()[:10]}")
                )
            )
        return _rsa_keys[0]


def rotate_signing_key() -> ECKey:
    current_signing_key()
    with _lock:
        _ec_keys[:] = [_new_ec_key(), _ec_keys[0]]
        return _ec_keys[0]


def published_keys() -> list:
    current_signing_key()
    return [*_ec_keys, rsa_signing_key()]


def published_jwks() -> dict:
    return {"keys": [key.as_dict(private=False) for key in published_keys()]}


def foreign_ec_key(kid: str) -> ECKey:
    """A key FC+ never published (fault switches), under the kid the fault needs."""
    key = ECKey.generate_key("P-256", parameters={"use": "sig", "alg": "ES256"})
    return ECKey.import_key(key.as_dict(private=True, kid=kid))
