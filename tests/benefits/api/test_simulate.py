import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benefits.api.openapi import openapi_document, rewrite_refs
from benefits.rules import compute, parse_household

EXAMPLES = Path(__file__).resolve().parents[4] / "shared" / "oracle" / "examples"
FIXTURE = Path(__file__).resolve().parents[1] / "rules" / "fixtures" / "oracle_2026-06.json"


def example_households():
    households = []
    for path in sorted(EXAMPLES.glob("*.json")):
        document = json.loads(path.read_text())
        for item in document if isinstance(document, list) else [document]:
            household = dict(item.get("household", item))
            household["month"] = "2026-06"  # the examples may predate the supported months
            households.append(household)
    cases = json.loads(FIXTURE.read_text())["cases"][:5]
    return households + [case["household"] for case in cases]


def post(client, body):
    return client.post("/api/v1/simulate", json.dumps(body), content_type="application/json")


def result_schema():
    document = rewrite_refs(openapi_document())
    return {"$ref": "#/components/schemas/Result", "components": document["components"]}


@pytest.mark.django_db
@pytest.mark.parametrize("household", example_households(), ids=lambda h: h.get("id", "household"))
def test_answers_are_schema_valid_and_equal_the_core(client, household):
    response = post(client, household)
    assert response.status_code == 200
    body = response.json()
    jsonschema.validate(body, result_schema())
    expected = compute(parse_household(household)).to_dict(explain=True)
    assert body["benefits"] == expected["benefits"]
    assert body["engine_version"] == expected["engine_version"]


@pytest.mark.django_db
def test_invalid_household_lists_every_path(client):
    response = post(
        client, {"month": "2030-01", "persons": [{"id": "a", "role": "chef", "birth_date": "1990-02-30"}]}
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    paths = {error["path"] for error in response.json()["errors"]}
    assert {"month", "persons[0].role", "persons[0].birth_date"} <= paths


@pytest.mark.django_db
def test_not_json_is_a_400_problem(client):
    response = client.post("/api/v1/simulate", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["title"] == "JSON invalide"


@pytest.mark.django_db
def test_rate_limit_answers_429_with_retry_after(client, settings):
    settings.API_RATE_LIMIT_PER_MINUTE = 2
    body = example_households()[-1]
    statuses = [post(client, body).status_code for _ in range(3)]
    assert statuses[:2] == [200, 200]
    assert statuses[2] == 429
    last = post(client, body)
    assert int(last["Retry-After"]) > 0
    assert last["Content-Type"] == "application/problem+json"


@pytest.mark.django_db
def test_openapi_document_and_human_page(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert "/api/v1/simulate" in document["paths"]
    assert "Household" in document["components"]["schemas"]
    page = client.get("/api/v1/")
    assert page.status_code == 200 and "POST /api/v1/simulate" in page.content.decode()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
PERSON = st.fixed_dictionaries(
    {
        "id": JSON,
        "role": st.sampled_from(["applicant", "partner", "child", "x"]) | JSON,
        "birth_date": st.text(max_size=12) | JSON,
    },
    optional={"incomes": JSON, "activity": JSON, "disability_rate": JSON, "yearly_taxable_income": JSON},
)
HOUSEHOLDS = st.fixed_dictionaries(
    {"persons": st.lists(PERSON, max_size=3) | JSON},
    optional={
        "month": st.sampled_from(["2026-06", "2031-01", "06-2026"]) | JSON,
        "housing": JSON,
        "single_parent_since": JSON,
    },
)


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=HOUSEHOLDS | JSON)
def test_malformed_bodies_never_give_a_500(client, body, django_settings):
    django_settings.API_RATE_LIMIT_PER_MINUTE = 10_000
    response = post(client, body)
    assert response.status_code in (200, 400), response.content[:500]
    if response.status_code == 400:
        problem = response.json()
        assert problem["status"] == 400 and problem["errors"]
        assert all("path" in error and error["message"] for error in problem["errors"])


@pytest.fixture
def django_settings(settings):
    return settings


@pytest.mark.django_db
def test_rate_limit_counts_per_client_and_trusts_no_header_unless_configured(client, settings):
    settings.API_RATE_LIMIT_PER_MINUTE = 1
    body = example_households()[-1]
    spoofed = {"X-Real-IP": "203.0.113.9"}
    first = client.post(
        "/api/v1/simulate", json.dumps(body), content_type="application/json", headers=spoofed
    )
    second = client.post(
        "/api/v1/simulate", json.dumps(body), content_type="application/json", headers=spoofed
    )
    assert (first.status_code, second.status_code) == (200, 429)
    settings.API_CLIENT_IP_HEADER = "X-Real-IP"
    other = client.post(
        "/api/v1/simulate",
        json.dumps(body),
        content_type="application/json",
        headers={"X-Real-IP": "203.0.113.10"},
    )
    assert other.status_code == 200
