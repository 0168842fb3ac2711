"""Matching the logged-in person to their allocataire file: by FC+ sub, else by the pivot identity."""

import datetime

import pytest
from allauth.socialaccount.models import SocialAccount

from benefits.claims.demo import load_demo_files
from benefits.claims.files import allocataire_file_for_user
from benefits.claims.models import AllocataireFile
from portal.models import JournalEntry
from tests.benefits.claims.factories import file_factory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def pivot_user(**fields):
    identity = {
        "last_name": "Martin",
        "first_name": "Camille-Marie",
        "birth_date": datetime.date(1985, 3, 10),
        "birthplace": "75120",
    }
    return UserFactory(**(identity | fields))


def test_a_file_is_found_by_the_fcplus_sub_and_linked():
    user = UserFactory()
    SocialAccount.objects.create(user=user, provider="fcplus", uid="sub-123", extra_data={})
    file = file_factory(fcplus_sub="sub-123", family_name="AUTRE")
    assert allocataire_file_for_user(user=user, channel="home") == file
    file.refresh_from_db()
    assert file.user == user
    assert JournalEntry.objects.get(action="file_linked").details == {"how": "sub"}


def test_at_first_login_the_pivot_identity_finds_the_file_despite_case_accents_and_hyphens():
    file = file_factory()
    user = pivot_user()
    assert allocataire_file_for_user(user=user, channel="kiosk") == file
    assert JournalEntry.objects.get(action="file_linked").channel == "kiosk"


@pytest.mark.parametrize(
    "difference",
    [{"birth_date": datetime.date(1985, 3, 11)}, {"birthplace": "75119"}, {"first_name": "Camille"}],
)
def test_a_different_pivot_identity_links_nothing(difference):
    file_factory()
    assert allocataire_file_for_user(user=pivot_user(**difference), channel="home") is None
    assert not AllocataireFile.objects.filter(user__isnull=False).exists()


def test_two_matching_files_link_nothing():
    file_factory()
    file_factory()
    assert allocataire_file_for_user(user=pivot_user(), channel="home") is None


def test_demo_files_are_linked_to_the_emulator_identities_and_load_twice():
    load_demo_files()
    load_demo_files()
    assert AllocataireFile.objects.count() == 7
    couple = AllocataireFile.objects.get(number="0000001")
    assert [m["role"] for m in couple.members] == ["applicant", "partner", "child", "child"]
    assert couple.fcplus_sub.endswith("v1") and couple.birthplace == "75120"


def test_loading_the_demo_again_keeps_the_rights_recorded_since():
    """`make run` loads the demo at every start: a restart must not give Dominique back the right that
    campaign_demo took away (he is the non-recourant a non-recours campaign finds), nor undo a
    recalculation's new rights; the rest of a demo file is still brought up to date."""
    load_demo_files()
    dominique = AllocataireFile.objects.get(number="0000006")
    assert dominique.rights  # the portal's demo: he receives the prime d'activité
    AllocataireFile.objects.filter(pk=dominique.pk).update(rights=[], housing={})
    load_demo_files()
    dominique.refresh_from_db()
    assert dominique.rights == []
    assert dominique.housing  # the demo's housing restored


def test_the_demo_files_go_through_the_check_of_every_writer(monkeypatch):
    from django.core.exceptions import ValidationError

    from benefits.claims import demo

    # Ange (an owner) living in La Réunion: an overseas file is stored, though the core does not
    # compute it yet; a tenant without a rent is refused, with the file's number, and not stored.
    files = [
        (*row[:5], {"status": "owner", "commune_insee": "97411"}, row[6]) if row[0] == "ange" else row
        for row in demo.FILES
    ]
    monkeypatch.setattr(demo, "FILES", files)
    load_demo_files()
    assert AllocataireFile.objects.get(number="0000004").housing["commune_insee"] == "97411"
    files = [
        (*row[:5], {"status": "tenant_private", "zone": 2}, row[6]) if row[0] == "lucie" else row
        for row in files
    ]
    monkeypatch.setattr(demo, "FILES", files)
    AllocataireFile.objects.all().delete()
    with pytest.raises(ValidationError) as refused:
        load_demo_files()
    assert refused.value.message_dict["housing"] == [
        "Dossier 0000005\u00a0: «\u00a0rent\u00a0»\u00a0: Le loyer est obligatoire pour un locataire."
    ]
    assert not AllocataireFile.objects.exists()  # the demo's files are loaded all or none
