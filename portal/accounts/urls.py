from django.urls import path

from portal.accounts import views
from portal.accounts.fcplus import views as fcplus_views

app_name = "accounts"

urlpatterns = [
    path("connexion/", views.login_page, name="login"),
    path("deconnexion/", views.logout_view, name="logout"),
    # FranceConnect+ (allauth provider "fcplus"). The callback, the logout return and the JWKS URLs
    # are registered at FC+: changing them means a new registration (docs/franceconnect-plus.md).
    path("franceconnect/connexion/", fcplus_views.login, name="fcplus_login"),
    path("franceconnect/retour/", fcplus_views.callback, name="fcplus_callback"),
    path("franceconnect/deconnexion/retour/", fcplus_views.logout_callback, name="fcplus_logout_callback"),
    path("franceconnect/jwks.json", fcplus_views.jwks, name="fcplus_jwks"),
]
