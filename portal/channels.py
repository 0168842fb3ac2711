"""Where a request comes from: at home, on a kiosk in a CAF office, or with an agent.

The channel is recorded in the audit journal with every write. Kiosk PCs are configured with
a cookie set by the office's IT (or KIOSK_MODE for a dedicated deployment); agent mode needs a
logged-in staff member.
"""

from django.conf import settings

HOME = "home"
KIOSK = "kiosk"
AGENT = "agent"
CHANNELS = (HOME, KIOSK, AGENT)
KIOSK_COOKIE = "portal_kiosk"


def channel_for(request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        return AGENT
    if getattr(settings, "KIOSK_MODE", False) or request.COOKIES.get(KIOSK_COOKIE) == "1":
        return KIOSK
    return HOME


class ChannelMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.channel = channel_for(request)
        return self.get_response(request)
