"""Why a FranceConnect+ login or logout was refused, for the log line and the error page.

A failure is a short code (e.g. "id_token_nonce_mismatch") and a kind that picks the French message.
Neither ever contains personal data: no claim value is put into an error.
"""

import logging
import re

logger = logging.getLogger("portal.accounts.fcplus")

# Kinds of failure, each with its own message on the error page.
CANCELLED = "cancelled"  # the person cancelled at FC+ (access_denied)
EXPIRED = "expired"  # the login request is unknown, used or too old (state)
UNAVAILABLE = "unavailable"  # FC+ did not answer properly (time-out, 5xx, discovery)
LEVEL = "level"  # the identity's level of assurance is below what the portal requires
INACTIVE = "inactive"  # the portal account is deactivated
NOT_CONFIGURED = "not_configured"
REFUSED = "refused"  # anything that failed a security check

SAFE_DETAIL = re.compile(r"[^A-Za-z0-9_.:-]")


class FCPlusError(Exception):
    def __init__(self, code: str, *, kind: str = REFUSED, detail: str = ""):
        super().__init__(code)
        self.code = code
        self.kind = kind
        # Details come from FC+ (an HTTP status, an OIDC error code): keep them short and inert.
        self.detail = SAFE_DETAIL.sub("", str(detail))[:40]

    def log(self, step: str) -> None:
        if self.detail:
            logger.warning("FranceConnect+ %s refused: %s (%s)", step, self.code, self.detail)
        else:
            logger.warning("FranceConnect+ %s refused: %s", step, self.code)
