from django.urls import path

from benefits.campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/essai/", views.dry_run, name="dry_run"),
    path("<int:pk>/annulation/", views.cancel_confirm, name="cancel_confirm"),
    path("<int:pk>/<str:name>/", views.action, name="action"),
    path("<int:pk>/rapport", views.report, name="report"),
    path("<int:pk>/rapport.csv", views.report_csv, name="report_csv"),
    path("<int:pk>/rapport.xlsx", views.report_xlsx_download, name="report_xlsx"),
]
