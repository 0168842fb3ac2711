import pytest

from benefits.campaigns.demo_load import campaign_demo_load
from tests.factories import UserFactory


@pytest.fixture
def demo_file(db, tmp_path):
    """A small generated file (60 households, fixed seed) with a year of imported feeds."""
    return campaign_demo_load(households=60, last_month="2026-11", seed=7, folder=tmp_path)


@pytest.fixture
def operator(db):
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="operate_campaign"))
    return user
