"""The income data client against the offline emulator, in-process, for each of its behaviours."""

import logging

import pytest
import requests

from benefits.income.client import IncomeUnavailable, fetch_net_social_amounts
from tests.loopback import DjangoClientAdapter

MONTHS = ["2026-08", "2026-09", "2026-10"]
BASE = "http://127.0.0.1:8000/_revenus/api/v1"


@pytest.fixture
def adapter(settings):
    settings.INCOME_API_URL = BASE
    return DjangoClientAdapter()


@pytest.fixture
def http(adapter):
    session = requests.Session()
    session.mount("http://127.0.0.1:8000", adapter)
    return session


def test_several_employers_with_the_date_of_each_declaration(http):
    report = fetch_net_social_amounts("2850375056101", MONTHS, http)
    assert len(report.lines) == 6 and report.missing_months == ()
    assert {line.employer for line in report.lines} == {"Boulangerie du Centre", "Nettoyage Services SARL"}
    assert [line.amount for line in report.lines_for("2026-09")] == ["742.18", "311.40"]
    assert report.lines_for("2026-09")[0].declared_on == "2026-10-05"


def test_a_month_without_pay_is_not_a_missing_month(http):
    report = fetch_net_social_amounts("2850375056102", MONTHS, http)
    assert [line.month for line in report.lines] == ["2026-08", "2026-10"]
    assert report.missing_months == ()


def test_an_interim_worker_has_fluctuating_pay(http):
    report = fetch_net_social_amounts("2850375056103", MONTHS, http)
    assert len({line.amount for line in report.lines}) == 3
    assert report.lines == fetch_net_social_amounts("2850375056103", MONTHS, http).lines  # deterministic


def test_partial_months_say_which_month_is_not_known_yet(http):
    report = fetch_net_social_amounts("2850375056104", MONTHS, http)
    assert [line.month for line in report.lines] == ["2026-08", "2026-09"]
    assert report.missing_months == ("2026-10",)


@pytest.mark.parametrize(
    ("nir", "reason", "calls"),
    [
        ("2850375056191", "server_error", 2),  # a 5xx is retried once (INCOME_API_RETRIES=1), then given up
        ("2850375056192", "no_data", 1),  # 404: no data for this person, not retried
        ("2850375056193", "invalid_response", 1),
    ],
)
def test_faults_become_a_typed_unavailability(http, adapter, nir, reason, calls):
    with pytest.raises(IncomeUnavailable) as raised:
        fetch_net_social_amounts(nir, MONTHS, http)
    assert raised.value.reason == reason
    assert len(adapter.calls) == calls


def test_a_slow_service_times_out_after_a_bounded_number_of_tries(settings, http, adapter):
    settings.INCOME_API_TIMEOUT = 1
    settings.INCOME_API_RETRIES = 1
    with pytest.raises(IncomeUnavailable) as raised:
        fetch_net_social_amounts("2850375056190", MONTHS, http)
    assert raised.value.reason == "timeout"
    assert len(adapter.calls) == 2


def test_a_passing_failure_is_retried_and_succeeds(http, adapter):
    report = fetch_net_social_amounts("2850375056194", MONTHS, http)
    assert len(report.lines) == 3 and len(adapter.calls) == 2


def test_the_emulator_obeys_a_forced_fault(settings, adapter):
    session = requests.Session()
    session.mount("http://127.0.0.1:8000", adapter)
    session.headers["X-Emulator-Fault"] = "not_found"
    with pytest.raises(IncomeUnavailable) as raised:
        fetch_net_social_amounts("2850375056101", MONTHS, session)
    assert raised.value.reason == "no_data"


def test_the_bearer_token_is_sent_and_checked(settings, http):
    settings.INCOME_API_TOKEN = "un-jeton-de-test"
    assert len(fetch_net_social_amounts("2850375056101", MONTHS, http).lines) == 6
    session = requests.Session()
    session.mount("http://127.0.0.1:8000", DjangoClientAdapter())
    session.headers["Authorization"] = "Bearer faux"
    settings.INCOME_API_TOKEN = ""
    response = session.post(f"{BASE}/montants-nets-sociaux", json={"nir": "2850375056101", "mois": MONTHS})
    assert response.status_code == 200  # no token configured: the emulator does not check
    settings.INCOME_API_TOKEN = "un-jeton-de-test"
    response = session.post(f"{BASE}/montants-nets-sociaux", json={"nir": "2850375056101", "mois": MONTHS})
    assert response.status_code == 401


def test_not_configured(settings):
    settings.INCOME_API_URL = ""
    with pytest.raises(IncomeUnavailable) as raised:
        fetch_net_social_amounts("2850375056101", MONTHS)
    assert raised.value.reason == "not_configured"


def test_the_nir_is_never_in_a_url_nor_in_the_logs(http, adapter, caplog):
    caplog.set_level(logging.DEBUG)
    fetch_net_social_amounts("2850375056101", MONTHS, http)
    with pytest.raises(IncomeUnavailable):
        fetch_net_social_amounts("2850375056191", MONTHS, http)
    assert adapter.calls and all("28503750561" not in path for _method, path in adapter.calls)
    assert caplog.records and "28503750561" not in caplog.text


@pytest.mark.parametrize(
    "body", [{"nir": "123", "mois": MONTHS}, {"nir": "2850375056101", "mois": ["2026-13"]}, {"mois": MONTHS}]
)
def test_the_emulator_refuses_bad_requests(client, settings, body):
    response = client.post("/_revenus/api/v1/montants-nets-sociaux", body, content_type="application/json")
    assert response.status_code == 400
    assert client.get("/_revenus/api/v1/montants-nets-sociaux").status_code == 405
