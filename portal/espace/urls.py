from django.urls import path

from portal.espace import views

app_name = "espace"

urlpatterns = [
    path("", views.home, name="home"),
]
