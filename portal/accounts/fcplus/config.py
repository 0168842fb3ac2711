"""The pinned FranceConnect+ configuration, read from settings at each use (tests override them).

Every endpoint is derived from the pinned issuer: FC+ uses the same paths on every host
(docs.partenaires.franceconnect.gouv.fr, "Endpoints disponibles"). Discovery only confirms them.
"""

from dataclasses import dataclass

from django.conf import settings

PROVIDER_ID = "fcplus"
# eIDAS levels as FC+ names them; eidas1 (FC "low") is refused by FC+ and by the portal.
ACR_RANK = {"eidas1": 1, "eidas2": 2, "eidas3": 3}
JWS_ALGORITHM = "ES256"  # FC+ signs with ES256 only (core-fcp-high idTokenSigningAlgValues)
JWE_ALGORITHMS = ("RSA-OAEP-256", "ECDH-ES")
JWE_ENCRYPTION = "A256GCM"


@dataclass(frozen=True)
class FCPlusConfig:
    issuer: str
    client_id: str
    client_secret: str
    acr: str
    scopes: tuple[str, ...]
    timeout: float
    leeway: int

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    @property
    def authorization_endpoint(self) -> str:
        return f"{self.issuer}/authorize"

    @property
    def token_endpoint(self) -> str:
        return f"{self.issuer}/token"

    @property
    def userinfo_endpoint(self) -> str:
        return f"{self.issuer}/userinfo"

    @property
    def jwks_uri(self) -> str:
        return f"{self.issuer}/jwks"

    @property
    def end_session_endpoint(self) -> str:
        return f"{self.issuer}/session/end"

    @property
    def pinned_endpoints(self) -> dict[str, str]:
        return {
            "authorization_endpoint": self.authorization_endpoint,
            "token_endpoint": self.token_endpoint,
            "userinfo_endpoint": self.userinfo_endpoint,
            "jwks_uri": self.jwks_uri,
            "end_session_endpoint": self.end_session_endpoint,
        }


def fcplus_config() -> FCPlusConfig | None:
    """The configuration, or None when FranceConnect+ is not configured (no client id)."""
    if not settings.FCPLUS_CLIENT_ID:
        return None
    return FCPlusConfig(
        issuer=settings.FCPLUS_ISSUER.rstrip("/"),
        client_id=settings.FCPLUS_CLIENT_ID,
        client_secret=settings.FCPLUS_CLIENT_SECRET,
        acr=settings.FCPLUS_ACR_VALUES,
        scopes=tuple(settings.FCPLUS_SCOPES),
        timeout=settings.FCPLUS_HTTP_TIMEOUT,
        leeway=settings.FCPLUS_CLOCK_LEEWAY,
    )
