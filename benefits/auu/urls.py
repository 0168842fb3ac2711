from django.urls import path

from benefits.auu import views

app_name = "auu"

# A neutral path: it is what a browser's history and autocomplete show.
urlpatterns = [
    path("", views.index, name="index"),
    path("nouvelle/", views.new, name="new"),
    path("<uuid:reference>/", views.receipt, name="receipt"),
]
