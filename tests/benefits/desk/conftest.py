import pytest

from tests.agents import agent_factory, sign_in
from tests.benefits.claims.conftest import income_emulator  # noqa: F401 - the same in-process emulator
from tests.benefits.claims.factories import file_factory
from tests.factories import UserFactory


@pytest.fixture
def agent(db):
    return agent_factory()


@pytest.fixture
def agent_client(client, agent):
    response = sign_in(client, agent)
    assert response.status_code == 302, response.content[:500]
    return client


@pytest.fixture
def camille(db):
    return UserFactory(first_name="Camille Marie", last_name="MARTIN")


@pytest.fixture
def camille_file(camille):
    return file_factory(user=camille)
