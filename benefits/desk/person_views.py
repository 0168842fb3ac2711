"""The person's side of the desk, in Mon espace: "Actions faites pour vous" and their mandates."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from benefits.claims.files import allocataire_file_for_user
from benefits.desk.journal_view import journal_for_file
from benefits.desk.mandates import mandate_revoke
from benefits.desk.models import Mandate


def actions(request):
    file = allocataire_file_for_user(user=request.user, channel=request.channel)
    context = {
        "file": file,
        "journal": journal_for_file(file, viewer=request.user) if file else [],
        "valid_mandates": Mandate.objects.valid().filter(file=file) if file else [],
        "past_mandates": Mandate.objects.filter(file=file).exclude(pk__in=Mandate.objects.valid())
        if file
        else [],
    }
    return render(request, "benefits/desk/actions.html", context)


@require_POST
def revoke(request, pk):
    """The person withdraws a mandate at once; the agent can no longer write for them."""
    file = allocataire_file_for_user(user=request.user, channel=request.channel)
    mandate = Mandate.objects.filter(pk=pk, file=file).first() if file else None
    if mandate is None:
        raise Http404
    mandate_revoke(mandate=mandate, by=request.user, channel=request.channel, who="person")
    messages.success(request, _("Le mandat est retiré : l’agent ne peut plus agir pour vous."))
    return redirect("desk_person:actions")


revoke.not_a_page = True
