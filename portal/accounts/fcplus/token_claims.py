"""Checks on the claims of the ID token and of userinfo (OpenID Connect Core §3.1.3.7, FC+ rules)."""

import hmac
import re
from dataclasses import dataclass

from portal.accounts.fcplus.config import ACR_RANK, FCPlusConfig
from portal.accounts.fcplus.errors import LEVEL, FCPlusError

# FC+ gives a pairwise sub per service: 64 hexadecimal characters and "v1". We accept any short
# opaque token so that a format change at FC+ does not lock people out, but nothing else.
SUB_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,128}")
# RFC 8176 values plus FC's "fc" and "eidas": short lower-case words.
AMR_PATTERN = re.compile(r"[a-z0-9_-]{1,32}")


@dataclass(frozen=True)
class IdTokenFacts:
    sub: str
    acr: str
    amr: tuple[str, ...]


def check_id_token(
    claims: dict, *, config: FCPlusConfig, nonce: str, required_acr: str, started_at: int, now: int
) -> IdTokenFacts:
    check_common(claims, config=config, now=now, step="id_token", required_times=True)
    sub = claims.get("sub")
    if not isinstance(sub, str) or not SUB_PATTERN.fullmatch(sub):
        raise FCPlusError("id_token_sub_invalid")
    token_nonce = claims.get("nonce")
    if not isinstance(token_nonce, str) or not token_nonce:
        raise FCPlusError("id_token_nonce_missing")
    if not hmac.compare_digest(token_nonce.encode(), nonce.encode()):
        raise FCPlusError("id_token_nonce_mismatch")
    acr = claims.get("acr")
    if not isinstance(acr, str) or not acr:
        raise FCPlusError("id_token_acr_missing", kind=LEVEL)
    if acr not in ACR_RANK:
        raise FCPlusError("id_token_acr_unknown", kind=LEVEL)
    # eidas3 satisfies a request for eidas2; eidas1 never satisfies FC+.
    if ACR_RANK[acr] < ACR_RANK[required_acr]:
        raise FCPlusError("id_token_acr_insufficient", kind=LEVEL, detail=acr)
    amr = claims.get("amr")
    if (
        not isinstance(amr, list)
        or not amr
        or not all(isinstance(v, str) and AMR_PATTERN.fullmatch(v) for v in amr)
    ):
        raise FCPlusError("id_token_amr_missing")
    # prompt=login asks FC+ for a fresh authentication: one older than our request is a silent SSO.
    auth_time = claims.get("auth_time")
    if auth_time is not None and (not is_int(auth_time) or auth_time < started_at - config.leeway):
        raise FCPlusError("id_token_auth_time_stale")
    return IdTokenFacts(sub=sub, acr=acr, amr=tuple(amr))


def check_userinfo(claims: dict, *, config: FCPlusConfig, sub: str, now: int) -> None:
    check_common(claims, config=config, now=now, step="userinfo", required_times=False)
    userinfo_sub = claims.get("sub")
    if not isinstance(userinfo_sub, str) or not hmac.compare_digest(userinfo_sub.encode(), sub.encode()):
        raise FCPlusError("userinfo_sub_mismatch")


def check_common(claims: dict, *, config: FCPlusConfig, now: int, step: str, required_times: bool) -> None:
    if claims.get("iss") != config.issuer:
        raise FCPlusError(f"{step}_iss_mismatch")
    aud = claims.get("aud")
    audiences = aud if isinstance(aud, list) else [aud]
    if config.client_id not in audiences or not all(isinstance(value, str) for value in audiences):
        raise FCPlusError(f"{step}_aud_mismatch")
    azp = claims.get("azp")
    if (len(audiences) > 1 or azp is not None) and azp != config.client_id:
        raise FCPlusError(f"{step}_azp_mismatch")
    exp, iat = claims.get("exp"), claims.get("iat")
    if required_times and (exp is None or iat is None):
        raise FCPlusError(f"{step}_times_missing")
    if exp is not None and (not is_int(exp) or now > exp + config.leeway):
        raise FCPlusError(f"{step}_expired")
    if iat is not None and (not is_int(iat) or iat > now + config.leeway):
        raise FCPlusError(f"{step}_iat_in_future")
    if exp is not None and iat is not None and exp < iat:
        raise FCPlusError(f"{step}_expired")


def is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
