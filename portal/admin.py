"""The audit journal in /gestion/: read only, as the model itself refuses any update or delete."""

from django.conf import settings
from django.contrib import admin
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.journal_actions import action_label
from portal.models import JournalEntry

# The portal's name in every title of /gestion/ (templates/admin/base_site.html adds its favicon).
admin.site.site_title = admin.site.site_header = format_lazy("{} — {}", settings.SITE_NAME, _("gestion"))
admin.site.index_title = _("Tableau de bord")


class ActionFilter(admin.SimpleListFilter):
    """The journal's actions by their label, not their stored code (« Par action »)."""

    title = _("action")
    parameter_name = "action"

    def lookups(self, request, model_admin):
        codes = JournalEntry.objects.order_by().values_list("action", flat=True).distinct()
        return sorted(((code, action_label(code)) for code in codes), key=lambda pair: str(pair[1]))

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(JournalEntry)
class JournalEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "what", "target", "channel", "actor"]
    list_filter = [ActionFilter, "channel"]
    search_fields = ["target"]
    readonly_fields = ["at", "what", "code", "target", "channel", "actor", "details"]
    fields = readonly_fields

    @admin.display(description=_("action"), ordering="action")
    def what(self, entry):
        return action_label(entry.action)

    @admin.display(description=_("code de l’action"))
    def code(self, entry):
        return entry.action

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
