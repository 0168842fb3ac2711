"""What the callback checks, in order, before anybody is logged in.

1. the state: present, issued by this session for this provider, unused and recent (allauth's store);
2. an `error` from FC+ (the person cancelled, FC+ failed), then `iss` (RFC 9207) when FC+ sends it;
3. the code exchange, the ID token (nested JWT, iss, aud/azp, exp/iat, nonce, acr, amr);
4. userinfo (the same pipeline, the same `sub`) and the pivot identity.
Any failure raises FCPlusError before an account is created, linked or logged in.
"""

import re
import time
from dataclasses import dataclass

from allauth.socialaccount.internal import statekit

from portal.accounts.fcplus import nested_jwt, oidc, token_claims
from portal.accounts.fcplus.config import FCPlusConfig
from portal.accounts.fcplus.errors import CANCELLED, EXPIRED, REFUSED, UNAVAILABLE, FCPlusError
from portal.accounts.fcplus.pivot import PivotIdentity, pivot_identity
from portal.accounts.fcplus.provider import callback_url

OAUTH_ERROR_CODE = re.compile(r"[a-z_]{1,40}")
# OpenID Connect Core §3.1.2.6: what FC+ may put in `error`, and how the page explains it.
ERROR_KINDS = {
    "access_denied": CANCELLED,
    "server_error": UNAVAILABLE,
    "temporarily_unavailable": UNAVAILABLE,
}


@dataclass(frozen=True)
class VerifiedLogin:
    sub: str
    acr: str
    amr: tuple[str, ...]
    identity: PivotIdentity
    id_token_hint: str  # the inner, signed ID token: FC+ reads it back at logout


def pop_state(request, provider) -> dict:
    """The stashed login state; it is removed at once, so a replayed callback finds nothing."""
    state_id = request.GET.get("state", "")
    if not state_id:
        raise FCPlusError("state_missing", kind=EXPIRED)
    state = statekit.unstash_state(request, state_id=state_id, provider_id=provider.sub_id)
    if state is None or "nonce" not in state:
        raise FCPlusError("state_invalid", kind=EXPIRED)
    return state


def verified_login(request, *, config: FCPlusConfig, state: dict) -> VerifiedLogin:
    error = request.GET.get("error")
    if error is not None:
        code = error if OAUTH_ERROR_CODE.fullmatch(error) else "unexpected"
        raise FCPlusError("provider_error", kind=ERROR_KINDS.get(code, REFUSED), detail=code)
    if "iss" in request.GET and request.GET["iss"] != config.issuer:
        raise FCPlusError("callback_iss_mismatch")
    code = request.GET.get("code", "")
    if not code:
        raise FCPlusError("code_missing")

    tokens = oidc.exchange_code(config, code=code, redirect_uri=callback_url(request))
    now = int(time.time())
    id_token = nested_jwt.open_nested_token(tokens.id_token, config=config, step="id_token")
    facts = token_claims.check_id_token(
        id_token.claims,
        config=config,
        nonce=state["nonce"],
        required_acr=state["acr"],
        started_at=state["started_at"],
        now=now,
    )
    userinfo = nested_jwt.open_nested_token(
        oidc.fetch_userinfo(config, access_token=tokens.access_token), config=config, step="userinfo"
    )
    token_claims.check_userinfo(userinfo.claims, config=config, sub=facts.sub, now=int(time.time()))
    identity = pivot_identity(userinfo.claims, scopes=tuple(state["scopes"]))
    return VerifiedLogin(
        sub=facts.sub, acr=facts.acr, amr=facts.amr, identity=identity, id_token_hint=id_token.signed
    )
