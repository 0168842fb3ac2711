from django.urls import path

from portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("etre-aide/", views.help_page, name="help"),
    path("accessibilite/", views.accessibility, name="accessibility"),
    path("mentions-legales/", views.legal_notice, name="legal"),
    path("donnees-personnelles/", views.privacy, name="privacy"),
    path("plan-du-site/", views.sitemap, name="sitemap"),
]
