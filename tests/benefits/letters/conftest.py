import pytest
from django.test import TestCase

from benefits.claims import declaration
from benefits.claims.models import ClaimDraft
from benefits.claims.services import claim_submit
from benefits.letters.samples import SAMPLE_MONTH, prefilled_data
from tests.benefits.claims.conftest import income_emulator  # noqa: F401 - the declaration's prefill
from tests.benefits.claims.factories import file_factory


@pytest.fixture(autouse=True)
def letters_folder(settings, tmp_path):
    """Each test's PDFs in its own folder, so a test sees exactly the files it wrote."""
    settings.STORAGES = {
        **settings.STORAGES,
        "letters": {**settings.STORAGES["letters"], "OPTIONS": {"location": str(tmp_path / "letters")}},
    }
    return tmp_path / "letters"


@pytest.fixture
def file(user):
    return file_factory(user=user, partner_nir="1831069123103")


def committed():
    """Runs the on-commit callbacks (the letter's rendering) at the end of the block, as a real commit
    would: pytest-django's transaction is never committed."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def file_claim(file, user, channel="home", commit=True):
    """A quarterly declaration filed for `file` (every prefilled line confirmed, one corrected)."""
    data = prefilled_data(file, declaration.quarter(SAMPLE_MONTH))
    draft = ClaimDraft.objects.create(file=file, user=user, kind="dtr", month=SAMPLE_MONTH, data=data)
    if not commit:
        return claim_submit(draft=draft, by=user, channel=channel)
    with committed():
        return claim_submit(draft=draft, by=user, channel=channel)


@pytest.fixture
def claim(file, user):
    return file_claim(file, user)
