"""Staff see every letter in /gestion/, the failed ones with their error, and queue them again.

The frozen context and the PDF are read only: a letter is never edited, only rendered again."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from benefits.letters.models import Letter, LetterStatus
from benefits.letters.services import letter_requeue


@admin.action(description=_("Relancer la préparation des courriers en échec"))
def rerender_failed(modeladmin, request, queryset):
    count = 0
    for letter in queryset.filter(status=LetterStatus.FAILED):
        letter_requeue(letter=letter)
        count += 1
    message = ngettext(
        "%(count)d courrier remis en préparation.", "%(count)d courriers remis en préparation.", count
    )
    modeladmin.message_user(request, message % {"count": count}, messages.SUCCESS)


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = ["reference", "kind", "subject", "file", "status", "attempts", "created_at", "read_at"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["reference", "file__number"]
    actions = [rerender_failed]
    # The PDF has no URL (private storage): its name is shown, the person downloads it from the inbox.
    exclude = ["pdf"]
    readonly_fields = [field.name for field in Letter._meta.fields if field.name != "pdf"] + ["pdf_name"]

    @admin.display(description=_("fichier PDF"))
    def pdf_name(self, letter):
        return letter.pdf.name or "—"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
