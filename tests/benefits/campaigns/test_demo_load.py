"""The campaigns' demo loader goes through the check of every writer (benefits/claims/file_checks.py):
the overseas communes its generator draws are stored, a household the core would refuse is not."""

import dataclasses

import pytest
from django.core.exceptions import ValidationError

from benefits.campaigns import demo_load
from benefits.campaigns.demo import generate
from benefits.campaigns.demo_load import campaign_demo_load
from benefits.campaigns.feed_models import PersonNir
from benefits.claims.models import AllocataireFile

pytestmark = pytest.mark.django_db


def test_the_overseas_households_the_generator_draws_are_loaded(tmp_path):
    # Seed 3 draws a Guadeloupe tenant first (the generator is left as the bench's workload needs it).
    generated = {demo.number: demo for demo in generate(4, "2026-11", seed=3)}
    assert generated["D0000001"].housing["commune_insee"].startswith("97")
    campaign_demo_load(households=4, last_month="2026-11", seed=3, folder=tmp_path)
    overseas = AllocataireFile.objects.get(number="D0000001")
    assert overseas.housing == generated["D0000001"].housing
    assert overseas.rights == []  # the core computes no current right for it
    assert AllocataireFile.objects.filter(number__startswith="D").count() == 4


def test_a_household_the_core_would_refuse_stops_the_load_and_nothing_of_its_batch_is_stored(
    tmp_path, monkeypatch
):
    def with_one_refused(n, last_month, seed):
        for demo in generate(n, last_month, seed):
            if demo.number == "D0000002":
                applicant = {**demo.members[0], "birth_date": "1985-02-30"}
                demo = dataclasses.replace(demo, members=[applicant, *demo.members[1:]])
            yield demo

    monkeypatch.setattr(demo_load, "generate", with_one_refused)
    with pytest.raises(ValidationError) as refused:
        campaign_demo_load(households=4, last_month="2026-11", seed=7, folder=tmp_path)
    assert "Dossier D0000002" in refused.value.message_dict["members"][0]
    assert "La date 1985-02-30 n’existe pas." in refused.value.message_dict["members"][0]
    assert not AllocataireFile.objects.exists() and not PersonNir.objects.exists()
    assert not list(tmp_path.iterdir())  # no feed written either
