"""One aid in 12 months from the decision that granted it (CASF D214-12), one pending claim at a time:
checked against the person's own earlier claims only, never those of the other adult of the file."""

from datetime import timedelta

import pytest
from django.utils import timezone

from benefits.auu.models import UrgentClaim
from benefits.auu.services import auu_claim_set_status
from benefits.claims.models import Status
from tests.agents import agent_factory
from tests.benefits.auu.test_auu_pages import answers, file_claim, logged
from tests.benefits.claims.factories import file_factory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
NEW = "/mon-espace/demarche/nouvelle/"


def decide(claim, status=Status.ACCEPTED, days_ago=0):
    agent = agent_factory()
    auu_claim_set_status(claim=claim, status=Status.INSTRUCTING, by=agent, channel="agent")
    auu_claim_set_status(claim=claim, status=status, by=agent, channel="agent")
    claim.refresh_from_db()
    assert claim.decided_on == timezone.localdate()
    UrgentClaim.objects.filter(pk=claim.pk).update(decided_on=claim.decided_on - timedelta(days=days_ago))


def test_a_decision_records_its_date(user):
    claim = file_claim(logged(user))
    assert claim.decided_on is None
    decide(claim, Status.REFUSED)


def test_a_second_claim_while_the_first_is_pending_is_not_filed(user):
    client = logged(user)
    first = file_claim(client)
    page = client.get(NEW).content.decode()
    assert "Vous avez déjà une demande en cours" in page
    response = client.post(NEW, answers())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vous avez déjà une demande en cours, déposée le" in html
    assert timezone.localtime(first.filed_at).strftime("%d/%m/%Y") in html
    assert UrgentClaim.objects.filter(user=user).count() == 1


def test_within_twelve_months_of_an_aid_granted_a_new_claim_is_refused_with_the_date(user):
    client = logged(user)
    first = file_claim(client)
    decide(first, days_ago=100)
    granted = timezone.localdate() - timedelta(days=100)
    response = client.post(NEW, answers())
    assert response.status_code == 200
    html = response.content.decode()
    assert f"L’aide vous a été accordée le {granted:%d/%m/%Y}" in html
    assert "qu’une fois par période de 12 mois" in html
    assert UrgentClaim.objects.filter(user=user).count() == 1
    assert "Vous pourrez la demander de nouveau à partir du" in client.get(NEW).content.decode()


def test_a_refused_claim_or_an_aid_of_more_than_twelve_months_does_not_block(user):
    client = logged(user)
    decide(file_claim(client), Status.REFUSED)
    second = file_claim(client)  # a refusal is no aid granted
    decide(second, days_ago=367)
    assert "12 mois" not in client.get(NEW).content.decode().split("<form")[0].split("</h1>")[-1]
    file_claim(client)
    assert UrgentClaim.objects.filter(user=user).count() == 3


def test_the_other_adult_of_the_file_is_neither_blocked_nor_told(user):
    holder = UserFactory()
    file_factory(user=holder, partner_nir="1830475056102")
    decide(file_claim(logged(user)))  # the partner's own aid, granted today
    other = logged(holder)
    page = other.get(NEW).content.decode()
    assert "déjà une demande" not in page and "12 mois" not in page.split("<form")[0].split("</h1>")[-1]
    file_claim(other)
    assert UrgentClaim.objects.filter(user=holder).count() == 1
