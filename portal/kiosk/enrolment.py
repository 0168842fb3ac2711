"""Kiosk enrolment: a PC in the public area of a CAF office is a kiosk because its IT installed a signed token.

The token is issued by `manage.py kiosk_enrol --office "…"` and installed once as a cookie (through
the install page, or by the office's browser policy). It is signed with SECRET_KEY and a salt of its
own, so a visitor can neither forge one nor turn a PC into a kiosk with a cookie of their own; the
old `portal_kiosk=1` cookie means nothing. A dedicated deployment sets KIOSK_MODE=true instead.
"""

import secrets

from django.conf import settings
from django.core import signing

KIOSK_COOKIE = "portal_kiosk"
SALT = "portal.kiosk.enrolment"
# The cookie outlives any visit: about 400 days, the most browsers keep a cookie.
COOKIE_MAX_AGE = 400 * 24 * 3600
MAX_OFFICE_LENGTH = 80


def kiosk_token_issue(*, office: str) -> str:
    office = " ".join(office.split())
    if not office or len(office) > MAX_OFFICE_LENGTH:
        raise ValueError(f"office must be 1 to {MAX_OFFICE_LENGTH} characters")
    return signing.dumps({"office": office, "kiosk": secrets.token_hex(4)}, salt=SALT)


def office_of_token(token: str) -> str | None:
    """The office a valid token names, or None for a missing, forged or tampered token."""
    if not token:
        return None
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    office = payload.get("office") if isinstance(payload, dict) else None
    return office if isinstance(office, str) and office else None


def kiosk_office(request) -> str | None:
    """The office of this kiosk PC, or None when the request does not come from a kiosk."""
    if settings.KIOSK_MODE:
        return settings.KIOSK_OFFICE or "—"
    return office_of_token(request.COOKIES.get(KIOSK_COOKIE, ""))


def install_cookie(response, token: str) -> None:
    response.set_cookie(
        KIOSK_COOKIE,
        token,
        max_age=COOKIE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
