"""What the admin fuzz found, each pinned: refused with a French message, nothing saved, never a 500."""

import pytest
from django.contrib.auth.models import Group

from benefits.campaigns.feed_models import PersonNir
from tests.agents import agent_factory, sign_in
from tests.benefits.claims.factories import file_factory
from tests.robustness.test_fuzz_admin import FormValues

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    sign_in(client, agent_factory(is_superuser=True))
    return client


def post_file(client, file, **changed):
    url = f"/gestion/benefits/allocatairefile/{file.pk}/change/"
    values = FormValues(client.get(url).content.decode()).values
    return client.post(url, {**values, **changed})


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ("9" * 5000, "Saisissez un JSON valide."),
        ("[" * 5000, "Saisissez un JSON valide."),
        ("NaN", "ni NaN ni Infinity"),
        ('[{"id": "a", "role": "applicant", "given_names": "\\u0000"}]', "caractère nul"),
        ('{"nir": "2850375056101"}', "Les membres doivent être une liste JSON"),
        ('[{"id": "a", "role": "applicant", "nir": "285037505610199"}]', "la clé du NIR est incorrecte"),
        ('[{"id": "a", "role": "applicant", "nir": "2850375056101999"}]', "le NIR doit avoir 13 caractères"),
        ('[{"id": "abcdefghi", "role": "applicant"}]', "de 1 à 8 caractères"),
    ],
)
def test_a_file_refuses_members_the_portal_cannot_read(staff_client, members, message):
    file = file_factory()
    response = post_file(staff_client, file, members=members)
    assert response.status_code == 200 and message in response.content.decode()
    file.refresh_from_db()
    assert file.members[0]["nir"] == "2850375056101"
    assert list(PersonNir.objects.values_list("nir", flat=True)) == []  # nothing indexed either


def test_a_nir_with_its_right_key_is_saved_and_indexed(staff_client):
    file = file_factory()
    nir = "2850375056101" + f"{97 - 2850375056101 % 97:02d}"
    members = (
        '[{"id": "a", "role": "applicant", "given_names": "Camille Marie", "family_name": "MARTIN", '
        f'"birth_date": "1985-03-10", "nir": "{nir}"}}]'
    )
    assert post_file(staff_client, file, members=members).status_code == 302
    assert PersonNir.objects.get().nir == nir


def test_a_group_refuses_a_permission_key_beyond_64_bits(staff_client):
    group = Group.objects.create(name="essai")
    url = f"/gestion/auth/group/{group.pk}/change/"
    response = staff_client.post(url, {"name": "essai", "permissions": "99999999999999999999", "_save": ""})
    assert response.status_code == 200
    assert "Une des valeurs choisies n’existe pas." in response.content.decode()
    assert not group.permissions.exists()


@pytest.mark.parametrize("key", ["²", "+-5", "1e30"])
def test_a_group_refuses_a_permission_key_that_is_no_integer(staff_client, key):
    group = Group.objects.create(name="essai")
    url = f"/gestion/auth/group/{group.pk}/change/"
    response = staff_client.post(url, {"name": "essai", "permissions": key, "_save": ""})
    assert response.status_code == 200
    assert "Erreur" in response.content.decode().split("</title>")[0]
    assert not group.permissions.exists()


def test_an_empty_json_box_in_a_not_null_column_saves_its_default(staff_client):
    file = file_factory(rights=[{"benefit": "rsa", "amount": 100}])
    assert post_file(staff_client, file, rights="").status_code == 302
    file.refresh_from_db()
    assert file.rights == []
