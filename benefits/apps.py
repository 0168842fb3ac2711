from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenefitsConfig(AppConfig):
    """Every benefit feature's models (claims, letters, campaigns, desk…), one app: /gestion/ names it."""

    name = "benefits"
    verbose_name = _("Prestations")
