"""The service registered at the emulator: the portal itself, as FC+'s partner space would record it.

Client id and secret are the portal's (FCPLUS_CLIENT_ID / FCPLUS_CLIENT_SECRET); its redirect and
logout URIs are the portal's callback paths on a host the portal answers to (the emulator runs on
the portal's own host, over loopback); its JWKS is fetched over HTTP like FC+ does.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.urls import reverse
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, RSAKey

HTTP_TIMEOUT = 3


@dataclass(frozen=True)
class Registration:
    client_id: str
    client_secret: str
    enc_alg: str  # id_token_encrypted_response_alg (and userinfo's)


def registration() -> Registration:
    return Registration(
        client_id=settings.FCPLUS_CLIENT_ID,
        client_secret=settings.FCPLUS_CLIENT_SECRET,
        enc_alg=settings.FCPLUS_EMULATOR_ENC_ALG,
    )


def is_registered(uri: str, request, url_name: str) -> bool:
    """The portal's page `url_name` on the emulator's host or on one of the portal's hosts."""
    parts = urlsplit(uri)
    hosts = {request.get_host().rsplit(":", 1)[0]} | {
        h for h in settings.ALLOWED_HOSTS if "*" not in h and not h.startswith(".")
    }
    return (
        parts.scheme in ("http", "https")
        and parts.hostname in hosts
        and parts.path == reverse(url_name)
        and not parts.query
        and not parts.fragment
    )


def requests_session() -> requests.Session:
    """How the emulator reaches the portal; the tests route it into Django's test client."""
    return requests.Session()


def encryption_key(request, alg: str) -> RSAKey | ECKey | None:
    """The first key of the portal's JWKS for `alg`: FC+ encrypts to the service's published key."""
    jwks_uri = request.build_absolute_uri(reverse("accounts:fcplus_jwks"))
    try:
        with requests_session() as session:
            response = session.get(jwks_uri, timeout=HTTP_TIMEOUT, allow_redirects=False)
            entries = response.json()["keys"] if response.status_code == 200 else []
    except (requests.RequestException, ValueError, KeyError, TypeError):
        return None
    for entry in entries:
        if isinstance(entry, dict) and entry.get("alg") == alg and entry.get("use", "enc") == "enc":
            try:
                return (RSAKey if alg.startswith("RSA") else ECKey).import_key(entry)
            except (JoseError, ValueError, TypeError):
                return None
    return None
