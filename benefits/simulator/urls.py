from django.urls import path

from benefits.simulator import family_views, result_views, views

app_name = "simulator"

urlpatterns = [
    path("", views.start, name="start"),
    path("foyer/", views.household, name="household"),
    path("personnes/", views.persons, name="persons"),
    path("famille/", family_views.family, name="family"),
    path("logement/", views.housing, name="housing"),
    path("revenus/", views.incomes, name="incomes"),
    path("verifier/", views.check, name="check"),
    path("recommencer/", views.restart, name="restart"),
    path("resultat/<str:token>/", result_views.result, name="result"),
    path("resultat/<str:token>/pdf/", result_views.result_pdf, name="result_pdf"),
    path("resultat/<str:token>/rejouer/", result_views.replay, name="replay"),
    path("resultat/<str:token>/modifier/", result_views.resume, name="resume"),
]
