"""Loads the demo data of every feature (idempotent: running it twice changes nothing)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Charge les données de démonstration (dossiers des identités de test, etc.)."

    def handle(self, *args, **options):
        for dotted_path in settings.DEMO_DATA_LOADERS:
            loader = import_string(dotted_path)
            summary = loader()
            self.stdout.write(f"{dotted_path}: {summary or 'ok'}")
