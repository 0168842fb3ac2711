"""The short reference of an urgent claim: read out over the phone, checked, unique, on every paper."""

import html
import uuid

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from benefits.auu.models import UrgentClaim
from benefits.auu.references import ALPHABET, SHAPE, new_short_reference, normalized
from benefits.letters.models import Letter
from tests.agents import agent_factory, sign_in
from tests.benefits.auu.test_auu_pages import REVEALING, file_claim, logged
from tests.benefits.claims.factories import file_factory
from tests.factories import UserFactory


def test_a_reference_has_its_shape_and_its_check_character_catches_one_typo():
    for _ in range(200):
        reference = new_short_reference()
        assert SHAPE.fullmatch(reference) and normalized(reference) == reference
        assert normalized(reference.lower().replace("-", " ")) == reference
        compact = reference.replace("-", "")
        for position, typed in enumerate(compact):
            for other in ALPHABET.replace(typed, ""):
                assert normalized(compact[:position] + other + compact[position + 1 :]) is None
    assert normalized("7K3M-Q") is None and normalized("0K3M-Q9") is None and normalized("") is None


@pytest.mark.django_db
def test_the_receipt_the_letter_and_the_agents_list_show_the_short_reference(
    user, django_capture_on_commit_callbacks
):
    file_factory(user=user)
    with django_capture_on_commit_callbacks(execute=True):
        claim = file_claim(logged(user))
    assert SHAPE.fullmatch(claim.short_reference)
    receipt = html.unescape(logged(user).get(f"/mon-espace/demarche/{claim.reference}/").content.decode())
    assert f"référence {claim.short_reference}" in receipt.replace("<strong>", "").replace("</strong>", "")
    assert str(claim.reference) not in receipt.split("<main", 1)[1].split("</main>")[0]
    letter = Letter.objects.get(kind="confidential_receipt")
    page = logged(user).get(f"/mon-espace/courriers/{letter.pk}/").content.decode()
    assert claim.short_reference in page and not REVEALING.search(claim.short_reference)

    other = file_claim(logged(UserFactory()))
    agent = agent_factory(is_superuser=True)
    client = Client()
    sign_in(client, agent)
    listing = client.get("/gestion/benefits/urgentclaim/").content.decode()
    assert claim.short_reference in listing and other.short_reference in listing
    # The agent types what the person reads out, spaces and small letters included.
    spoken = claim.short_reference.lower().replace("-", " ")
    found = client.get("/gestion/benefits/urgentclaim/", {"q": spoken}).content.decode()
    assert f"/gestion/benefits/urgentclaim/{claim.pk}/" in found
    assert f"/gestion/benefits/urgentclaim/{other.pk}/" not in found


@pytest.mark.django_db
def test_the_database_refuses_two_claims_with_one_reference(user):
    claim = file_claim(logged(user))
    duplicate = UrgentClaim.objects.get(pk=claim.pk)
    duplicate.pk, duplicate.reference = None, uuid.uuid4()
    with pytest.raises(IntegrityError, match="short_reference"), transaction.atomic():
        duplicate.save()
