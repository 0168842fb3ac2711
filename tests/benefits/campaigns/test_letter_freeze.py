"""A chunk's frozen contexts as text (letter_freeze.Freezer): the reference shape's JSON value exactly."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from benefits.campaigns.letter_complete import frozen_household
from benefits.campaigns.letter_freeze import (
    COMPLETE_WITH,
    ENCODE,
    ENCODER,
    LETTER_CONTEXT_KINDS,
    Freezer,
    addressee_of,
)
from benefits.campaigns.models import Outcome
from benefits.campaigns.payments import next_payment_day
from benefits.campaigns.services import campaign_create, campaign_launch
from benefits.letters.models import Letter
from benefits.rules import ENGINE_VERSION, parameters_version

pytestmark = pytest.mark.django_db


def reference_context(*, campaign, evaluation, issued_on, payment_day, claim_url, changed_incomes) -> dict:
    """The frozen context's shape as one dict (letter_freeze's docstring): what Freezer's text must be,
    its `household_as_read` apart (the household with its incomes as the feed gave them: checked
    against the evaluation's household instead)."""
    decision = evaluation.decision
    return {
        "kind": LETTER_CONTEXT_KINDS[campaign.kind],
        "complete_with": COMPLETE_WITH,
        "issued_on": issued_on.isoformat(),
        "addressee": addressee_of(evaluation.file),
        "month": campaign.month,
        "engine_version": ENGINE_VERSION,
        "parameters_version": parameters_version(),
        "campaign": {
            "id": campaign.pk,
            "kind": campaign.kind,
            "rights": {name: str(amount) for name, amount in evaluation.rights.items()},
            "old": decision.old,
            "new": decision.new,
            "payment": str(decision.payment),
            "payment_day": payment_day.isoformat(),
            "claim_url": claim_url,
            "changed_incomes": changed_incomes,
        },
    }


@pytest.mark.parametrize("kind", ["non_recours", "recalcul", "aide_exceptionnelle"])
def test_each_letters_text_is_the_reference_frozen_context_and_is_stored_as_such(
    kind, demo_file, operator, django_capture_on_commit_callbacks, monkeypatch
):
    written = []
    text = Freezer.text

    def spy(self, evaluation, changed_incomes):
        written.append((evaluation, changed_incomes, text(self, evaluation, changed_incomes)))
        return written[-1][2]

    monkeypatch.setattr(Freezer, "text", spy)
    campaign = campaign_create(kind=kind, month="2026-12", threshold=Decimal(10), by=operator, chunk_size=30)
    with django_capture_on_commit_callbacks(execute=True):
        campaign_launch(campaign=campaign, by=operator)
    today = timezone.localdate()
    assert written
    for evaluation, changed_incomes, frozen_text in written:
        reference = reference_context(
            campaign=campaign,
            evaluation=evaluation,
            issued_on=today,
            payment_day=next_payment_day(today),
            claim_url=settings.PORTAL_PUBLIC_URL + reverse("claims:index"),
            changed_incomes=changed_incomes,
        )
        frozen = json.loads(frozen_text)
        frozen_input = frozen["campaign"].pop("household_as_read")
        assert frozen == reference
        assert frozen_household({"household_as_read": frozen_input}, campaign.month) == evaluation.household
        result = campaign.results.get(file_id=evaluation.file["pk"])
        assert result.outcome == Outcome.NOTIFIED
        letter = Letter.objects.get(pk=result.letter_id)
        # read back as the same dict, on PostgreSQL as on SQLite
        assert letter.context == {
            **reference,
            "campaign": {**reference["campaign"], "household_as_read": frozen_input},
        }
        assert (letter.engine_version, letter.parameters_version) == (
            reference["engine_version"],
            reference["parameters_version"],
        )


def test_the_reused_encoder_writes_what_djangos_encoder_writes():
    value = {
        "household": {"persons": [{"id": "a", "incomes": {"salary": {"2026-09": 1959.66}}}], "rent": 473},
        "addressee": {"name": 'Léa Müller-D’Arc \\ "x"\n', "address": ""},
        "old": {"ppa": "50.93"},
        "payment": Decimal("12.50"),
        "issued_on": date(2026, 12, 2),
        "nothing": None,
        "flags": [True, False],
    }
    assert ENCODE(value) == ENCODER.encode(value)
    assert json.loads(ENCODE(value))["addressee"]["name"] == 'Léa Müller-D’Arc \\ "x"\n'
