"""Agents on every request: second factor or out, a short idle session, and the mandate in force.

A staff session without the second factor (a password-only login from anywhere) is ended at once; an
agent idle longer than AGENT_IDLE_SECONDS signs in again. The mandate the agent chose to act under is
checked again on every request (revoked or expired, it is gone) and named on every journal entry.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from benefits.desk.access import MANDATE_KEY
from benefits.desk.models import Mandate
from portal.journal import journal_acting_under
from portal.kiosk.idle import idle_expired, idle_touch


class AgentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.mandate = None
        user = request.user
        if not (user.is_authenticated and user.is_staff):
            return self.get_response(request)
        if not user.is_verified():
            logout(request)
            return redirect("desk:login")
        if idle_expired(request, settings.AGENT_IDLE_SECONDS):
            logout(request)
            messages.info(request, _("Votre session d’agent a expiré : connectez-vous de nouveau."))
            return redirect(reverse("desk:login"))
        mandate_id = request.session.get(MANDATE_KEY)
        if mandate_id:
            request.mandate = (
                Mandate.objects.valid().select_related("file").filter(pk=mandate_id, agent=user).first()
            )
            if request.mandate is None:
                del request.session[MANDATE_KEY]
        with journal_acting_under(request.mandate.pk if request.mandate else None):
            response = self.get_response(request)
        idle_touch(request)
        return response
