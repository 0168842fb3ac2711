from django.conf import settings


def portal(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "channel": getattr(request, "channel", "home"),
        "kiosk_office": getattr(request, "kiosk_office", None),
        "kiosk_idle_seconds": settings.KIOSK_IDLE_SECONDS,
        "kiosk_warning_seconds": settings.KIOSK_WARNING_SECONDS,
        # Without JavaScript the page moves to the "still there?" page this long before the end (WCAG 2.2.1).
        "kiosk_quiet_seconds": max(settings.KIOSK_IDLE_SECONDS - settings.KIOSK_WARNING_SECONDS, 1),
    }
