"""manage.py db_roles [--create]: grants the least-privilege application role (portal/database_roles.py)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from portal.database_roles import apply_roles


class Command(BaseCommand):
    help = "Grants the portal's application role its privileges (PostgreSQL); --create makes the roles."

    def add_arguments(self, parser):
        parser.add_argument("--create", action="store_true", help="create the roles when missing")

    def handle(self, *args, create=False, **options):
        with transaction.atomic():
            self.stdout.write(apply_roles(create=create))
