"""The portal's encryption keys: FC+ encrypts ID tokens and userinfo to the public half.

The private keys are a JWK Set (JSON) given by FCPLUS_PRIVATE_JWKS or read from the file named by
FCPLUS_PRIVATE_JWKS_FILE; they never live in the repository. Each key has a `kid` and an `alg`
(RSA-OAEP-256 or ECDH-ES). During a rotation both keys are configured: both are published and a
token is decrypted with the key its JWE header names.

With the emulators on and no key configured, keys are generated at first use: into a gitignored
file (FCPLUS_DEV_KEYS=file, `make run`) or in memory (FCPLUS_DEV_KEYS=memory, the tests).
"""

import contextlib
import functools
import json
import os
import tempfile
import threading
import warnings
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from joserfc.errors import JoseError, SecurityWarning
from joserfc.jwk import ECKey, KeySet, RSAKey

from portal.accounts.fcplus.config import JWE_ALGORITHMS

DEV_KEYS_FILE = "fcplus-private-jwks.json"
MIN_RSA_BITS = 2048
EC_CURVES = ("P-256", "P-384", "P-521")
_memory_keys: list[str] = []
_generation_lock = threading.Lock()


def decryption_keys() -> dict[str, RSAKey | ECKey]:
    """The private keys by `kid`."""
    return parse_private_jwks(private_jwks_json())


def public_jwks() -> dict:
    """The JWK Set published for FC+: public halves only, each with `use: enc`, `alg` and `kid`."""
    return {"keys": [key.as_dict(private=False) for key in decryption_keys().values()]}


def private_jwks_json() -> str:
    if settings.FCPLUS_PRIVATE_JWKS:
        return settings.FCPLUS_PRIVATE_JWKS
    if settings.FCPLUS_PRIVATE_JWKS_FILE:
        try:
            return Path(settings.FCPLUS_PRIVATE_JWKS_FILE).read_text()
        except OSError as error:
            raise ImproperlyConfigured(f"FCPLUS_PRIVATE_JWKS_FILE cannot be read: {error.strerror}") from None
    if not settings.EMULATORS_ENABLED:
        raise ImproperlyConfigured(
            "FranceConnect+ is configured but has no decryption key: set FCPLUS_PRIVATE_JWKS or "
            "FCPLUS_PRIVATE_JWKS_FILE (docs/franceconnect-plus.md)."
        )
    if settings.FCPLUS_DEV_KEYS == "memory":
        return memory_dev_keys()
    return file_dev_keys(Path(settings.FCPLUS_DEV_KEYS_DIR))


@functools.lru_cache(maxsize=8)
def parse_private_jwks(raw: str) -> dict[str, RSAKey | ECKey]:
    try:
        document = json.loads(raw)
        entries = document["keys"]
    except (ValueError, KeyError, TypeError):
        raise ImproperlyConfigured("The FranceConnect+ private keys must be a JWK Set in JSON.") from None
    keys: dict[str, RSAKey | ECKey] = {}
    for entry in entries:
        key = parse_private_key(entry)
        if key.kid in keys:
            raise ImproperlyConfigured(f"Two FranceConnect+ keys share the kid {key.kid!r}.")
        keys[key.kid] = key
    if not keys:
        raise ImproperlyConfigured("The FranceConnect+ private JWK Set is empty.")
    return keys


def parse_private_key(entry) -> RSAKey | ECKey:
    if not isinstance(entry, dict):
        raise ImproperlyConfigured("Each FranceConnect+ key must be a JWK object.")
    kid, alg = entry.get("kid"), entry.get("alg")
    if not isinstance(kid, str) or not kid:
        raise ImproperlyConfigured("Each FranceConnect+ key needs a kid.")
    if alg not in JWE_ALGORITHMS:
        raise ImproperlyConfigured(
            f"FranceConnect+ key {kid!r}: alg must be one of {', '.join(JWE_ALGORITHMS)}."
        )
    if entry.get("use", "enc") != "enc":
        raise ImproperlyConfigured(f"FranceConnect+ key {kid!r}: use must be enc.")
    key_class = RSAKey if alg == "RSA-OAEP-256" else ECKey
    try:
        with warnings.catch_warnings():
            # joserfc only warns about a short RSA key; the size is refused below instead.
            warnings.simplefilter("ignore", SecurityWarning)
            key = key_class.import_key({**entry, "use": "enc"})
    except (JoseError, ValueError, TypeError):
        raise ImproperlyConfigured(f"FranceConnect+ key {kid!r} cannot be read as a {alg} key.") from None
    if not key.is_private:
        raise ImproperlyConfigured(f"FranceConnect+ key {kid!r} is not a private key.")
    if isinstance(key, RSAKey) and key.raw_value.key_size < MIN_RSA_BITS:
        raise ImproperlyConfigured(f"FranceConnect+ key {kid!r}: RSA keys need {MIN_RSA_BITS} bits or more.")
    if isinstance(key, ECKey) and key.curve_name not in EC_CURVES:
        raise ImproperlyConfigured(f"FranceConnect+ key {kid!r}: EC keys use P-256, P-384 or P-521.")
    return key


def generate_private_jwks(prefix: str = "dev") -> str:
    """A fresh private JWK Set with one key per algorithm (development, tests and documentation)."""
    rsa = RSAKey.generate_key(MIN_RSA_BITS, parameters={"use": "enc", "alg": "RSA-OAEP-256"})
    ec = ECKey.generate_key("P-256", parameters={"use": "enc", "alg": "ECDH-ES"})
    keys = []
    for name, key in (("rsa", rsa), ("ec", ec)):
        keys.append(key.as_dict(private=True, kid=f"{prefix}-{name}-{key.thumbprint()[:12]}"))
    return json.dumps(KeySet.import_key_set({"keys": keys}).as_dict(private=True))


def memory_dev_keys() -> str:
    with _generation_lock:
        if not _memory_keys:
            _memory_keys.append(generate_private_jwks())
        return _memory_keys[0]


def file_dev_keys(directory: Path) -> str:
    path = directory / DEV_KEYS_FILE
    with _generation_lock:
        if not path.exists():
            directory.mkdir(parents=True, exist_ok=True)
            # Written aside (owner-only) then linked into place: a concurrent start-up either wins
            # the link or reads the winner's complete file, never a half-written one.
            descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".fcplus-", suffix=".tmp")
            try:
                with os.fdopen(descriptor, "w") as handle:
                    handle.write(generate_private_jwks())
                with contextlib.suppress(FileExistsError):
                    os.link(temporary, path)
            finally:
                os.unlink(temporary)
        return path.read_text()
