"""Agents' screen of the aide universelle d'urgence claims in /gestion/: priority first, nearest deadline first.

The status moves only through auu_claim_set_status (journal with the "agent" channel); the rest is
read only. A decision (accepted or refused) lifts the priority flag.
"""

from django.contrib import admin, messages
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from benefits.auu.models import UrgentClaim
from benefits.auu.references import normalized
from benefits.auu.services import auu_claim_set_status
from benefits.claims.models import Status
from benefits.claims.services import StatusNotAllowed


def status_action(status: Status):
    def action(modeladmin, request, queryset):
        for claim in queryset:
            try:
                auu_claim_set_status(claim=claim, status=status, by=request.user, channel=request.channel)
            except StatusNotAllowed:
                modeladmin.message_user(
                    request,
                    gettext("%(claim)s : changement de statut impossible.") % {"claim": claim},
                    messages.ERROR,
                )

    action.__name__ = f"mark_{status.value}"
    action.short_description = format_lazy(_("Passer au statut « {status} »"), status=status.label)
    return action


@admin.register(UrgentClaim)
class UrgentClaimAdmin(admin.ModelAdmin):
    list_display = [
        "short_reference",
        "__str__",
        "priority",
        "due_by",
        "status",
        "form",
        "amount",
        "file_number",
    ]
    list_filter = ["priority", "status", "form"]
    # An agent on the phone types the reference the person reads out ("7K3M Q9" finds AUU-7K3M-Q9).
    search_fields = ["short_reference"]
    actions = [
        status_action(Status.INSTRUCTING),
        status_action(Status.ACCEPTED),
        status_action(Status.REFUSED),
    ]
    readonly_fields = [field.name for field in UrgentClaim._meta.fields]

    def get_search_results(self, request, queryset, search_term):
        reference = normalized(search_term)
        if reference:
            return queryset.filter(short_reference=reference), False
        return super().get_search_results(request, queryset, search_term)

    def get_queryset(self, request):
        return super().get_queryset(request).for_agents()

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
