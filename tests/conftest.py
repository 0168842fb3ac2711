import pytest
from django.test import Client

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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, then (PostgreSQL) the least-privilege role for every test (tests/database_roles.py)."""
    from tests.database_roles import use_app_role

    with django_db_blocker.unblock():
        use_app_role()
    yield
