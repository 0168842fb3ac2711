"""The NIR index follows a file's members (benefits/campaigns/nir_index.py), in /gestion/ too."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from benefits.campaigns.feed_models import PersonNir
from benefits.campaigns.nir_index import file_nirs_index
from benefits.claims.admin import AllocataireFileAdmin
from benefits.claims.models import AllocataireFile
from benefits.desk.search import files_of_nir

pytestmark = pytest.mark.django_db

APPLICANT, PARTNER, OTHER = "185037512010148", "290057512345612", "178011300100133"


def a_file(number: str, *nirs: str) -> AllocataireFile:
    roles = ["applicant", "partner"]
    members = [
        {"id": chr(ord("a") + i), "role": roles[i], "given_names": "X", "family_name": "Y", "nir": nir}
        for i, nir in enumerate(nirs)
    ]
    members.append({"id": "c1", "role": "child", "given_names": "Z", "family_name": "Y"})
    return AllocataireFile.objects.create(
        number=number, family_name="Y", given_names="X", birth_date="1985-03-12", members=members
    )


def indexed(file) -> dict[str, str]:
    return dict(PersonNir.objects.filter(file=file).values_list("nir", "member"))


def test_the_index_holds_exactly_the_files_nirs_after_each_change():
    file = a_file("0000901", APPLICANT, PARTNER)
    assert file_nirs_index(file=file) == 2
    assert indexed(file) == {APPLICANT: "a", PARTNER: "b"}
    # the partner's NIR corrected, the applicant's removed: the old ones are no longer found
    file.members[1]["nir"] = OTHER
    file.members[0].pop("nir")
    file.save()
    assert file_nirs_index(file=file) == 1
    assert indexed(file) == {OTHER: "b"}
    assert files_of_nir(PARTNER) == [] and files_of_nir(APPLICANT) == []
    assert files_of_nir(OTHER) == [file]


def test_a_person_who_moved_to_another_file_is_found_in_the_new_one_only():
    old, new = a_file("0000902", APPLICANT, PARTNER), a_file("0000903", OTHER)
    file_nirs_index(file=old)
    file_nirs_index(file=new)
    new.members[0:0] = [
        {"id": "b", "role": "partner", "nir": PARTNER, "given_names": "W", "family_name": "V"}
    ]
    new.save()
    file_nirs_index(file=new)
    assert files_of_nir(PARTNER) == [new]
    assert indexed(old) == {APPLICANT: "a"}


def test_a_file_saved_in_gestion_is_indexed_at_once(admin_user):
    file = a_file("0000904", APPLICANT)
    assert files_of_nir(APPLICANT) == []  # created outside any loader: not indexed yet
    request = RequestFactory().post("/gestion/")
    request.user = admin_user
    file.members[0]["nir"] = OTHER
    AllocataireFileAdmin(AllocataireFile, admin.site).save_model(request, file, form=None, change=True)
    assert files_of_nir(OTHER) == [file]
    file.refresh_from_db()
    assert file.members[0]["nir"] == OTHER  # the file itself saved first
