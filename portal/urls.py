from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language

from portal import errors, health, views

urlpatterns = [
    path("", include("portal.pages_urls")),
    path("healthz", health.healthz, name="healthz"),
    path("langue/", login_not_required(set_language), name="set_language"),
    path("simulateur/", include("benefits.simulator.urls")),
    path("api/v1/", include("benefits.api.urls")),
    path("mon-espace/", include("portal.espace.urls")),
    path("mon-espace/demarches/", include("benefits.claims.urls")),
    path("mon-espace/demarche/", include("benefits.auu.urls")),
    path("mon-espace/courriers/", include("benefits.letters.urls")),
    path("compte/", include("portal.accounts.urls")),
    path("kiosque/", include("portal.kiosk.urls")),
    path("agent/", include("benefits.desk.urls")),
    path("mon-espace/actions/", include("benefits.desk.person_urls")),
    # Staff sign in with their second factor on the agent login, never with the admin's password form.
    path(
        "gestion/login/",
        login_not_required(RedirectView.as_view(pattern_name="desk:login", query_string=True)),
    ),
    path("operateur/campagnes/", include("benefits.campaigns.urls")),
    path("gestion/", admin.site.urls),
]

# Offline emulators of the identity provider and of the income data service: never in production.
if settings.EMULATORS_ENABLED:
    urlpatterns += [
        path("_fcplus/", include("portal.fcplus_emulator.urls")),
        path("_revenus/", include("benefits.income.emulator_urls")),
    ]

handler400 = errors.bad_request
handler403 = views.permission_denied
handler404 = views.page_not_found
handler500 = views.server_error
