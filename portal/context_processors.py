from django.conf import settings


def portal(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "channel": getattr(request, "channel", "home"),
    }
