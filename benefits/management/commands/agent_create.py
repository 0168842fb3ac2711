"""Creates (or resets) a CAF agent: password, office, role, and a new TOTP secret to scan once."""

import base64
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from benefits.desk.auth import agent_totp_install
from benefits.desk.models import DeskAgent
from benefits.desk.roles import ROLES, roles_ensure


class Command(BaseCommand):
    help = "Create or reset a desk agent with a role (accueil, superviseur) and a new TOTP second factor."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--office", required=True, help='e.g. "Lyon"')
        parser.add_argument("--role", choices=sorted(ROLES), default="accueil")
        parser.add_argument("--password", help="Asked for when omitted")

    def handle(self, *args, username, office, role, password, **options):
        if not password:
            from getpass import getpass

            password = getpass("Mot de passe : ")
        if len(password) < 12:
            raise CommandError("The password needs at least 12 characters.")
        groups = roles_ensure()
        user, _created = get_user_model().objects.update_or_create(
            username=username, defaults={"is_staff": True, "is_active": True}
        )
        user.set_password(password)
        user.save(update_fields=["password"])
        user.groups.set([groups[role]])
        DeskAgent.objects.update_or_create(user=user, defaults={"office": office})
        secret = base64.b32encode(secrets.token_bytes(20)).decode()
        device = agent_totp_install(user=user, secret=secret)
        self.stdout.write(f"TOTP secret (type or scan it once in the agent's app): {secret}")
        self.stdout.write(device.config_url)
