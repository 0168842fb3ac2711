"""Public pages of the portal and the error pages."""

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.dateparse import parse_date

logger = logging.getLogger(__name__)


@login_not_required
def home(request):
    return render(request, "portal/pages/home.html")


@login_not_required
def help_page(request):
    return render(request, "portal/pages/help.html")


@login_not_required
def accessibility(request):
    context = {"last_check": parse_date(settings.ACCESSIBILITY_LAST_CHECK)}
    return render(request, "portal/pages/accessibility.html", context)


@login_not_required
def legal_notice(request):
    return render(request, "portal/pages/legal.html")


@login_not_required
def privacy(request):
    context = {"simulation_retention_days": getattr(settings, "SIMULATION_RETENTION_DAYS", 30)}
    return render(request, "portal/pages/privacy.html", context)


@login_not_required
def sitemap(request):
    return render(request, "portal/pages/sitemap.html")


@login_not_required
def permission_denied(request, exception=None):
    return render(request, "portal/errors/403.html", status=403)


@login_not_required
def page_not_found(request, exception=None):
    return render(request, "portal/errors/404.html", status=404)


@login_not_required
def server_error(request):
    # Rendered with the request so the page keeps the header; if that fails too, fall back to a
    # context-free render of the same template rather than Django's bare text.
    try:
        return render(request, "portal/errors/500.html", status=500)
    except Exception:
        logger.exception("500 page failed to render with its context")
        html = loader.get_template("portal/errors/500_plain.html").render()
        return HttpResponseServerError(html)
