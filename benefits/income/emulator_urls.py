from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import path

from benefits.income import emulator_views

if not settings.EMULATORS_ENABLED:
    raise ImproperlyConfigured("The income data emulator is for development and tests only.")

app_name = "income_emulator"

urlpatterns = [
    path("api/v1/montants-nets-sociaux", emulator_views.net_social_amounts, name="amounts"),
]
