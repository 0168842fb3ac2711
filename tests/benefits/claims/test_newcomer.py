"""The newcomer's path: log in with an emulator identity, find the demo file, see the prefilled declaration."""

import pytest

from benefits.claims.demo import load_demo_files
from benefits.claims.models import AllocataireFile
from tests.fcplus import dance, fcplus_offline  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def test_a_test_identity_finds_its_demo_file_and_a_prefilled_declaration(dance, client):  # noqa: F811
    load_demo_files()
    dance.login("camille")
    home = client.get("/mon-espace/").content.decode()
    assert "Dossier allocataire n°\u00a00000001" in home
    edit_url = client.post("/mon-espace/demarches/nouvelle/dtr/")["Location"]
    page = client.get(edit_url).content.decode()
    assert "déclaré par votre employeur Boulangerie du Centre" in page  # the holder: two employers
    assert "déclaré par votre employeur Intérim Plus Agence Lyon-Est" in page  # the partner: interim


def test_a_person_without_a_file_is_told_so(dance, client):  # noqa: F811
    load_demo_files()
    dance.login("camille")
    client.post("/compte/deconnexion/")
    AllocataireFile.objects.all().delete()
    dance.login("camille")
    assert "Aucun dossier allocataire" in client.get("/mon-espace/").content.decode()
