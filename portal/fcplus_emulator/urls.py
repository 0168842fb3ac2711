from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import path

from portal.fcplus_emulator import api_views, page_views

if not settings.EMULATORS_ENABLED:
    raise ImproperlyConfigured("The FranceConnect+ emulator is mounted only when EMULATORS_ENABLED is true.")

app_name = "fcplus_emulator"

urlpatterns = [
    path("", page_views.index, name="index"),
    path("interaction/<str:uid>/", page_views.interaction, name="interaction"),
    # The same paths as FC+ under its issuer https://<host>/api/v2.
    path("api/v2/.well-known/openid-configuration", api_views.discovery, name="discovery"),
    path("api/v2/jwks", api_views.jwks, name="jwks"),
    path("api/v2/authorize", api_views.authorize, name="authorize"),
    path("api/v2/token", api_views.token, name="token"),
    path("api/v2/userinfo", api_views.userinfo, name="userinfo"),
    path("api/v2/session/end", api_views.session_end, name="session_end"),
]
