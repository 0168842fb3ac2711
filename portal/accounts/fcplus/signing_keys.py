"""FranceConnect+'s signing keys (its JWKS), cached; an unknown `kid` triggers exactly one refetch.

Only P-256 keys meant for ES256 signatures are kept: FC's JWKS may also list RSA keys (FC "low"
signs RS256), and a key of another type must never verify an FC+ token.
"""

from django.core.cache import cache
from joserfc.errors import JoseError
from joserfc.jwk import ECKey

from portal.accounts.fcplus import backchannel
from portal.accounts.fcplus.config import JWS_ALGORITHM, FCPlusConfig
from portal.accounts.fcplus.errors import UNAVAILABLE, FCPlusError

CACHED_FOR_SECONDS = 3600


def signing_key(config: FCPlusConfig, kid: str, *, step: str) -> ECKey:
    cache_key = f"fcplus:jwks:{config.jwks_uri}"
    keys = cache.get(cache_key)
    if keys is None or kid not in keys:
        # FC+ rotates its keys: a kid we have not seen yet may be new, so fetch the set once more.
        keys = fetch_signing_keys(config)
        cache.set(cache_key, keys, CACHED_FOR_SECONDS)
    if kid not in keys:
        raise FCPlusError(f"{step}_jws_kid_unknown")
    return ECKey.import_key(keys[kid])


def fetch_signing_keys(config: FCPlusConfig) -> dict[str, dict]:
    reply = backchannel.call("jwks", "GET", config.jwks_uri, timeout=config.timeout)
    if reply.status != 200:
        raise FCPlusError("jwks_http_error", kind=UNAVAILABLE, detail=reply.status)
    if reply.content_type == "application/jwk-set+json":
        reply = backchannel.Reply(reply.status, "application/json", reply.body)
    document = backchannel.json_object("jwks", reply)
    entries = document.get("keys")
    if not isinstance(entries, list):
        raise FCPlusError("jwks_malformed")
    keys = {}
    for entry in entries:
        if not is_es256_verification_key(entry):
            continue
        try:
            ECKey.import_key(entry)
        except (JoseError, ValueError, TypeError):
            continue
        keys[entry["kid"]] = {
            name: entry[name] for name in ("kty", "crv", "x", "y", "kid", "use", "alg") if name in entry
        }
    return keys


def is_es256_verification_key(entry) -> bool:
    return (
        isinstance(entry, dict)
        and entry.get("kty") == "EC"
        and entry.get("crv") == "P-256"
        and isinstance(entry.get("kid"), str)
        and entry.get("use", "sig") == "sig"
        and entry.get("alg", JWS_ALGORITHM) == JWS_ALGORITHM
        and "d" not in entry
    )
