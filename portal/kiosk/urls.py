from django.urls import path

from portal.kiosk import views

app_name = "kiosk"

urlpatterns = [
    path("", views.welcome, name="welcome"),
    path("terminer/", views.end, name="end"),
    path("session-expiree/", views.timeout, name="timeout"),
    path("continuer/", views.keepalive, name="keepalive"),
    path("toujours-la/", views.still_here, name="still_here"),
    path("sortie/", views.exit_link, name="exit"),
    path("installer/", views.install, name="install"),
]
