"""`make run` has no broker: a launched campaign runs in a thread of the web process, so the operator's
request returns at once and the progress page shows it moving (CAMPAIGNS_RUN_IN_THREAD)."""

import threading
from decimal import Decimal

import pytest

from benefits.campaigns import enqueue
from benefits.campaigns.models import CampaignResult, CampaignStatus
from benefits.campaigns.services import campaign_create, campaign_launch
from benefits.claims.models import AllocataireFile


@pytest.mark.django_db(transaction=True)
def test_a_launch_without_broker_returns_and_the_campaign_ends_in_a_thread(
    demo_file, operator, settings, monkeypatch
):
    settings.CAMPAIGNS_RUN_IN_THREAD = True
    threads = []
    real = enqueue.in_background
    monkeypatch.setattr(enqueue, "in_background", lambda f, **kw: threads.append(real(f, **kw)))
    campaign = campaign_create(
        kind="non_recours", month="2026-12", threshold=Decimal(10), by=operator, chunk_size=5
    )
    campaign = campaign_launch(campaign=campaign, by=operator)
    assert campaign.status == CampaignStatus.RUNNING
    # One thread for the dispatcher; the chunks it enqueues run in that same thread, not in more.
    assert len(threads) == 1 and threads[0] is not threading.current_thread()
    threads[0].join(timeout=120)
    assert not threads[0].is_alive()
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.DONE
    assert CampaignResult.objects.filter(campaign=campaign).count() == AllocataireFile.objects.count()
    assert len(threads) == 1


def test_without_the_setting_an_eager_task_runs_in_the_caller(settings, monkeypatch):
    settings.CAMPAIGNS_RUN_IN_THREAD = False
    called = []
    monkeypatch.setattr(enqueue, "in_background", lambda f, **kw: called.append(f))
    monkeypatch.setattr(
        enqueue.current_app.tasks[enqueue.DISPATCH_TASK], "apply_async", lambda **kw: called.append("inline")
    )
    enqueue.dispatch_enqueue(0)
    assert called == ["inline"]
