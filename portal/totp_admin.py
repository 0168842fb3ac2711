"""The agents' TOTP devices in /gestion/, in French: django-otp names its app "Otp_Totp", its model
"TOTP device" and its fields in plain English, outside any catalogue.

Relabelled when the apps are ready (portal/apps.py), never in django-otp's migrations: a field's
`verbose_name` is set, while its migrations read the `_verbose_name` it was declared with, so
makemigrations sees no change. Help texts are in the migrations: the admin's form carries ours.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin

APP_NAME = _("Double authentification des agents")
MODEL_NAMES = (_("appareil TOTP"), _("appareils TOTP"))

# field: (label, help)
FIELDS = {
    "user": (_("compte"), _("Le compte de l’agent à qui appartient cet appareil.")),
    "name": (_("nom"), _("Le nom de l’appareil, pour le reconnaître.")),
    "confirmed": (_("confirmé"), _("L’appareil est-il prêt à servir ?")),
    "throttling_failure_timestamp": (
        _("dernier échec"),
        _("Date et heure du dernier code refusé (vide si le dernier code était bon)."),
    ),
    "throttling_failure_count": (_("échecs successifs"), _("Nombre de codes refusés à la suite.")),
    "created_at": (_("créé le"), _("Date et heure de création de l’appareil.")),
    "last_used_at": (_("dernière utilisation"), _("Date et heure de la dernière utilisation de l’appareil.")),
    "key": (_("clé secrète"), _("Clé secrète en hexadécimal, 40 octets au plus.")),
    "step": (_("pas (secondes)"), _("La durée de validité d’un code, en secondes.")),
    "t0": (_("origine (t0)"), _("L’heure Unix à partir de laquelle les pas sont comptés.")),
    "digits": (_("chiffres"), _("Le nombre de chiffres d’un code.")),
    "tolerance": (_("tolérance"), _("Le nombre de pas acceptés avant ou après l’heure du serveur.")),
    "drift": (_("décalage"), _("Le décalage connu de l’horloge de l’appareil, en pas.")),
    "last_t": (
        _("dernier pas utilisé"),
        _("Le pas du dernier code accepté : le code suivant doit être d’un pas plus récent."),
    ),
}

FIELDSETS = {
    "Identity": _("Identité"),
    "Timestamps": _("Dates"),
    "Configuration": _("Configuration"),
    "State": _("État"),
    "Throttling": _("Limitation des essais"),
}


class FrenchTOTPDeviceAdmin(TOTPDeviceAdmin):
    search_help_text = _("Recherche par identifiant ou adresse électronique de l’agent")

    def get_fieldsets(self, request, obj=None):
        return [
            (FIELDSETS.get(title, title), options) for title, options in super().get_fieldsets(request, obj)
        ]

    def get_form(self, request, obj=None, **kwargs):
        # The form's help texts: its fields' and, through the form's Meta, the read-only ones' too.
        kwargs.setdefault("help_texts", {name: help_text for name, (_label, help_text) in FIELDS.items()})
        return super().get_form(request, obj, **kwargs)

    def qrcode_link(self, device):
        return super().qrcode_link(device)

    qrcode_link.short_description = _("QR code")


def totp_admin_in_french(site) -> None:
    """Names the TOTP app, model and fields in French, and registers the admin above in place of
    django-otp's on `site` (before admin_fields_guard walks the registry)."""
    config = apps.get_app_config("otp_totp")
    config.verbose_name = APP_NAME
    model = config.get_model("TOTPDevice")
    model._meta.verbose_name, model._meta.verbose_name_plural = MODEL_NAMES
    for field in model._meta.concrete_fields:
        if field.name in FIELDS:
            field.verbose_name = FIELDS[field.name][0]
    if site.is_registered(model):
        site.unregister(model)
    site.register(model, FrenchTOTPDeviceAdmin)
