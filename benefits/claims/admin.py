"""Agents' screens in /gestion/: files, drafts (read only) and filed claims, whose status they move on.

A status is changed only through claim_set_status (history, journal with the "agent" channel), never
by editing the field: the claim's figures, estimate and versions are read only.
"""

from django.contrib import admin, messages
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from benefits.campaigns.nir_index import file_nirs_index
from benefits.claims.file_form import AllocataireFileForm
from benefits.claims.files import normalized_number
from benefits.claims.models import AllocataireFile, Claim, ClaimDraft, Status, StatusChange
from benefits.claims.services import StatusNotAllowed, claim_set_status


@admin.register(AllocataireFile)
class AllocataireFileAdmin(admin.ModelAdmin):
    form = AllocataireFileForm
    list_display = ["number", "family_name", "given_names", "user"]
    search_fields = ["number", "family_name"]
    readonly_fields = ["user", "fcplus_sub"]

    def get_search_results(self, request, queryset, search_term):
        """A numéro allocataire ("3", "000 00 03") is one exact match on the unique number, as at the desk
        (benefits/desk/search.py), not a LIKE '%3%' over every number and name."""
        number = normalized_number(search_term)
        if number is not None:
            return queryset.filter(number=number), False
        return super().get_search_results(request, queryset, search_term)

    def save_model(self, request, obj, form, change):
        """The file, then its NIR index (a member's NIR added, corrected or removed here is found by the
        desk's search and the income feed at once: benefits/campaigns/nir_index.py)."""
        super().save_model(request, obj, form, change)
        file_nirs_index(file=obj)


@admin.register(ClaimDraft)
class ClaimDraftAdmin(admin.ModelAdmin):
    list_display = ["__str__", "file", "updated_at"]
    readonly_fields = [field.name for field in ClaimDraft._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    readonly_fields = ["status", "at", "channel"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


def status_action(status: Status):
    def action(modeladmin, request, queryset):
        for claim in queryset:
            try:
                claim_set_status(claim=claim, status=status, by=request.user, channel=request.channel)
            except StatusNotAllowed:
                modeladmin.message_user(
                    request,
                    gettext("%(claim)s : changement de statut impossible.") % {"claim": claim},
                    messages.ERROR,
                )

    action.__name__ = f"mark_{status.value}"
    # Moving a status changes the claim: only agents with the change permission are offered (and
    # allowed) the action; a view-only agent reads the claim and its history.
    action.allowed_permissions = ("change",)
    action.short_description = format_lazy(_("Passer au statut « {status} »"), status=status.label)
    return action


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["__str__", "file", "status", "filed_at"]
    list_filter = ["status", "kind"]
    inlines = [StatusChangeInline]
    actions = [
        status_action(Status.INSTRUCTING),
        status_action(Status.ACCEPTED),
        status_action(Status.REFUSED),
    ]
    readonly_fields = [field.name for field in Claim._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
