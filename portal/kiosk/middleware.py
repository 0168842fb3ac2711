"""Kiosk mode on every request: the office band's data, the server-side idle expiry, no-store, the HTML rewrite."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from portal.channels import KIOSK
from portal.kiosk.enrolment import kiosk_office
from portal.kiosk.html import kiosk_html
from portal.kiosk.idle import idle_expired, idle_touch


class KioskMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.kiosk_office = kiosk_office(request) if request.channel == KIOSK else None
        if request.kiosk_office is None:
            return self.get_response(request)
        timeout_path = reverse("kiosk:timeout")
        if request.path != timeout_path and idle_expired(request, settings.KIOSK_IDLE_SECONDS):
            # The visitor left without ending the session: whatever comes next starts afresh.
            return redirect(timeout_path)
        response = self.get_response(request)
        if request.path != timeout_path:
            idle_touch(request)
        # Nothing of one visitor is kept for the next: no page in the cache, nor in the back button.
        response["Cache-Control"] = "no-store"
        # The exit page itself holds the one outgoing link, already announced.
        is_html = response.get("Content-Type", "").startswith("text/html") and not response.streaming
        if is_html and request.path != reverse("kiosk:exit"):
            response.content = kiosk_html(
                response.content, own_origin=f"{request.scheme}://{request.get_host()}"
            )
        return response
