from django.urls import path

from benefits.letters import views

app_name = "letters"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.letter, name="letter"),
    path("<int:pk>/imprimer/", views.print_view, name="print"),
    path("<int:pk>/pdf/", views.download, name="download"),
]
