"""A quarter is declared once (issue 17 D2): refused by the service and the database, not offered again."""

import re

import pytest
from django.db import IntegrityError, transaction

from benefits.claims.models import Claim, ClaimDraft
from benefits.claims.services import AlreadyDeclared, claim_draft_open
from tests.benefits.claims.factories import confirm_all, file_factory

pytestmark = pytest.mark.django_db


def file_one_declaration(client, user):
    file = file_factory(user=user)
    edit_url = client.post("/mon-espace/demarches/nouvelle/dtr/")["Location"]
    client.post(edit_url, confirm_all(ClaimDraft.objects.get(user=user)) | {"action": "save"})
    client.post(edit_url + "verifier/")
    return file, Claim.objects.get(file=file)


def test_the_service_refuses_a_second_declaration_of_the_same_quarter(logged_client, user):
    file, claim = file_one_declaration(logged_client, user)
    with pytest.raises(AlreadyDeclared) as refused:
        claim_draft_open(file=file, by=user, kind="dtr", channel="home")
    assert refused.value.claim == claim
    # Another month is another quarter.
    assert (
        claim_draft_open(file=file, by=user, kind="dtr", channel="home", month="2026-12").month == "2026-12"
    )


def test_the_database_refuses_it_too(logged_client, user):
    file, claim = file_one_declaration(logged_client, user)
    draft = ClaimDraft.objects.create(file=file, user=user, kind="dtr", month=claim.month, data={})
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(
            draft=draft,
            key=draft.key,
            file=file,
            kind="dtr",
            month=claim.month,
            inputs={},
            household={},
            estimate={},
        )


def test_mon_espace_no_longer_offers_it_and_lines_name_their_period(logged_client, user):
    file_one_declaration(logged_client, user)
    page = logged_client.get("/mon-espace/").content.decode()
    assert 'action="/mon-espace/demarches/nouvelle/dtr/"' not in page
    assert "revenus d’août à octobre 2026" in page
    assert "Votre déclaration trimestrielle (revenus d’août à octobre 2026) est déposée" in page
    response = logged_client.post("/mon-espace/demarches/nouvelle/dtr/", follow=True)
    assert "Vous avez déjà déclaré vos revenus d’août à octobre 2026" in response.content.decode()
    assert Claim.objects.filter(file__user=user).count() == 1
    assert not ClaimDraft.objects.open().filter(user=user).exists()


def test_mon_espace_names_the_filing_date_once_then_beside_a_later_status(logged_client, user):
    """ "Déposée depuis le 2 décembre (déposée le 2 décembre)" said the same thing twice."""
    from benefits.claims.filing import claim_set_status
    from benefits.claims.models import Status
    from portal.dates import long_date

    _, claim = file_one_declaration(logged_client, user)
    filed_on = long_date(claim.filed_at)
    page = " ".join(logged_client.get("/mon-espace/").content.decode().split())
    assert f"<strong>Déposée</strong> depuis le {filed_on}" in page
    assert "(déposée le" not in page
    claim_set_status(claim=claim, status=Status.INSTRUCTING, by=user, channel="agent")
    page = " ".join(logged_client.get("/mon-espace/").content.decode().split())
    assert f"<strong>En instruction</strong> depuis le {long_date(claim.history.last().at)}" in page
    assert f"(déposée le {filed_on})" in page


def test_in_english_a_filed_lines_colon_has_no_space_before_it(logged_client, user, settings):
    """« … income from August to October 2026 : Filed » (walk13b): the colon after the link was the
    French one, written in the template; it is the translated colon now."""
    file_one_declaration(logged_client, user)
    # Spaces collapsed, not the no-break ones (str.split() would take them too).
    french = re.sub(r"[ \n]+", " ", logged_client.get("/mon-espace/").content.decode())
    assert "revenus d’août à octobre 2026</a>\u00a0: <strong>Déposée</strong>" in french
    logged_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = re.sub(r"[ \n]+", " ", logged_client.get("/mon-espace/").content.decode())
    assert "2026</a>: <strong>Filed</strong>" in page and "</a>\u00a0:" not in page
