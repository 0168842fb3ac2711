import pytest
import requests

from tests.loopback import DjangoClientAdapter

# Tests pin the month being declared (the quarter is August–October 2026), whatever today's date.
DECLARATION_MONTH = "2026-11"
QUARTER = ["2026-08", "2026-09", "2026-10"]


@pytest.fixture(autouse=True)
def income_emulator(settings, monkeypatch):
    """The income data client reaches the emulator in-process through Django's test client: no network."""
    settings.INCOME_API_URL = "http://127.0.0.1:8000/_revenus/api/v1"
    adapter = DjangoClientAdapter()

    def session():
        http = requests.Session()
        http.mount("http://127.0.0.1:8000", adapter)
        return http

    monkeypatch.setattr("benefits.income.client.session", session)
    monkeypatch.setattr("benefits.claims.services.current_declaration_month", lambda: DECLARATION_MONTH)
    return adapter
