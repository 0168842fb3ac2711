"""Prints a new private JWK Set for FranceConnect+ (one RSA-OAEP-256 key, one ECDH-ES key).

Store the output as a secret (FCPLUS_PRIVATE_JWKS, or the file named by FCPLUS_PRIVATE_JWKS_FILE);
it is printed once and kept nowhere. See docs/franceconnect-plus.md for a rotation.
"""

import datetime

from django.core.management.base import BaseCommand

from portal.accounts.fcplus.keys import generate_private_jwks


class Command(BaseCommand):
    help = "Affiche un nouveau jeu de clés privées de déchiffrement FranceConnect+ (JWK Set)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--prefix",
            default=f"portail-{datetime.date.today():%Y-%m}",
            help="Start of each key's kid, e.g. portail-2026-11 (the kid tells keys apart during a rotation).",
        )

    def handle(self, *args, prefix, **options):
        self.stdout.write(generate_private_jwks(prefix))
