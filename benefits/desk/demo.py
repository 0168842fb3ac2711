"""The demo agent for `make run` (demo only: the password and TOTP secret are public, in the README)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from benefits.desk.auth import agent_totp_install
from benefits.desk.models import DeskAgent
from benefits.desk.roles import ACCUEIL, SUPERVISEUR, roles_ensure

DEMO_USERNAME = "agent.demo"
DEMO_PASSWORD = "demo-agent-caf-2026"
# Base32, as authenticator apps take it; `manage.py agent_demo_code` prints the current code.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP"
DEMO_OFFICE = "Lyon"


def load_demo_agent() -> str:
    groups = roles_ensure()
    agent, _created = get_user_model().objects.update_or_create(
        username=DEMO_USERNAME,
        defaults={"first_name": "Alex", "last_name": "Agent", "is_staff": True, "is_active": True},
    )
    agent.set_password(DEMO_PASSWORD)
    agent.save(update_fields=["password"])
    # Demo only: a supervisor too, so that the newcomer who filed a claim moves it on in /gestion/
    # (« Passer au statut « Acceptée » ») with the same account and reads the decision letter.
    agent.groups.set([groups[ACCUEIL], groups[SUPERVISEUR]])
    # Demo only: the same agent also operates the campaigns (/operateur/campagnes/), so a newcomer tries
    # them with one account; in production this permission is given to the campaign operators alone.
    agent.user_permissions.set(Permission.objects.filter(codename="operate_campaign"))
    DeskAgent.objects.update_or_create(user=agent, defaults={"office": DEMO_OFFICE})
    agent_totp_install(user=agent, secret=DEMO_TOTP_SECRET)
    return f"agent de démonstration {DEMO_USERNAME} (CAF de {DEMO_OFFICE})"
