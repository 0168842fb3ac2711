"""The person's side of the desk, in Mon espace: "Actions faites pour vous" and their mandates.

An agent under a mandate reads the mandate's file's page as the person would (read only: the person
withdraws a mandate, the agent ends it from the band); an agent without one goes back to the desk.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from benefits.claims.files import allocataire_file_for_user, file_in_scope
from benefits.desk.journal_view import journal_for_file
from benefits.desk.mandates import mandate_revoke
from benefits.desk.models import Mandate
from portal.agent_access import agents_under_a_mandate
from portal.channels import AGENT


@agents_under_a_mandate
def actions(request):
    file = file_in_scope(request)
    # The person's own words ("vous", "Votre dossier"), for the person at the agent's side too, and for
    # a file no account is linked to yet (file.user is None: the page still speaks to the person).
    person = file.user if file is not None and request.channel == AGENT else request.user
    context = {
        "file": file,
        "journal": journal_for_file(file, to_person=True, person=person) if file else [],
        "valid_mandates": Mandate.objects.valid().filter(file=file) if file else [],
        "past_mandates": Mandate.objects.filter(file=file).exclude(pk__in=Mandate.objects.valid())
        if file
        else [],
        "can_revoke": request.channel != AGENT,
    }
    return render(request, "benefits/desk/actions.html", context)


@require_POST
def revoke(request, pk):
    """The person withdraws a mandate at once; the agent can no longer write for them."""
    if request.channel == AGENT:
        # The agent's end of a mandate is desk:mandate_end (the band's button), journaled as the agent's.
        raise PermissionDenied("the person's own withdrawal")
    file = allocataire_file_for_user(user=request.user, channel=request.channel)
    mandate = Mandate.objects.filter(pk=pk, file=file).first() if file else None
    if mandate is None:
        raise Http404
    mandate_revoke(mandate=mandate, by=request.user, channel=request.channel, who="person")
    messages.success(request, _("Le mandat est retiré : l’agent ne peut plus agir pour vous."))
    return redirect("desk_person:actions")


revoke.not_a_page = True
