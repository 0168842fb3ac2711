"""Nested tokens as FC+ makes them (ES256 JWS inside a JWE for the service), or broken on purpose.

`seal(claims, mutation=...)` signs then encrypts; a mutation (see faults.py) changes one thing:
the claims, the signature, the encryption or the bytes of the result.
"""

import base64
import json
import secrets
import warnings

from joserfc import jwe, jws
from joserfc.errors import SecurityWarning
from joserfc.jwk import ECKey, OctKey, RSAKey

from portal.fcplus_emulator import keys

PADDING_CHARS = 20_000  # makes a token larger than any service should accept (about 27 KB)
JWE_SEGMENTS = {"tampered_header": 0, "tampered_iv": 2, "tampered_ciphertext": 3, "tampered_tag": 4}


def seal(claims: dict, *, mutation: str, client_secret: str, enc_key, enc_alg: str) -> str:
    if mutation == "oversized":
        claims = {**claims, "padding": "x" * PADDING_CHARS}
    signed = sign(claims, mutation=mutation, client_secret=client_secret)
    if mutation == "bare_jws":
        return signed
    token = encrypt(signed, mutation=mutation, enc_key=enc_key, enc_alg=enc_alg)
    if mutation in JWE_SEGMENTS:
        return tamper(token, JWE_SEGMENTS[mutation])
    if mutation == "truncated":
        return token[: len(token) // 2]
    return token


def sign(claims: dict, *, mutation: str, client_secret: str) -> str:
    payload = json.dumps(claims, ensure_ascii=False).encode()
    if mutation == "alg_none":
        return f"{b64(json.dumps({'alg': 'none', 'typ': 'JWT'}).encode())}.{b64(payload)}."
    if mutation == "alg_hs256":
        # The classic confusion attack: an HMAC keyed with the client secret, under FC's kid.
        key = OctKey.import_key(client_secret.encode())
        header = {"alg": "HS256", "typ": "JWT", "kid": keys.current_signing_key().kid}
        return jws.serialize_compact(header, payload, key, algorithms=["HS256"])
    if mutation == "alg_rs256":
        key = keys.rsa_signing_key()  # published in the emulator's JWKS, as FC's RSA key is
        return jws.serialize_compact(
            {"alg": "RS256", "typ": "JWT", "kid": key.kid}, payload, key, algorithms=["RS256"]
        )
    key = keys.current_signing_key()
    if mutation == "kid_unknown":
        key = keys.foreign_ec_key(f"unknown-{secrets.token_hex(4)}")
    elif mutation == "foreign_key":
        key = keys.foreign_ec_key(key.kid)
    return jws.serialize_compact(
        {"alg": "ES256", "typ": "JWT", "kid": key.kid}, payload, key, algorithms=["ES256"]
    )


def encrypt(signed: str, *, mutation: str, enc_key, enc_alg: str) -> str:
    alg, enc, key, kid = enc_alg, "A256GCM", enc_key, enc_key.kid
    header_extra = {}
    if mutation == "jwe_wrong_key":
        key = RSAKey.generate_key(2048) if enc_alg.startswith("RSA") else ECKey.generate_key("P-256")
    elif mutation == "jwe_kid_unknown":
        kid = f"unknown-{secrets.token_hex(4)}"
    elif mutation == "jwe_rsa1_5":
        alg, key = "RSA1_5", RSAKey.generate_key(2048)
    elif mutation == "jwe_dir":
        alg, key = "dir", OctKey.generate_key(256)
    elif mutation == "jwe_a128kw":
        alg, key = "A128KW", OctKey.generate_key(128)
    elif mutation == "jwe_a128gcm":
        enc = "A128GCM"
    elif mutation == "jwe_a256cbc":
        enc = "A256CBC-HS512"
    elif mutation == "jwe_zip":
        header_extra = {"zip": "DEF"}
    header = {"alg": alg, "enc": enc, "kid": kid, "cty": "JWT", **header_extra}
    allowed = [alg, enc, *header_extra.values()]
    with warnings.catch_warnings():
        # joserfc rightly warns that RSA1_5 is deprecated: producing it is the point of the fault.
        warnings.simplefilter("ignore", SecurityWarning)
        return jwe.encrypt_compact(header, signed, key, registry=jwe.JWERegistry(algorithms=allowed))


def tamper(token: str, index: int) -> str:
    segments = token.split(".")
    if index == 0:
        # Changing a header value breaks the authentication tag (the header is the JWE's AAD).
        header = json.loads(unb64(segments[0]))
        header["cty"] = "JWS"
        segments[0] = b64(json.dumps(header).encode())
    else:
        raw = bytearray(unb64(segments[index]))
        raw[0] ^= 0x01
        segments[index] = b64(bytes(raw))
    return ".".join(segments)


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
