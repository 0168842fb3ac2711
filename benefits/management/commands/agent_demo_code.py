"""Prints the current TOTP code of the demo agent (development only: its secret is public)."""

import base64
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP

from benefits.desk.demo import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the demo agent's current TOTP code (only with the emulators on, i.e. in development)."

    def handle(self, *args, **options):
        if not settings.EMULATORS_ENABLED:
            raise CommandError("Development only (EMULATORS_ENABLED is off).")
        totp = TOTP(base64.b32decode(DEMO_TOTP_SECRET))
        totp.time = time.time()
        self.stdout.write(f"{totp.token():06d}")
