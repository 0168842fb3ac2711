from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from portal import health, views

urlpatterns = [
    path("", include("portal.pages_urls")),
    path("healthz", health.healthz, name="healthz"),
    path("langue/", login_not_required(set_language), name="set_language"),
    path("simulateur/", include("benefits.simulator.urls")),
    path("api/v1/", include("benefits.api.urls")),
    path("mon-espace/", include("portal.espace.urls")),
    path("mon-espace/demarches/", include("benefits.claims.urls")),
    path("mon-espace/demarche/", include("benefits.auu.urls")),
    path("compte/", include("portal.accounts.urls")),
    path("gestion/", admin.site.urls),
]

# Offline emulators of the identity provider and of the income data service: never in production.
if settings.EMULATORS_ENABLED:
    urlpatterns += [
        path("_fcplus/", include("portal.fcplus_emulator.urls")),
        path("_revenus/", include("benefits.income.emulator_urls")),
    ]

handler403 = views.permission_denied
handler404 = views.page_not_found
handler500 = views.server_error
