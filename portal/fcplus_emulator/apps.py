from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class FCPlusEmulatorConfig(AppConfig):
    """An offline FranceConnect+ for development and tests; it refuses to load in production."""

    name = "portal.fcplus_emulator"
    label = "fcplus_emulator"
    verbose_name = _("Émulateur FranceConnect+")

    def ready(self):
        if not settings.EMULATORS_ENABLED:
            raise ImproperlyConfigured(
                "portal.fcplus_emulator is for development and tests: it needs EMULATORS_ENABLED."
            )
