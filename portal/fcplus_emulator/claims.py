"""What the emulator says about a person: the ID token's and userinfo's claims, or their faulty variants."""

import secrets
import time

from django.urls import reverse

from portal.fcplus_emulator import store
from portal.fcplus_emulator.identities import IDENTITIES, emulator_sub

OTHER_ISSUER = "https://fcp-low.integ01.dev-franceconnect.fr/api/v2"
OTHER_AUDIENCE = "un-autre-service"
# Claims each scope releases (FC+ scopes: one per claim, plus the profile/birth/identite_pivot aliases).
SCOPE_CLAIMS = {
    "given_name": ["given_name"],
    "family_name": ["family_name"],
    "birthdate": ["birthdate"],
    "gender": ["gender"],
    "birthplace": ["birthplace"],
    "birthcountry": ["birthcountry"],
    "email": ["email"],
    "preferred_username": ["preferred_username"],
    "profile": ["given_name", "family_name", "birthdate", "gender", "preferred_username"],
    "birth": ["birthplace", "birthcountry"],
    "identite_pivot": ["given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry"],
}
# RFC 8176 values, as France Identité would report a card read with a PIN.
AMR = ["pop", "mfa"]


def issuer_url(request) -> str:
    return request.build_absolute_uri(reverse("fcplus_emulator:index")) + "api/v2"


def id_token_claims(request, record: dict, mutation: str, previous_nonce: str | None) -> dict:
    client_id = record["client_id"]
    now = int(time.time())
    claims = {
        "iss": issuer_url(request),
        "sub": emulator_sub(record["identity"], client_id),
        "aud": client_id,
        "iat": now,
        "exp": now + store.ACCESS_TOKEN_SECONDS,  # FC+ ID tokens live 60 s
        "nonce": record["nonce"],
        "acr": record["acr"],
        "auth_time": record["auth_time"],
        "sid": record["sid"],
    }
    if record["amr_requested"]:
        claims["amr"] = AMR
    changes = {
        "nonce_other": {"nonce": secrets.token_urlsafe(32)},
        "nonce_replayed": {"nonce": previous_nonce or secrets.token_urlsafe(32)},
        "iss_other": {"iss": OTHER_ISSUER},
        "aud_other": {"aud": OTHER_AUDIENCE},
        "aud_extra": {"aud": [client_id, OTHER_AUDIENCE]},
        "expired": {"iat": now - 600, "exp": now - 540},
        "iat_future": {"iat": now + 600, "exp": now + 660},
        "acr_eidas1": {"acr": "eidas1"},
        "acr_unknown": {"acr": "eidas9"},
        "acr_eidas2": {"acr": "eidas2"},
    }
    claims.update(changes.get(mutation, {}))
    removals = {"nonce_missing": "nonce", "acr_missing": "acr", "amr_missing": "amr"}
    claims.pop(removals.get(mutation, ""), None)
    return claims


def userinfo_claims(request, record: dict, mutation: str) -> dict:
    identity = IDENTITIES[record["identity"]]
    released = {claim for scope in record["scopes"] for claim in SCOPE_CLAIMS.get(scope, [])}
    now = int(time.time())
    claims = {
        "sub": emulator_sub(identity.key, record["client_id"]),
        **{claim: value for claim, value in identity.claims.items() if claim in released},
        "iss": issuer_url(request),
        "aud": record["client_id"],
        "iat": now,
        "exp": now + store.ACCESS_TOKEN_SECONDS,
    }
    changes = {
        "other_sub": {"sub": emulator_sub("someone-else", record["client_id"])},
        "iss_other": {"iss": OTHER_ISSUER},
        "aud_other": {"aud": OTHER_AUDIENCE},
        "malformed_pivot": {"birthdate": "1985-13-45"},
    }
    claims.update(changes.get(mutation, {}))
    return claims
