"""A notified demo person sees the campaign's message and its letter in Mon espace."""

from decimal import Decimal

import pytest
from django.test import Client

from benefits.campaigns.demo_load import DEMO_NON_RECOURANT
from benefits.campaigns.models import Outcome
from benefits.campaigns.services import campaign_create, campaign_launch
from benefits.claims.models import AllocataireFile
from benefits.letters.models import Letter, LetterStatus
from benefits.letters.services import letter_render
from benefits.simulator.formatting import euros
from portal.management.commands.load_demo_data import Command as LoadDemo
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal_demo(db, tmp_path):
    from benefits.campaigns.demo_load import campaign_demo_load

    LoadDemo().handle()
    return campaign_demo_load(households=10, last_month="2026-11", seed=3, folder=tmp_path)


def test_the_demo_non_recourant_is_told_in_mon_espace_with_the_letter(
    portal_demo, django_capture_on_commit_callbacks
):
    file = AllocataireFile.objects.get(number=DEMO_NON_RECOURANT)
    assert file.rights == []
    campaign = campaign_create(kind="non_recours", month="2026-12", threshold=Decimal(10), by=None)
    with django_capture_on_commit_callbacks(execute=True):
        campaign_launch(campaign=campaign, by=None)
    result = campaign.results.get(file=file)
    assert result.outcome == Outcome.NOTIFIED and result.letter_id
    letter = Letter.objects.get(pk=result.letter_id)
    assert letter.kind == "eligibility" and letter.context["complete_with"] == "campaign"
    assert letter.subject == "Vous pourriez avoir droit à une aide"  # not the operator's label
    # In full: a bare path means nothing on paper.
    assert letter.context["campaign"]["claim_url"] == "http://127.0.0.1:8000/mon-espace/demarches/"
    rendered = letter_render(letter_id=letter.pk)  # completes the context from what the chunk froze
    assert rendered.status == LetterStatus.READY
    assert rendered.context["benefits"] and "complete_with" not in rendered.context

    user = UserFactory()
    file.user = user
    file.save(update_fields=["user"])
    client = Client()
    client.force_login(user)
    html = client.get("/mon-espace/").content.decode()
    assert "Vous pourriez avoir droit à une aide" in html
    assert f'href="/mon-espace/courriers/{letter.pk}/"' in html
    page = client.get(f"/mon-espace/courriers/{letter.pk}/")
    assert page.status_code == 200
    # The same total per month in Mon espace's message and in the letter.
    total = euros(result.total)
    assert f"vous pourriez recevoir environ {total} par mois" in html
    assert f"vous pourriez recevoir environ <strong>{total}</strong> par mois" in page.content.decode()


def notified_message(amounts: dict) -> str:
    """Mon espace's page for a household a non-recours campaign told about `amounts`."""
    from benefits.campaigns.models import Campaign, CampaignResult
    from tests.benefits.campaigns.helpers import make_file

    user = UserFactory()
    file = make_file(number="7700001", nir="185037512345641")
    file.user = user
    file.save(update_fields=["user"])
    campaign = Campaign.objects.create(kind="non_recours", month="2026-12")
    CampaignResult.objects.create(
        campaign=campaign,
        file=file,
        outcome=Outcome.NOTIFIED,
        new_amounts=amounts,
        total=sum(Decimal(v) for v in amounts.values()),
        engine_version="t",
        parameters_version="t",
    )
    client = Client()
    client.force_login(user)
    return client.get("/mon-espace/").content.decode()


def test_a_housing_aid_estimate_is_not_called_a_prefilled_claim():
    html = notified_message({"aide_logement": "230.00"})
    assert "Vous pourriez avoir droit à une aide" in html
    assert "préremplie" not in html and "Faire ma demande" not in html
    assert "https://www.caf.fr/allocataires/mes-services-en-ligne/faire-une-demande-de-prestation" in html


def test_a_prime_d_activite_estimate_names_the_prefilled_claim_and_the_housing_aid_apart():
    html = notified_message({"ppa": "180.00", "aide_logement": "230.00"})
    assert "pour\u00a0: Prime d’activité. Vérifiez-la" in html
    assert "Faire ma demande" in html
    assert "caf.fr" in html
