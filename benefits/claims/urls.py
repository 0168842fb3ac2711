from django.urls import path

from benefits.claims import claim_views, draft_views, views

app_name = "claims"

urlpatterns = [
    path("", views.index, name="index"),
    path("nouvelle/<str:kind>/", views.start, name="start"),
    path("brouillon/<uuid:key>/", draft_views.edit, name="edit"),
    path("brouillon/<uuid:key>/situation/", claim_views.situation, name="situation"),
    path("brouillon/<uuid:key>/revenus/", draft_views.refresh_prefill, name="refresh"),
    path("brouillon/<uuid:key>/verifier/", draft_views.check, name="check"),
    path("demande/<int:pk>/", views.claim, name="claim"),
]
