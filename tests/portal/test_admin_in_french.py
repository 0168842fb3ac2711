"""/gestion/ speaks French to the CAF's staff: the apps, the models, the fields, the filters ("Par statut",
not Django's "Par status" made from a field's name), and English from the catalogue."""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.utils.functional import Promise

from tests.agents import agent_factory, sign_in
from tests.benefits.claims.factories import file_factory

OUR_APPS = ("portal", "accounts", "benefits")


def our_models():
    return [model for label in OUR_APPS for model in apps.get_app_config(label).get_models()]


def shown_models():
    """Our models /gestion/ shows: registered, or inline on a registered one."""
    shown = set()
    for model, model_admin in admin.site._registry.items():
        shown.add(model)
        shown.update(inline.model for inline in model_admin.inlines)
    return sorted((m for m in shown if m._meta.app_label in OUR_APPS), key=lambda m: m._meta.label)


def test_the_apps_are_named_in_french_through_the_catalogue():
    for label in OUR_APPS:
        assert isinstance(apps.get_app_config(label).verbose_name, Promise), label


@pytest.mark.parametrize("model", our_models(), ids=lambda model: model._meta.label)
def test_every_model_names_itself_in_french(model):
    """Every model, in /gestion/ or not: a group's permissions name each (« Prestations | campagne | … »);
    a plural of its own, not Django's "s" glued on ("import du flux de revenuss")."""
    for option in ("verbose_name", "verbose_name_plural"):
        assert isinstance(model._meta.original_attrs.get(option), Promise), f"{model._meta.label}.{option}"


def test_the_models_in_gestion_are_ours_too():
    labels = {model._meta.label for model in shown_models()}
    assert {"portal.JournalEntry", "benefits.Claim", "benefits.StatusChange", "benefits.Letter"} <= labels


@pytest.mark.parametrize("model", shown_models(), ids=lambda model: model._meta.label)
def test_every_field_gestion_shows_has_a_french_name(model):
    """Not the field's name with its underscores ("filed at", "kind"), and help in French too."""
    for field in model._meta.concrete_fields:
        if field.auto_created:
            continue  # the id: Django's own « ID »
        assert isinstance(field._verbose_name, Promise), f"{model._meta.label}.{field.name}"
        assert not field.help_text or isinstance(field.help_text, Promise), (
            f"{model._meta.label}.{field.name}"
        )
        for value, label in field.flatchoices:
            assert isinstance(label, Promise), f"{model._meta.label}.{field.name}={value}"


@pytest.fixture
def staff_client(client, db):
    sign_in(client, agent_factory(is_superuser=True))
    return client


def text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_the_index_and_a_list_read_french(staff_client):
    index = text(staff_client.get("/gestion/"))
    for name in ("Prestations", "Journal d’audit", "Demandes déposées", "Courriers", "Entrées du journal"):
        assert name in index
    assert "Benefits" not in index and "Portal" not in index
    assert "Double authentification des agents" in index and "Appareils TOTP" in index
    assert "Otp_Totp" not in index and "TOTP devices" not in index

    claims = text(staff_client.get("/gestion/benefits/claim/"))
    assert "Par statut" in claims and "Par démarche" in claims
    assert "Par status" not in claims and "Par kind" not in claims

    journal = text(staff_client.get("/gestion/portal/journalentry/"))
    assert "Par canal" in journal and "Poste en libre-service" in journal
    assert "Date et heure" in journal.title() or "DATE ET HEURE" in journal.upper()


def test_a_change_form_labels_its_fields_in_french(staff_client):
    file = file_factory()
    form = text(staff_client.get(f"/gestion/benefits/allocatairefile/{file.pk}/change/"))
    for label in (
        "Membres du foyer",
        "Logement",
        "Droits en cours",
        "Compte de la personne",
        "Identifiant FranceConnect+",
    ):
        assert label in form
    assert "Members" not in form and "Fcplus sub" not in form


def test_in_english_gestion_reads_the_catalogue(staff_client):
    staff_client.cookies["django_language"] = "en"
    index = text(staff_client.get("/gestion/"))
    assert "Benefits" in index and "Audit log" in index and "Filed claims" in index
    claims = text(staff_client.get("/gestion/benefits/claim/"))
    assert "By status" in claims and "By procedure" in claims


def test_the_agents_totp_devices_read_french(staff_client):
    """django-otp's own labels are English, outside any catalogue: portal/totp_admin.py names them."""
    listing = text(staff_client.get("/gestion/otp_totp/totpdevice/"))
    assert "Par confirmé" in listing and "Par dernière utilisation" in listing
    assert "Search by" not in listing and "Last used" not in listing.title()
    device = apps.get_model("otp_totp", "TOTPDevice").objects.get()
    form = text(staff_client.get(f"/gestion/otp_totp/totpdevice/{device.pk}/change/"))
    for label in ("Identité", "Limitation des essais", "Le nombre de chiffres d’un code."):
        assert label in form
    for english in ("Throttling", "The human-readable name", "Timestamps", "The date and time when"):
        assert english not in form


def test_a_groups_permissions_are_named_in_the_pages_language(staff_client):
    """Django stored each permission's name in English once ("Can change courrier"); a database
    migrated before the Meta's name was French keeps it ("Can create, run and stop campaigns")."""
    Permission.objects.filter(codename="operate_campaign").update(name="Can create, run and stop campaigns")
    form = text(staff_client.get("/gestion/auth/group/add/"))
    assert "Prestations | courrier | modifier" in form
    assert "Prestations | campagne | Créer, lancer et arrêter des campagnes" in form
    assert "Double authentification des agents | appareil TOTP | consulter" in form
    assert "Can change" not in form and "Can create" not in form

    staff_client.cookies["django_language"] = "en"
    form = text(staff_client.get("/gestion/auth/group/add/"))
    assert "Benefits | letter | change" in form
    assert "Benefits | campaign | Create, run and stop campaigns" in form


def test_an_agents_totp_secret_is_never_shown_in_gestion(staff_client):
    """Whoever reads an agent's TOTP key or its QR code holds that agent's second factor."""
    device = apps.get_model("otp_totp", "TOTPDevice").objects.get()
    listing = staff_client.get("/gestion/otp_totp/totpdevice/").content.decode()
    form = staff_client.get(f"/gestion/otp_totp/totpdevice/{device.pk}/change/").content.decode()
    for page in (listing, form):
        assert device.key not in page and "qrcode" not in page
    assert staff_client.get(f"/gestion/otp_totp/totpdevice/{device.pk}/qrcode/").status_code == 403


def test_the_franceconnect_application_and_tokens_are_not_managed_in_gestion(staff_client):
    """The FC+ client's secret comes from the environment; a SocialApp typed in /gestion/ would be a second,
    unaudited copy that allauth reads. The accounts' FC+ links stay (support reads them)."""
    assert staff_client.get("/gestion/socialaccount/socialapp/").status_code == 404
    assert staff_client.get("/gestion/socialaccount/socialtoken/").status_code == 404
    assert staff_client.get("/gestion/socialaccount/socialaccount/").status_code == 200
    index = staff_client.get("/gestion/").content.decode()
    assert (
        "/gestion/socialaccount/socialapp/" not in index and "/gestion/socialaccount/socialaccount/" in index
    )
