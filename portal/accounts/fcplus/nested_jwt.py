"""Opening FC+'s nested tokens: a JWE addressed to the portal that wraps a JWS signed by FC+.

Every header is checked against explicit allow-lists before joserfc touches the token, and joserfc
itself is given the same lists (it would otherwise accept its "recommended" defaults):
- JWE: alg RSA-OAEP-256 or ECDH-ES, enc A256GCM, no `zip` (compression bombs), a `kid` we hold;
- JWS: alg ES256 only (no `none`, no HS256 keyed with the client secret, no RS256), a `kid` in FC+'s JWKS.
Headers that could point at other keys (`jku`, `jwk`, `x5u`, `x5c`, `crit`) are refused outright.
"""

import base64
import binascii
import json
from dataclasses import dataclass

from joserfc import jwe, jws
from joserfc.errors import BadSignatureError, JoseError

from portal.accounts.fcplus import keys, signing_keys
from portal.accounts.fcplus.config import JWE_ALGORITHMS, JWE_ENCRYPTION, JWS_ALGORITHM, FCPlusConfig
from portal.accounts.fcplus.errors import FCPlusError

# FC+ tokens are 1 to 3 KB; joserfc's own ceilings (64 KB of ciphertext) are far above that.
MAX_TOKEN_CHARS = 16 * 1024
JWE_HEADER_NAMES = frozenset({"alg", "enc", "kid", "epk", "cty", "typ"})
JWS_HEADER_NAMES = frozenset({"alg", "kid", "typ"})
JOSE_FAILURES = (JoseError, ValueError, TypeError, KeyError)


@dataclass(frozen=True)
class OpenedToken:
    claims: dict
    signed: str  # the inner JWS: FC+ can read it back, e.g. as the id_token_hint of the logout


def open_nested_token(token, *, config: FCPlusConfig, step: str) -> OpenedToken:
    """Decrypts then verifies; `step` ("id_token" or "userinfo") prefixes the failure codes."""
    if not isinstance(token, str) or not token.isascii():
        raise FCPlusError(f"{step}_malformed")
    if len(token) > MAX_TOKEN_CHARS:
        raise FCPlusError(f"{step}_too_large")
    parts = token.split(".")
    if len(parts) == 3:
        raise FCPlusError(f"{step}_not_encrypted")
    if len(parts) != 5:
        raise FCPlusError(f"{step}_malformed")
    signed = decrypt(token, read_header(parts[0], step), step)
    claims = verify(signed, config, step)
    return OpenedToken(claims=claims, signed=signed)


def decrypt(token: str, header: dict, step: str) -> str:
    if "zip" in header:
        raise FCPlusError(f"{step}_jwe_zip_refused")
    if not set(header) <= JWE_HEADER_NAMES:
        raise FCPlusError(f"{step}_jwe_header_refused")
    alg = header.get("alg")
    if alg not in JWE_ALGORITHMS:
        raise FCPlusError(f"{step}_jwe_alg_refused")
    if header.get("enc") != JWE_ENCRYPTION:
        raise FCPlusError(f"{step}_jwe_enc_refused")
    key = keys.decryption_keys().get(header.get("kid")) if isinstance(header.get("kid"), str) else None
    if key is None:
        raise FCPlusError(f"{step}_jwe_kid_unknown")
    if key.alg != alg:
        raise FCPlusError(f"{step}_jwe_key_mismatch")
    if alg == "ECDH-ES":
        epk = header.get("epk")
        if not isinstance(epk, dict) or epk.get("kty") != "EC" or epk.get("crv") != key.curve_name:
            raise FCPlusError(f"{step}_jwe_header_refused")
    registry = jwe.JWERegistry(algorithms=[alg, JWE_ENCRYPTION])
    try:
        plaintext = jwe.decrypt_compact(token, key, registry=registry).plaintext
    except JOSE_FAILURES:
        raise FCPlusError(f"{step}_decryption_failed") from None
    if not plaintext or not plaintext.isascii():
        raise FCPlusError(f"{step}_malformed")
    return plaintext.decode("ascii")


def verify(signed: str, config: FCPlusConfig, step: str) -> dict:
    parts = signed.split(".")
    if len(parts) != 3:
        raise FCPlusError(f"{step}_jws_malformed")
    header = read_header(parts[0], step)
    if not set(header) <= JWS_HEADER_NAMES:
        raise FCPlusError(f"{step}_jws_header_refused")
    if header.get("alg") != JWS_ALGORITHM:
        raise FCPlusError(f"{step}_jws_alg_refused")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise FCPlusError(f"{step}_jws_kid_unknown")
    key = signing_keys.signing_key(config, kid, step=step)
    registry = jws.JWSRegistry(algorithms=[JWS_ALGORITHM])
    try:
        payload = jws.deserialize_compact(signed, key, registry=registry).payload
    except BadSignatureError:
        raise FCPlusError(f"{step}_signature_invalid") from None
    except JOSE_FAILURES:
        raise FCPlusError(f"{step}_jws_malformed") from None
    try:
        claims = json.loads(payload)
    except ValueError:
        raise FCPlusError(f"{step}_malformed") from None
    if not isinstance(claims, dict):
        raise FCPlusError(f"{step}_malformed")
    return claims


def read_header(segment: str, step: str) -> dict:
    try:
        header = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    except (ValueError, binascii.Error):
        raise FCPlusError(f"{step}_malformed") from None
    if not isinstance(header, dict):
        raise FCPlusError(f"{step}_malformed")
    return header
