"""Issues the signed token that makes one PC of a CAF office a kiosk (docs/channels.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.http import urlencode

from portal.kiosk.enrolment import KIOSK_COOKIE, kiosk_token_issue


class Command(BaseCommand):
    help = "Issue a kiosk enrolment token for a CAF office, to install once on the kiosk PC."

    def add_arguments(self, parser):
        parser.add_argument("--office", required=True, help='The office shown on the band, e.g. "Lyon 3e"')
        parser.add_argument(
            "--base-url", default="http://127.0.0.1:8000", help="The portal's address as the kiosk reaches it"
        )

    def handle(self, *args, office, base_url, **options):
        try:
            token = kiosk_token_issue(office=office)
        except ValueError as error:
            raise CommandError(str(error)) from error
        link = base_url.rstrip("/") + reverse("kiosk:install") + "?" + urlencode({"jeton": token})
        self.stdout.write(f"Cookie {KIOSK_COOKIE}={token}")
        self.stdout.write(f"Or open on the kiosk PC, once: {link}")
