"""Deleting a campaign (benefits/campaigns/deletion.py): refused while it runs or is paused, and never
leaving results without their campaign, even when a chunk commits its results during the deletion."""

import threading

import pytest
from django.db import connection, transaction
from django.db.models import ProtectedError

from benefits.campaigns.chunks import chunk_lock
from benefits.campaigns.deletion import CampaignNotDeletable, campaign_delete
from benefits.campaigns.models import Campaign, CampaignChunk, CampaignResult, Outcome, PaymentOrder
from benefits.letters.models import Letter
from portal.models import JournalEntry
from tests.benefits.campaigns.helpers import make_file


def campaign_with_a_result(status: str, number: str = "0000071") -> tuple[Campaign, CampaignChunk]:
    campaign = Campaign.objects.create(kind="non_recours", month="2026-12", status=status)
    file = make_file(number=number, nir=f"185037512{number[-4:]}")
    chunk = CampaignChunk.objects.create(campaign=campaign, first_pk=file.pk, last_pk=file.pk + 10)
    result_write(campaign.pk, file)
    return campaign, chunk


def result_write(campaign_id: int, file) -> CampaignResult:
    return CampaignResult.objects.create(
        campaign_id=campaign_id,
        file=file,
        outcome=Outcome.NOTIFIED,
        new_amounts={"ppa": "100"},
        total=100,
        engine_version="t",
        parameters_version="t",
    )


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["en_cours", "en_pause"])
def test_a_running_or_paused_campaign_is_not_deleted(status):
    campaign, _chunk = campaign_with_a_result(status)
    # (A savepoint each: the refusal rolls back the deletion's transaction, here the test's.)
    with pytest.raises(CampaignNotDeletable, match="annulez-la d’abord"), transaction.atomic():
        campaign.delete()
    with pytest.raises(CampaignNotDeletable), transaction.atomic():
        Campaign.objects.filter(pk=campaign.pk).delete()  # a queryset's deletion is guarded too
    assert Campaign.objects.filter(pk=campaign.pk).exists()
    assert (
        campaign.chunks.count() == 1 and CampaignResult.objects.filter(campaign_id=campaign.pk).count() == 1
    )


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["brouillon", "terminee", "annulee"])
def test_a_finished_cancelled_or_draft_campaign_is_deleted_with_its_chunks_and_results(status, operator):
    campaign, _chunk = campaign_with_a_result(status)
    pk = campaign.pk
    letter = Letter.objects.create(file=CampaignResult.objects.get().file, kind="eligibility")
    campaign_delete(campaign=campaign, by=operator)
    assert not Campaign.objects.exists() and not CampaignChunk.objects.exists()
    assert not CampaignResult.objects.exists()
    assert Letter.objects.filter(pk=letter.pk).exists()  # the person's courrier stays
    entry = JournalEntry.objects.get(action="campaign_deleted")
    assert entry.target == f"campaign:{pk}" and entry.actor == operator


@pytest.mark.django_db
def test_a_campaign_that_paid_cannot_be_deleted():
    campaign, _chunk = campaign_with_a_result("terminee")
    PaymentOrder.objects.create(
        campaign=campaign, file=CampaignResult.objects.get().file, benefit="x", amount=10, due_on="2026-12-05"
    )
    with pytest.raises(ProtectedError), transaction.atomic():
        campaign.delete()
    assert CampaignResult.objects.filter(campaign_id=campaign.pk).exists()


def key_share_campaign(campaign_id, chunk_id):
    """What the results' writer promises (models.CampaignResult): the campaign's row key-shared in the
    transaction that writes them, as their foreign-key check did (chunks.py does it with its chunk's lock)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {Campaign._meta.db_table} WHERE id = %s FOR KEY SHARE", [campaign_id])


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "lock",
    [
        # The campaign's row only: before the guard, the cascade deleted the results it saw, then waited
        # for the campaign's row, and the writer's result, committed in between, stayed orphaned.
        key_share_campaign,
        # A real chunk also holds its own row FOR UPDATE, which the cascade's deletion of the chunks
        # waits for: safe before the guard too, but only because chunks are deleted before results.
        lambda campaign_id, chunk_id: chunk_lock(chunk_id),
    ],
    ids=["campaign_key_share", "chunk_lock"],
)
def test_a_result_committed_during_the_deletion_is_deleted_too(lock):
    """A cancelled campaign's chunk still running (it key-shared the campaign before the cancel) writes
    a result; the deletion, started meanwhile, waits for it and deletes that result too."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's row locks (CI)")  # under CI=true a skip fails (tests/environment.py)
    campaign, chunk = campaign_with_a_result("annulee")
    pk, late_file = campaign.pk, make_file(number="0000072", nir="1850375007278")
    locked, release, errors = threading.Event(), threading.Event(), []

    def running_chunk():
        try:
            with transaction.atomic():
                lock(pk, chunk.pk)
                locked.set()
                release.wait(timeout=30)
                result_write(pk, late_file)
        except Exception as error:  # noqa: BLE001 - reported to the test's thread
            errors.append(error)
        finally:
            connection.close()

    worker = threading.Thread(target=running_chunk)
    worker.start()
    assert locked.wait(timeout=30)
    deleting = threading.Thread(target=lambda: (campaign.delete(), connection.close()))
    deleting.start()
    deleting.join(timeout=1)  # the deletion waits for the writer's lock
    release.set()
    worker.join(timeout=30)
    deleting.join(timeout=30)
    assert not worker.is_alive() and not deleting.is_alive() and errors == []
    # (Not campaign.pk: Django's delete() sets it to None.)
    assert not Campaign.objects.filter(pk=pk).exists()
    assert list(CampaignResult.objects.filter(campaign_id=pk)) == [] and not CampaignResult.objects.exists()
