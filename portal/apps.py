from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    # Its only model in /gestion/ is the audit journal.
    verbose_name = _("Journal d’audit")

    def ready(self):
        from django.contrib import admin

        from portal.admin_fields import admin_fields_guard
        from portal.database_roles import grant_after_migrate
        from portal.permission_labels import group_admin_in_french
        from portal.social_admin import social_admin_hidden
        from portal.totp_admin import totp_admin_in_french

        # The admin's ready() (first in INSTALLED_APPS) has loaded every admin module by now.
        totp_admin_in_french(admin.site)
        group_admin_in_french(admin.site)
        social_admin_hidden(admin.site)
        admin_fields_guard(admin.site)

        # Once, after all apps are migrated: `sender` is every app; the grants cover all tables.
        post_migrate.connect(grant_after_migrate, sender=self, dispatch_uid="portal_grant_after_migrate")
