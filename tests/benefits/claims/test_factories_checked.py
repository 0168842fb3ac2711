"""The tests' factories and the sample letters' files go through the check of every writer
(benefits/claims/file_checks.py, by the model's full_clean()): tests and samples cannot build a file
the portal would refuse."""

import pytest
from django.core.exceptions import ValidationError

from benefits.claims.demo import FILES
from benefits.claims.file_checks import file_problems
from benefits.claims.file_holder import holder_identity
from benefits.letters import samples
from tests.benefits.campaigns.helpers import make_file
from tests.benefits.claims.factories import file_factory

pytestmark = pytest.mark.django_db


def test_the_file_factory_refuses_what_the_portal_refuses():
    with pytest.raises(ValidationError) as refused:
        file_factory(housing={"status": "castle"})
    assert "housing" in refused.value.message_dict


def test_the_file_factory_makes_the_holder_its_applicant_whatever_identity_a_test_gives():
    file = file_factory(family_name="CŒUR-LÆTITIA", given_names="Éloïse", birth_date="1990-07-14")
    applicant = file.members[0]
    assert (applicant["family_name"], applicant["given_names"], applicant["birth_date"]) == (
        "CŒUR-LÆTITIA",
        "Éloïse",
        "1990-07-14",
    )
    assert (
        file_problems(
            members=file.members, housing=file.housing, rights=file.rights, holder=holder_identity(file)
        )
        == {}
    )


def test_the_campaigns_file_builder_refuses_what_the_portal_refuses():
    with pytest.raises(ValidationError):
        make_file(number="0000901", nir="2850375056101", children=["2999-01-01"])


@pytest.mark.parametrize("key", [entry[0] for entry in FILES])
def test_every_sample_file_passes_the_check(key):
    with samples.rolled_back():
        file = samples.demo_file(key)
        assert file.pk is not None
        assert (
            file_problems(
                members=file.members, housing=file.housing, rights=file.rights, holder=holder_identity(file)
            )
            == {}
        )


def test_a_sample_file_the_portal_would_refuse_is_not_stored(monkeypatch):
    members_of = samples.members_of

    def members_born_later(*args):
        members = members_of(*args)
        members[0]["birth_date"] = "2999-01-01"
        return members

    monkeypatch.setattr(samples, "members_of", members_born_later)
    with pytest.raises(ValidationError) as refused, samples.rolled_back():
        samples.demo_file("jean-pierre")
    assert "members" in refused.value.message_dict
