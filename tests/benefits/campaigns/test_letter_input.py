"""A campaign letter freezes the household the core read, its incomes as the feed gave them
(letter_freeze.input_text); its completion rebuilds that very household (letter_complete.frozen_household)."""

import copy
import json
from decimal import Decimal

import pytest

from benefits.campaigns import evaluate, households
from benefits.campaigns.letter_complete import frozen_household
from benefits.campaigns.letter_freeze import Freezer
from benefits.campaigns.models import Outcome
from benefits.campaigns.services import campaign_create, campaign_launch
from benefits.letters.completion import completed_context
from benefits.letters.documents import letter_html
from benefits.letters.models import Letter

pytestmark = pytest.mark.django_db

MONTH = "2026-12"  # the demo's feed ends in 2026-11 and its summaries keep the window 2025-08..2026-11


def feed_path(path: str, monkeypatch) -> None:
    """How the chunk reads its incomes: "summaries" as it does (a summary that is the window exactly,
    its text frozen as the database gave it); "filtered", summaries holding a month before the window
    (asked a month shorter: their series filtered, then encoded); "lines", every NIR from the lines
    (encoded)."""
    summarised = households.incomes_summarised
    if path == "filtered":
        monkeypatch.setattr(
            households,
            "incomes_summarised",
            lambda nirs, months, texts=None: summarised(nirs, months[1:], texts),
        )
    elif path == "lines":
        monkeypatch.setattr(
            households, "incomes_summarised", lambda nirs, months, texts=None: ({}, set(nirs))
        )


def core_reads(monkeypatch) -> dict[str, dict]:
    """{household id: a copy of the household as the core (or the aid's module) was given it}."""
    read: dict[str, dict] = {}
    batch, aid = evaluate.compute_batch, evaluate.aid_result

    def compute_batch(items, explain=False):
        items = list(items)
        for _id, _month, household in items:
            read[household["id"]] = copy.deepcopy(household)
        return batch(items, explain=explain)

    def aid_result(household, month, rights):
        read[household["id"]] = copy.deepcopy(household)
        return aid(household, month, rights)

    monkeypatch.setattr(evaluate, "compute_batch", compute_batch)
    monkeypatch.setattr(evaluate, "aid_result", aid_result)
    return read


def old_shape(context: dict, household: dict) -> dict:
    """The context as chunks froze it before session 9: the household itself instead of its input."""
    frozen = {name: value for name, value in context["campaign"].items() if name != "household_as_read"}
    return {**context, "campaign": {**frozen, "household": household}}


@pytest.mark.parametrize("path", ["summaries", "filtered", "lines"])
@pytest.mark.parametrize("kind", ["non_recours", "recalcul", "aide_exceptionnelle"])
def test_the_household_rebuilt_at_completion_is_the_one_the_core_read_and_the_letter_is_unchanged(
    kind, path, demo_file, operator, django_capture_on_commit_callbacks, monkeypatch
):
    month = MONTH
    feed_path(path, monkeypatch)
    read = core_reads(monkeypatch)
    kept, encoded = [], []  # the adults' incomes frozen as the summary's text, or encoded
    text = Freezer.text

    def spy(self, evaluation, changed_incomes):
        for member, person in zip(evaluation.file["members"], evaluation.household["persons"], strict=True):
            if "incomes" in person:
                (kept if member["nir"] in evaluation.incomes_texts else encoded).append(member["nir"])
        return text(self, evaluation, changed_incomes)

    monkeypatch.setattr(Freezer, "text", spy)
    campaign = campaign_create(kind=kind, month=month, threshold=Decimal(10), by=operator, chunk_size=30)
    with django_capture_on_commit_callbacks(execute=True):
        campaign_launch(campaign=campaign, by=operator)
    notified = list(campaign.results.filter(outcome=Outcome.NOTIFIED))
    assert notified
    # the path taken: summaries' texts frozen; series filtered or read from the lines, encoded
    assert kept if path == "summaries" else encoded
    assert not kept or path != "lines"
    assert any("incomes" in person for result in notified for person in read[str(result.file_id)]["persons"])
    for result in notified:
        letter = Letter.objects.get(pk=result.letter_id)
        frozen = letter.context["campaign"]
        assert "household" not in frozen and frozen["household_as_read"]["id"] == str(result.file_id)
        # nothing the household did not hold: no name, no NIR
        frozen_text = json.dumps(frozen["household_as_read"])
        assert all(member["nir"] not in frozen_text for member in result.file.members if member.get("nir"))
        core_read = read[str(result.file_id)]
        assert frozen_household(frozen, month) == core_read
        # completed from the input or from the household itself (a context frozen before): the same
        # letter, the frozen part kept as it was
        old = old_shape(letter.context, core_read)
        full, full_old = completed_context(letter.context), completed_context(old)
        assert full.pop("campaign") == frozen and full_old.pop("campaign") == old["campaign"]
        assert full == full_old
        before = copy.copy(letter)
        before.context = old
        assert letter_html(letter) == letter_html(before)
        assert letter.context["campaign"] == frozen  # completing left the frozen input unchanged


def test_a_letter_frozen_before_session_9_still_completes(
    demo_file, operator, django_capture_on_commit_callbacks
):
    """A context already in a database holds `household`: completed from it as before."""
    campaign = campaign_create(
        kind="recalcul", month=MONTH, threshold=Decimal(10), by=operator, chunk_size=30
    )
    with django_capture_on_commit_callbacks(execute=True):
        campaign_launch(campaign=campaign, by=operator)
    letter = Letter.objects.get(pk=campaign.results.filter(outcome=Outcome.NOTIFIED).first().letter_id)
    household = frozen_household(letter.context["campaign"], MONTH)
    letter.context = old_shape(letter.context, household)
    letter.save(update_fields=["context"])
    letter.refresh_from_db()
    assert frozen_household(letter.context["campaign"], MONTH) is letter.context["campaign"]["household"]
    full = completed_context(letter.context)
    assert full["campaign"]["household"] == household and full["benefits"]
