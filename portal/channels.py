"""Where a request comes from: at home, on a kiosk in a CAF office, or with an agent.

The channel is recorded in the audit journal with every write. A kiosk PC carries the signed enrolment
token its office's IT installed (portal.kiosk.enrolment), or the deployment sets KIOSK_MODE; agent
mode needs a logged-in staff member (who signed in with a second factor, benefits.desk).
"""

import functools

from django.core.exceptions import PermissionDenied

from portal.kiosk.enrolment import kiosk_office

HOME = "home"
KIOSK = "kiosk"
AGENT = "agent"
CHANNELS = (HOME, KIOSK, AGENT)


def channel_for(request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        return AGENT
    if kiosk_office(request) is not None:
        return KIOSK
    return HOME


class ChannelMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.channel = channel_for(request)
        return self.get_response(request)


def mandate_required_for_agents(view):
    """An agent writes for a person only under a valid mandate on that person's file (benefits.desk sets
    request.mandate from the agent's session); the person themself is not concerned."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.channel == AGENT and getattr(request, "mandate", None) is None:
            raise PermissionDenied("no valid mandate")
        return view(request, *args, **kwargs)

    return wrapped
