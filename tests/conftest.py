import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from tests.cache import cache_clear_own
from tests.factories import UserFactory


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def logged_client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache (rate-limit counters, emulator state): its process's own."""
    cache_clear_own()
    yield
    cache_clear_own()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language (French): a request in English through the test
    client, or a test that activates English, leaves that language active in the process's thread, and
    a later test reading a message outside a request then read it in English (seen in CI on
    test_postal_codes, in an order pytest-xdist chose)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, then (PostgreSQL) the least-privilege role for every test (tests/database_roles.py)."""
    from tests.database_roles import use_app_role

    with django_db_blocker.unblock():
        use_app_role()
    yield
