"""Agents' own sign-in: a username, a password and a TOTP code, never FranceConnect+.

The code is checked by django-otp's TOTP device (RFC 6238, with its own throttling after failures and
refusal of a code already used); the portal writes no OTP code of its own. `django_otp.login` marks
the session as verified, which `request.user.is_verified()` then tells on every request.
"""

import base64

import django_otp
from django.contrib.auth import authenticate, login
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.channels import AGENT
from portal.journal import journal_record


class AgentLoginRefused(Exception):
    """One reason for every refusal (password, code, no second factor): nothing tells which was wrong."""


def agent_totp_install(*, user, secret: str) -> TOTPDevice:
    """Gives an agent their TOTP secret (base32, as apps show it), replacing any earlier device."""
    TOTPDevice.objects.filter(user=user).delete()
    key = base64.b32decode(secret.replace(" ", "").upper()).hex()
    return TOTPDevice.objects.create(
        user=user, name="Application d’authentification", key=key, confirmed=True
    )


def agent_login(*, request, username: str, password: str, code: str):
    user = authenticate(request, username=username, password=password)
    if user is None or not user.is_staff or not user.is_active:
        raise AgentLoginRefused
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None or not device.verify_token(code.replace(" ", "")):
        journal_record(action="agent_login_refused", target=f"user:{user.pk}", by=None, channel=AGENT)
        raise AgentLoginRefused
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    django_otp.login(request, device)
    journal_record(action="agent_login", target=f"user:{user.pk}", by=user, channel=AGENT)
    return user
