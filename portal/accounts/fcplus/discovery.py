"""Discovery confirms the pinned configuration; it never supplies it.

A discovery document whose issuer or endpoints differ from the pins stops every login: the portal
would otherwise talk to endpoints it was not configured for. A confirmation is remembered for an hour.
"""

from django.core.cache import cache

from portal.accounts.fcplus import backchannel
from portal.accounts.fcplus.config import JWE_ENCRYPTION, JWS_ALGORITHM, FCPlusConfig
from portal.accounts.fcplus.errors import UNAVAILABLE, FCPlusError

CONFIRMED_FOR_SECONDS = 3600


def confirm_pins(config: FCPlusConfig) -> None:
    cache_key = f"fcplus:discovery-confirmed:{config.issuer}"
    if cache.get(cache_key):
        return
    reply = backchannel.call("discovery", "GET", config.discovery_url, timeout=config.timeout)
    if reply.status != 200:
        raise FCPlusError("discovery_http_error", kind=UNAVAILABLE, detail=reply.status)
    document = backchannel.json_object("discovery", reply)
    if document.get("issuer") != config.issuer:
        raise FCPlusError("discovery_issuer_mismatch")
    for name, pinned in config.pinned_endpoints.items():
        if name in document and document[name] != pinned:
            raise FCPlusError("discovery_endpoint_mismatch", detail=name)
    # When FC+ lists its algorithms, ours must be among them.
    for name, required in (
        ("id_token_signing_alg_values_supported", JWS_ALGORITHM),
        ("id_token_encryption_enc_values_supported", JWE_ENCRYPTION),
    ):
        values = document.get(name, [required])
        if not isinstance(values, list) or required not in values:
            raise FCPlusError("discovery_algorithm_mismatch", detail=name)
    cache.set(cache_key, True, CONFIRMED_FOR_SECONDS)
