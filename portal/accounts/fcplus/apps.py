from django.apps import AppConfig
from django.conf import settings


class FCPlusAppConfig(AppConfig):
    """The FranceConnect+ provider for allauth (allauth finds `provider.py` in each installed app)."""

    name = "portal.accounts.fcplus"
    label = "fcplus"
    verbose_name = "FranceConnect+"

    def ready(self):
        # In production a configured FC+ client without readable decryption keys stops the start-up
        # (ImproperlyConfigured) instead of failing at the first login.
        if settings.FCPLUS_CLIENT_ID and not settings.EMULATORS_ENABLED:
            from portal.accounts.fcplus.keys import decryption_keys

            decryption_keys()
