"""A chunk's results as written: COPY's text on PostgreSQL (values escaped), bulk_create on SQLite,
the same rows either way; written twice, once; and the campaign finished by one statement."""

import json
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone

from benefits.campaigns.chunks import objects_texts, results_insert, results_text
from benefits.campaigns.evaluate import Evaluation
from benefits.campaigns.households import departement
from benefits.campaigns.kinds import Decision
from benefits.campaigns.models import (
    Campaign,
    CampaignChunk,
    CampaignResult,
    CampaignStatus,
    ChunkStatus,
    Outcome,
)
from benefits.campaigns.services import campaign_maybe_finish
from portal.pg_copy import copy_text
from tests.benefits.campaigns.helpers import make_file

pytestmark = pytest.mark.django_db(transaction=True)

VERSIONS = {"engine_version": "2026.12\\a", "parameters_version": "p\t1"}
ERRORS = [{"field": "members.0.birth_date", "message": 'Date « invalide »\tligne\n2 \\ "fin"'}]


def evaluations(files):
    notified, invalid, other = files
    return [
        Evaluation(
            {"pk": notified.pk, "commune": "2A004"},
            Decision(
                Outcome.NOTIFIED, {"ppa": "180.10"}, {"ppa": "195.40", "rsa": "0.00"}, Decimal("195.40")
            ),
            [],
            None,
            {},
        ),
        Evaluation({"pk": invalid.pk, "commune": None}, Decision(Outcome.INVALID), ERRORS, None, {}),
        Evaluation({"pk": other.pk, "commune": "97411"}, Decision(Outcome.NOT_CONCERNED), [], None, {}),
    ]


def test_results_are_written_with_their_values_escaped_and_once_when_written_twice():
    files = [make_file(number=f"00000{i}", nir=f"18501750120{i:02d}") for i in range(3)]
    campaign = Campaign.objects.create(kind="recalcul", month="2026-12", status=CampaignStatus.RUNNING)
    for _ in range(2):  # the second time every row conflicts: skipped
        with transaction.atomic():
            results_insert(campaign, evaluations(files), {files[0].pk: 41}, VERSIONS)
    rows = {r.file_id: r for r in CampaignResult.objects.filter(campaign=campaign)}
    assert len(rows) == 3
    notified, invalid, other = (rows[f.pk] for f in files)
    assert (notified.outcome, notified.departement, notified.letter_id) == ("notifie", "2A", 41)
    assert notified.old_amounts == {"ppa": "180.10"}
    assert notified.new_amounts == {"ppa": "195.40", "rsa": "0.00"}
    assert notified.total == Decimal("195.40")
    assert (notified.engine_version, notified.parameters_version) == ("2026.12\\a", "p\t1")
    assert (
        invalid.explanation == {"errors": ERRORS} and invalid.departement == "" and invalid.letter_id is None
    )
    assert (other.outcome, other.departement, other.old_amounts, other.total) == (
        "non_concerne",
        "974",
        {},
        0,
    )


def test_a_campaign_is_finished_once_it_has_no_queued_chunk():
    campaign = Campaign.objects.create(kind="recalcul", month="2026-12", status=CampaignStatus.RUNNING)
    first = CampaignChunk.objects.create(campaign=campaign, first_pk=1, last_pk=10, status=ChunkStatus.DONE)
    CampaignChunk.objects.create(campaign=campaign, first_pk=11, last_pk=20)
    assert campaign_maybe_finish(campaign_id=campaign.pk) is False
    CampaignChunk.objects.filter(campaign=campaign).exclude(pk=first.pk).update(status=ChunkStatus.PARKED)
    assert campaign_maybe_finish(campaign_id=campaign.pk) is True
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.DONE and campaign.finished_at is not None
    assert campaign_maybe_finish(campaign_id=campaign.pk) is False  # done already: not finished again
    paused = Campaign.objects.create(kind="recalcul", month="2026-12", status=CampaignStatus.PAUSED)
    assert campaign_maybe_finish(campaign_id=paused.pk) is False


@pytest.mark.django_db(transaction=False)
def test_the_amounts_encoded_in_one_call_are_each_dicts_own_escaped_text():
    values = [
        {},
        {"ppa": "180.10"},
        {"a": {"x": 1}, "b": [1, 2]},
        {"ppa": "195.40", "rsa": "0.00"},
        {},
        {"note": "a\\b \u2019"},
    ]
    one_by_one = [json.dumps(v, separators=(",", ":")).replace("\\", "\\\\")[1:-1] for v in values]
    assert objects_texts(values) == one_by_one
    assert objects_texts([]) == []
    # a "},{" inside a value would cut one text too many: each dict is then encoded alone
    tricky = [{"a": "},{"}, {"b": [{"c": 1}, {"d": 2}]}, {}]
    assert objects_texts(tricky) == [
        json.dumps(v, separators=(",", ":")).replace("\\", "\\\\")[1:-1] for v in tricky
    ]


@pytest.mark.django_db(transaction=False)
def test_the_results_text_is_each_lines_own_text_when_files_share_a_decision():
    """The not-concerned files share one decision (evaluate.py) and results_text writes their line's
    end once: every line is still its own evaluation's, letters and errors included."""
    shared = Decision(Outcome.NOT_CONCERNED)
    notified = Decision(Outcome.NOTIFIED, {"ppa": "180.10"}, {"ppa": "195.40"}, Decimal("195.40"))
    rows = [
        Evaluation({"pk": 1, "commune": "69123"}, shared, [], None, {}),
        Evaluation({"pk": 2, "commune": "2A004"}, notified, [], None, {}),
        Evaluation({"pk": 3, "commune": None}, shared, [], None, {}),
        Evaluation({"pk": 4, "commune": "97411"}, shared, ERRORS, None, {}),
        Evaluation({"pk": 5, "commune": "75056"}, shared, [], None, {}),
        Evaluation({"pk": 6, "commune": "75056"}, shared, [], None, {}),
        Evaluation(
            {"pk": 7, "commune": "13055"}, Decision(Outcome.UNCHANGED, {}, {}, Decimal(0)), [], None, {}
        ),
    ]
    letters = {2: 40, 6: 41}
    now = timezone.now()

    def escaped(value):
        return json.dumps(value, separators=(",", ":")).replace("\\", "\\\\")

    expected = "".join(
        f"9\t{e.file['pk']}\t{e.decision.outcome.value}\t{copy_text(departement(e.file['commune']))}"
        f"\t{escaped(e.decision.old)}\t{escaped(e.decision.new)}\t{e.decision.total}"
        f"\t{escaped({'errors': e.errors}) if e.errors else '{}'}\t{copy_text(VERSIONS['engine_version'])}"
        f"\t{copy_text(VERSIONS['parameters_version'])}\t{letters.get(e.file['pk'], '\\N')}"
        f"\t{now.isoformat(sep=' ')}\n"
        for e in rows
    )
    assert results_text(9, rows, letters, VERSIONS, now) == expected
