"""The two back-channel steps of the Authorization Code flow: code exchange, then userinfo.

FC+ authenticates the portal with client_secret_post (the secret in the form body), answers with an
access token valid 60 s and the ID token; userinfo must be called at once and answers
`application/jwt` (docs.partenaires.franceconnect.gouv.fr, "Comment FranceConnect+ utilise OIDC").
"""

import contextlib
from dataclasses import dataclass

from portal.accounts.fcplus import backchannel
from portal.accounts.fcplus.config import FCPlusConfig
from portal.accounts.fcplus.errors import REFUSED, UNAVAILABLE, FCPlusError

MAX_ACCESS_TOKEN_CHARS = 4096


@dataclass(frozen=True)
class TokenResponse:
    access_token: str
    id_token: str


def exchange_code(config: FCPlusConfig, *, code: str, redirect_uri: str) -> TokenResponse:
    reply = backchannel.call(
        "token",
        "POST",
        config.token_endpoint,
        timeout=config.timeout,
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "client_id": config.client_id,
            "client_secret": config.client_secret,
        },
        headers={"Accept": "application/json"},
    )
    if reply.status != 200:
        raise http_error("token", reply)
    body = backchannel.json_object("token", reply)
    access_token, id_token = body.get("access_token"), body.get("id_token")
    if not isinstance(access_token, str) or not 0 < len(access_token) <= MAX_ACCESS_TOKEN_CHARS:
        raise FCPlusError("token_response_invalid", detail="access_token")
    if not isinstance(body.get("token_type"), str) or body["token_type"].lower() != "bearer":
        raise FCPlusError("token_response_invalid", detail="token_type")
    if not isinstance(id_token, str) or not id_token:
        raise FCPlusError("token_response_invalid", detail="id_token")
    return TokenResponse(access_token=access_token, id_token=id_token)


def fetch_userinfo(config: FCPlusConfig, *, access_token: str) -> str:
    reply = backchannel.call(
        "userinfo",
        "GET",
        config.userinfo_endpoint,
        timeout=config.timeout,
        headers={"Authorization": f"Bearer {access_token}", "Accept": "application/jwt"},
    )
    if reply.status != 200:
        raise http_error("userinfo", reply)
    # FC+ signs and encrypts userinfo: a plain JSON answer is refused, whatever it says.
    if reply.content_type != "application/jwt":
        raise FCPlusError("userinfo_not_jwt")
    try:
        return reply.body.decode("ascii").strip()
    except UnicodeDecodeError:
        raise FCPlusError("userinfo_malformed") from None


def http_error(step: str, reply: backchannel.Reply) -> FCPlusError:
    """An HTTP error of FC+, named with its status and, if given, its OAuth error code."""
    error_code = ""
    with contextlib.suppress(FCPlusError):
        error_code = backchannel.json_object(step, reply).get("error", "")
    detail = f"{reply.status}:{error_code}" if isinstance(error_code, str) and error_code else reply.status
    kind = UNAVAILABLE if reply.status >= 500 else REFUSED
    return FCPlusError(f"{step}_http_error", kind=kind, detail=detail)
