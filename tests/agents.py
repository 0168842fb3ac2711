"""Desk agents for tests: a staff member with a role, an office, a TOTP device, and a way to sign in."""

import base64
import time

from django_otp.oath import TOTP

from benefits.desk.auth import agent_totp_install
from benefits.desk.models import DeskAgent
from benefits.desk.roles import ACCUEIL, roles_ensure
from tests.factories import UserFactory

AGENT_PASSWORD = "a-long-agent-password-2026"
AGENT_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


def current_code(secret: str = AGENT_SECRET, offset_steps: int = 0) -> str:
    totp = TOTP(base64.b32decode(secret))
    totp.time = time.time() + offset_steps * 30
    return f"{totp.token():06d}"


def agent_factory(*, office="Lyon", role=ACCUEIL, secret=AGENT_SECRET, **fields):
    user = UserFactory(is_staff=True, **fields)
    user.set_password(AGENT_PASSWORD)
    user.save()
    user.groups.set([roles_ensure()[role]])
    DeskAgent.objects.create(user=user, office=office)
    agent_totp_install(user=user, secret=secret)
    return user


def sign_in(client, agent, code=None):
    """Signs in through the agent login page, as a person at the counter's PC would."""
    return client.post(
        "/agent/connexion/",
        {"username": agent.username, "password": AGENT_PASSWORD, "code": code or current_code()},
    )
