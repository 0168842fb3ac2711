"""The audit journal in /gestion/: read only, as the model itself refuses any update or delete."""

from django.contrib import admin

from portal.models import JournalEntry


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
