from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PortalConfig(AppConfig):
    name = "portal"

    def ready(self):
        from portal.database_roles import grant_after_migrate

        # Once, after all apps are migrated: `sender` is every app; the grants cover all tables.
        post_migrate.connect(grant_after_migrate, sender=self, dispatch_uid="portal_grant_after_migrate")
