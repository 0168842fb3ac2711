from django.urls import path

from benefits.desk import auth_views, expert_views, views

app_name = "desk"

urlpatterns = [
    path("connexion/", auth_views.login_page, name="login"),
    path("deconnexion/", auth_views.logout_view, name="logout"),
    path("", views.search_page, name="search"),
    path("dossier/<str:number>/", views.file_page, name="file"),
    path("dossier/<str:number>/mandat/", views.mandate_new, name="mandate_new"),
    path("mandat/<int:pk>/agir/", views.mandate_use, name="mandate_use"),
    path("mandat/<int:pk>/terminer/", views.mandate_end, name="mandate_end"),
    path("saisie-rapide/", expert_views.expert_entry, name="expert"),
]
