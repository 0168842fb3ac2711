from django.urls import path

from benefits.desk import person_views

app_name = "desk_person"

urlpatterns = [
    path("", person_views.actions, name="actions"),
    path("mandat/<int:pk>/retirer/", person_views.revoke, name="revoke"),
]
