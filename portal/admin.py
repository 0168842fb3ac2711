"""The audit journal in /gestion/: read only, as the model itself refuses any update or delete."""

from django.conf import settings
from django.contrib import admin
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.models import JournalEntry

# The portal's name in every title of /gestion/ (templates/admin/base_site.html adds its favicon).
admin.site.site_title = admin.site.site_header = format_lazy("{} — {}", settings.SITE_NAME, _("gestion"))
admin.site.index_title = _("Tableau de bord")


@admin.register(JournalEntry)
class JournalEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "action", "target", "channel", "actor"]
    list_filter = ["action", "channel"]
    search_fields = ["target"]
    readonly_fields = ["at", "action", "target", "channel", "actor", "details"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
