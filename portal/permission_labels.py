"""A group's permissions in /gestion/, named in the language of the page.

Django stores each permission's name once, in English, when the model is migrated ("Can add courrier",
"Can create, run and stop campaigns"), and a group's form lists those rows. The form here names the
four built-in actions itself and a model's own permissions by the name its Meta gives today.
"""

from django.contrib.auth.admin import GroupAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

ACTIONS = {"add": _("ajouter"), "change": _("modifier"), "delete": _("supprimer"), "view": _("consulter")}


def permission_label(permission) -> str:
    """ "Prestations | courrier | modifier": the app and the model as the admin names them."""
    model = permission.content_type.model_class()
    if model is None:  # a model removed since: its row says what it was
        return str(permission)
    opts = model._meta
    action, _sep, model_name = permission.codename.partition("_")
    if model_name == opts.model_name and action in ACTIONS:
        name = ACTIONS[action]
    else:
        # A model's own permissions are named in its Meta, marked with gettext_noop for the catalogue.
        declared = dict(opts.permissions).get(permission.codename)
        name = gettext(declared) if declared else permission.name
    return " | ".join(str(part) for part in (opts.app_config.verbose_name, opts.verbose_name, name))


class FrenchGroupAdmin(GroupAdmin):
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request=request, **kwargs)
        if db_field.name == "permissions":
            formfield.label_from_instance = permission_label
        return formfield


def group_admin_in_french(site) -> None:
    """Registers the admin above in place of Django's (before admin_fields_guard walks the registry)."""
    if site.is_registered(Group):
        site.unregister(Group)
    site.register(Group, FrenchGroupAdmin)
