"""One error path: the API answers problem+json to any input, pages answer a DSFR page (issue 17 A)."""

import json

import pytest
from django.test import Client

from benefits.api.openapi import openapi_document

pytestmark = pytest.mark.django_db
HOUSEHOLD = {
    "month": "2026-06",
    "persons": [{"id": "a", "role": "applicant", "birth_date": "1990-03-10"}],
    "housing": {"status": "tenant_private", "rent": 600, "zone": 2},
}


def post_raw(client, body: bytes | str, content_type="application/json"):
    return client.post("/api/v1/simulate", body, content_type=content_type)


def assert_problem(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content.decode("utf-8"))
    assert body["status"] == status and body["title"]
    return body


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_other_methods_get_a_405_problem(client, method):
    response = getattr(client, method)("/api/v1/simulate")
    assert_problem(response, 405)
    assert response["Allow"] == "POST"


def test_an_unknown_api_address_gets_a_404_problem(client):
    assert_problem(client.get("/api/v1/rien"), 404)


def test_a_body_over_the_limit_gets_the_documented_413(client):
    big = json.dumps(dict(HOUSEHOLD, id="x" * (600 * 1024)))
    assert_problem(post_raw(client, big), 413)
    # Over Django's own limit for bodies too, which used to answer an HTML 400.
    huge = json.dumps(dict(HOUSEHOLD, id="x" * (3 * 1024 * 1024)))
    assert_problem(post_raw(client, huge), 413)


@pytest.mark.parametrize(
    "body",
    [
        '{"month": "2026-06", "persons": [',
        b"\xff\xfe not utf-8",
        '{"month": "2026-06", "persons": ' + "1" * 5000 + "}",  # > 4,300 digits: a plain ValueError
        '{"month": "2026-06", "persons": [], "housing": {"rent": NaN}}',
        '{"month": "2026-06", "persons": [], "housing": {"rent": Infinity}}',
        '{"month": "2026-06", "persons": [], "housing": {"rent": -Infinity}}',
        "[" * 100000,
    ],
    ids=["truncated", "latin", "big-int", "nan", "inf", "-inf", "deep"],
)
def test_invalid_json_is_a_400_problem(client, body):
    assert_problem(post_raw(client, body), 400)


@pytest.mark.parametrize("text", ["\\ud800", "\\udfff", "a\\u0000b"], ids=["high", "low", "nul"])
@pytest.mark.parametrize("where", ["id", "month", "role", "key"])
def test_lone_surrogates_and_nul_are_refused_and_never_break_the_answer(client, text, where):
    household = json.dumps(HOUSEHOLD)
    if where == "id":
        body = household.replace('"month"', f'"id": "{text}", "month"', 1)
    elif where == "month":
        body = household.replace('"2026-06"', f'"{text}"', 1)
    elif where == "role":
        body = household.replace('"applicant"', f'"{text}"', 1)
    else:
        body = household.replace('"month"', f'"{text}": 1, "month"', 1)
    assert_problem(post_raw(client, body), 400)


def test_a_missing_month_is_refused_and_the_schema_says_it_is_required(client):
    body = assert_problem(post_raw(client, json.dumps({"persons": HOUSEHOLD["persons"]})), 400)
    assert body["errors"][0]["path"] == "month"
    household = openapi_document()["components"]["schemas"]["Household"]
    assert "month" in household["required"]


def test_the_schema_documents_every_error_status():
    responses = openapi_document()["paths"]["/api/v1/simulate"]["post"]["responses"]
    assert {"200", "400", "405", "413", "429"} <= set(responses)


def test_a_nul_in_a_simulator_token_url_is_a_dsfr_400_page(client):
    for url in ("/simulateur/resultat/ab%00cd/", "/simulateur/resultat/ab%00cd/rejouer/", "/?q=%00"):
        response = client.get(url)
        assert response.status_code == 400
        assert 'class="fr-header"' in response.content.decode()
    assert_problem(client.get("/api/v1/openapi.json?x=%00"), 400)


def test_a_page_that_only_takes_post_answers_a_dsfr_405(client):
    response = client.get("/simulateur/recommencer/")
    assert response.status_code == 405
    assert 'class="fr-header"' in response.content.decode() and response["Allow"] == "POST"


def test_a_form_post_over_the_limit_is_a_dsfr_413_page(settings):
    client = Client(raise_request_exception=False)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048
    response = client.post("/simulateur/foyer/", {"couple": "non", "children": "0", "x": "y" * 5000})
    assert response.status_code == 413
    assert 'class="fr-header"' in response.content.decode()


def test_a_huge_child_index_in_remove_child_is_harmless(client):
    client.post("/simulateur/foyer/", {"couple": "non", "children": "2"})
    for action in ("remove_child_" + "9" * 5000, "remove_child_²", "remove_child_-1", "remove_child_999"):
        response = client.post("/simulateur/personnes/", {"action": action})
        assert response.status_code == 200, action
    assert len(client.session["simulator"]["answers"]["children"]) == 2
    client.post("/simulateur/personnes/", {"action": "remove_child_1"})
    assert len(client.session["simulator"]["answers"]["children"]) == 1
