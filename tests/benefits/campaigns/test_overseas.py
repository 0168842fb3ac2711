"""An overseas file (stored through the one check, benefits/claims/file_checks.py, which accepts it) is
not computed by the core yet: every kind of campaign skips it with the core's reason, writes no letter
and no payment, and computes the other files as usual."""

import json
from decimal import Decimal

import pytest

from benefits.campaigns.models import CampaignResult, Outcome, PaymentOrder
from benefits.campaigns.services import campaign_create, campaign_launch
from benefits.claims.file_checks import file_check
from benefits.letters.models import Letter
from benefits.rules.input_values import OVERSEAS_FR
from tests.benefits.campaigns.helpers import make_file

pytestmark = pytest.mark.django_db
MONTH = "2026-12"
REUNION = {"status": "tenant_social", "rent": 420, "commune_insee": "97411"}


@pytest.mark.parametrize(
    ("kind", "rights"),
    [
        ("non_recours", []),
        ("recalcul", [{"benefit": "rsa", "amount": "310.55"}]),
        ("aide_exceptionnelle", [{"benefit": "rsa", "amount": "310.55"}]),
    ],
)
def test_a_campaign_skips_an_overseas_file_with_the_cores_reason(
    kind, rights, operator, django_capture_on_commit_callbacks
):
    overseas = make_file(number="0097411", nir="2850397411104", housing=REUNION, rights=rights)
    file_check(members=overseas.members, housing=overseas.housing, rights=overseas.rights)  # storable
    mainland = make_file(number="0069123", nir="2850369123105", activity="inactive", rights=rights)
    campaign = campaign_create(kind=kind, month=MONTH, threshold=Decimal(10), by=operator, chunk_size=10)
    with django_capture_on_commit_callbacks(execute=True):
        campaign_launch(campaign=campaign, by=operator)
    campaign.refresh_from_db()
    assert campaign.status == "terminee"
    result = CampaignResult.objects.get(campaign=campaign, file=overseas)
    assert result.outcome == Outcome.INVALID and result.departement == "974"
    assert OVERSEAS_FR in json.dumps(result.explanation, ensure_ascii=False)
    assert result.letter_id is None and result.new_amounts == {}
    assert not Letter.objects.filter(file=overseas).exists()
    assert not PaymentOrder.objects.filter(file=overseas).exists()
    other = CampaignResult.objects.get(campaign=campaign, file=mainland)
    assert other.outcome != Outcome.INVALID and other.explanation == {}
