import pytest

from benefits.campaigns.demo_load import campaign_demo_load


@pytest.fixture
def demo_file(db, tmp_path):
    """A small generated file (60 households, fixed seed) with a year of imported feeds."""
    return campaign_demo_load(households=60, last_month="2026-11", seed=7, folder=tmp_path)


@pytest.fixture
def operator(db):
    from django.contrib.auth.models import Permission

    from tests.agents import agent_factory

    user = agent_factory()  # staff sign in with their second factor (benefits/desk/middleware.py)
    user.user_permissions.add(Permission.objects.get(codename="operate_campaign"))
    return user


@pytest.fixture(autouse=True)
def letters_not_rendered(request, monkeypatch):
    """Letters are requested (rows, idempotency) but their PDFs are not rendered, except in the tests
    that ask for the `render_letters` fixture: WeasyPrint for hundreds of letters would take minutes."""
    if "render_letters" not in request.fixturenames:
        monkeypatch.setattr("benefits.letters.services.letter_enqueue", lambda letter: None)


@pytest.fixture
def render_letters():
    """Asking for it keeps the letters' rendering on (see letters_not_rendered)."""
