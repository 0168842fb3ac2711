from django.urls import path

from benefits.api import views

app_name = "api"

urlpatterns = [
    path("", views.docs, name="docs"),
    path("simulate", views.simulate, name="simulate"),
    path("openapi.json", views.openapi, name="openapi"),
]
