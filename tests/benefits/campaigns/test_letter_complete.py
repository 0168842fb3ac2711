"""A campaign letter: the chunk freezes its input, the rendering completes it (benefits/letters/completion.py)."""

from decimal import Decimal

import pytest

from benefits.campaigns.evaluate import explained
from benefits.campaigns.letter_complete import ExplanationMismatch, frozen_household
from benefits.campaigns.models import Outcome
from benefits.campaigns.services import campaign_create, campaign_launch
from benefits.letters.completion import completed_context
from benefits.letters.documents import letter_html
from benefits.letters.models import Letter, LetterStatus
from benefits.letters.services import letter_render

pytestmark = pytest.mark.django_db


def launched(kind, capture, operator):
    campaign = campaign_create(kind=kind, month="2026-12", threshold=Decimal(10), by=operator, chunk_size=30)
    with capture(execute=True):
        campaign_launch(campaign=campaign, by=operator)
    return campaign


@pytest.mark.parametrize("kind", ["non_recours", "recalcul", "aide_exceptionnelle"])
def test_the_chunk_writes_a_frozen_context_that_completes_to_the_decided_amounts(
    kind, demo_file, operator, django_capture_on_commit_callbacks
):
    campaign = launched(kind, django_capture_on_commit_callbacks, operator)
    result = campaign.results.filter(outcome=Outcome.NOTIFIED).first()
    letter = Letter.objects.get(pk=result.letter_id)
    frozen = letter.context
    assert frozen["complete_with"] == "campaign" and "benefits" not in frozen
    household = frozen_household(frozen["campaign"], "2026-12")
    assert household["persons"] and frozen["campaign"]["new"] == result.new_amounts
    full = completed_context(frozen)
    assert completed_context(frozen) == full  # the same input completes to the same letter
    assert full["campaign"] == frozen["campaign"] and full["addressee"] == frozen["addressee"]
    assert full["issued_on"] == frozen["issued_on"] and full["engine_version"] == result.engine_version
    lines = {line["name"]: line for line in full["benefits"]}
    assert lines and all(line["steps"] for line in lines.values())
    if kind == "aide_exceptionnelle":
        assert Decimal(full["amount"]) == result.total
    else:
        assert all(
            Decimal(lines[name]["amount"]) == Decimal(amount) for name, amount in result.new_amounts.items()
        )
    assert result.file.number in letter_html(letter)  # displayed (completed in memory) before the render


def test_the_non_recours_explanation_is_the_cores_on_the_frozen_household(
    demo_file, operator, django_capture_on_commit_callbacks
):
    campaign = launched("non_recours", django_capture_on_commit_callbacks, operator)
    result = campaign.results.filter(outcome=Outcome.NOTIFIED).first()
    frozen = Letter.objects.get(pk=result.letter_id).context
    core = explained(frozen_household(frozen["campaign"], "2026-12"), "2026-12")["explanation"]
    full = completed_context(frozen)
    for line in full["benefits"]:
        assert [step["label"] for step in line["steps"]] == [
            step["label"] for step in core[line["name"]]["steps"]
        ]


def test_rendering_stores_the_completed_context_once(
    demo_file, operator, django_capture_on_commit_callbacks, render_letters, monkeypatch
):
    monkeypatch.setattr("benefits.letters.services.letter_enqueue", lambda letter: None)
    campaign = launched("recalcul", django_capture_on_commit_callbacks, operator)
    letter = Letter.objects.get(pk=campaign.results.filter(outcome=Outcome.NOTIFIED).first().letter_id)
    rendered = letter_render(letter_id=letter.pk)
    assert rendered.status == LetterStatus.READY and "complete_with" not in rendered.context
    assert rendered.context == completed_context(letter.context)
    assert letter_render(letter_id=letter.pk).context == rendered.context  # ready: left alone


def test_a_letter_whose_explanation_no_longer_gives_the_decided_amount_fails_instead_of_lying(
    demo_file, operator, django_capture_on_commit_callbacks, render_letters, monkeypatch
):
    monkeypatch.setattr("benefits.letters.services.letter_enqueue", lambda letter: None)
    campaign = launched("recalcul", django_capture_on_commit_callbacks, operator)
    letter = Letter.objects.get(pk=campaign.results.filter(outcome=Outcome.NOTIFIED).first().letter_id)
    name = next(iter(letter.context["campaign"]["new"]))
    letter.context["campaign"]["new"][name] = "1.00"  # as if the rules had changed since the chunk
    letter.save(update_fields=["context"])
    with pytest.raises(ExplanationMismatch):
        letter_render(letter_id=letter.pk)
    letter.refresh_from_db()
    assert letter.attempts == 1 and letter.status == LetterStatus.QUEUED and "complete_with" in letter.context


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("non_recours", "Au total, vous pourriez recevoir environ <strong>{}</strong> par mois"),
        ("recalcul", "sont de <strong>{}</strong> par mois au total"),
    ],
)
def test_the_letter_states_the_total_per_month_that_mon_espace_announces(
    kind, sentence, demo_file, operator, django_capture_on_commit_callbacks
):
    from benefits.simulator.formatting import euros

    campaign = launched(kind, django_capture_on_commit_callbacks, operator)
    result = campaign.results.filter(outcome=Outcome.NOTIFIED).first()
    letter = Letter.objects.get(pk=result.letter_id)
    full = completed_context(letter.context)
    assert result.total > 0 and Decimal(full["total"]) == result.total  # Mon espace shows result.total
    lines = sum(Decimal(line["amount"]) for line in full["benefits"] if line["eligible"])
    assert lines == result.total  # and the benefits listed add up to it
    assert sentence.format(euros(result.total)) in letter_html(letter)


def test_a_zero_right_on_the_file_does_not_hide_its_estimate_from_the_non_recours_letter(
    operator, django_capture_on_commit_callbacks
):
    """A right recorded at 0 € is not received (kinds.receives): the campaign estimates it, and the
    letter lists it beside the others its total adds up."""
    from benefits.letters.presenters import eligibility
    from tests.benefits.campaigns.helpers import make_file

    file = make_file(number="0000077", nir="185037512345641", rights=[{"benefit": "rsa", "amount": "0.00"}])
    campaign = launched("non_recours", django_capture_on_commit_callbacks, operator)
    result = campaign.results.get(file=file)
    assert result.outcome == Outcome.NOTIFIED and "rsa" in result.new_amounts
    full = completed_context(Letter.objects.get(pk=result.letter_id).context)
    assert {line["name"] for line in full["benefits"]} == set(result.new_amounts)
    listed = sum(Decimal(line["amount"]) for line in full["benefits"] if line["period"] == "month")
    assert Decimal(full["total"]) == listed == result.total
    assert "RSA" in eligibility(full)["prefilled"]
