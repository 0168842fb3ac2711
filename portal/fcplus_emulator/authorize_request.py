"""The checks FC+ makes on an authorization request before showing anything.

A malformed request gets FC's error page (code Y000400, HTTP 400) and no redirect, as FC+ does:
the service's redirect_uri cannot be trusted before it is known to be registered.
"""

import json
from dataclasses import dataclass

from django.conf import settings

from portal.fcplus_emulator.registration import is_registered, registration

ACR_LEVELS = ("eidas2", "eidas3")
MIN_RANDOM_CHARS = 32
ALLOWED_PROMPTS = {"login", "consent"}


class InvalidRequest(Exception):
    pass


@dataclass(frozen=True)
class AuthorizeRequest:
    client_id: str
    redirect_uri: str
    scopes: tuple[str, ...]
    acr: str  # the level asked for (the lowest of acr_values, as FC+ does)
    state: str
    nonce: str
    amr_requested: bool
    prompt: tuple[str, ...]

    def as_record(self) -> dict:
        return {**self.__dict__, "scopes": list(self.scopes), "prompt": list(self.prompt)}


def parse_authorize_request(params, request) -> AuthorizeRequest:
    if params.get("response_type") != "code":
        raise InvalidRequest("response_type doit valoir code (seul le flux Authorization Code existe).")
    if params.get("client_id") != registration().client_id:
        raise InvalidRequest("client_id inconnu.")
    redirect_uri = params.get("redirect_uri", "")
    if not is_registered(redirect_uri, request, "accounts:fcplus_callback"):
        raise InvalidRequest("redirect_uri n’est pas enregistrée pour ce service.")
    scopes = tuple(params.get("scope", "").replace("+", " ").split())
    if "openid" not in scopes or not set(scopes) <= settings.FCPLUS_KNOWN_SCOPES:
        raise InvalidRequest("scope doit contenir openid et seulement des scopes connus.")
    acr_values = params.get("acr_values", "eidas3").split()
    if "eidas1" in acr_values:
        raise InvalidRequest("acr_values eidas1 n’est pas disponible sur FranceConnect+.")
    levels = [value for value in acr_values if value in ACR_LEVELS] or ["eidas3"]
    for name in ("state", "nonce"):
        if len(params.get(name, "")) < MIN_RANDOM_CHARS:
            raise InvalidRequest(f"{name} doit compter au moins {MIN_RANDOM_CHARS} caractères.")
    prompt = tuple(params.get("prompt", "").split())
    if not set(prompt) <= ALLOWED_PROMPTS:
        raise InvalidRequest("prompt accepte login et consent.")
    return AuthorizeRequest(
        client_id=params["client_id"],
        redirect_uri=redirect_uri,
        scopes=scopes,
        acr=min(levels),
        state=params["state"],
        nonce=params["nonce"],
        amr_requested=amr_requested(params.get("claims")),
        prompt=prompt,
    )


def amr_requested(raw) -> bool:
    if not raw:
        return False
    try:
        claims = json.loads(raw)
        return "amr" in claims.get("id_token", {})
    except (ValueError, AttributeError, TypeError):
        raise InvalidRequest("claims doit être un objet JSON (OpenID Connect Core §5.5).") from None
