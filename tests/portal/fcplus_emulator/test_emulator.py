"""The emulator behaves like FC+: its endpoints, its checks, its lifetimes and its identities."""

import base64
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from joserfc import jwe, jws

from portal.accounts.fcplus import keys as portal_keys
from portal.fcplus_emulator import keys
from portal.fcplus_emulator.apps import FCPlusEmulatorConfig
from portal.fcplus_emulator.identities import IDENTITIES, emulator_sub
from tests.fcplus import query_of, with_query

pytestmark = pytest.mark.django_db
ISSUER = "http://testserver/_fcplus/api/v2"
CALLBACK = "http://testserver/compte/franceconnect/retour/"
ROOT = Path(__file__).resolve().parents[3]


def authorize_query(settings, **changes):
    params = {
        "response_type": "code",
        "client_id": settings.FCPLUS_CLIENT_ID,
        "redirect_uri": CALLBACK,
        "scope": "openid given_name family_name email",
        "acr_values": "eidas2",
        "state": "s" * 43,
        "nonce": "n" * 43,
        "claims": '{"id_token":{"amr":{"essential":true}}}',
        "prompt": "login",
    }
    params.update(changes)
    return {name: value for name, value in params.items() if value is not None}


def code_for(client, settings, identity="camille", **changes) -> dict:
    picker = client.get("/_fcplus/api/v2/authorize", authorize_query(settings, **changes))
    assert picker.status_code == 302, picker.content.decode()[:500]
    callback = client.post(picker["Location"], {"identity": identity, "action": "login"})["Location"]
    return query_of(callback)


def exchange(client, settings, code, **changes):
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": CALLBACK,
        "client_id": settings.FCPLUS_CLIENT_ID,
        "client_secret": settings.FCPLUS_CLIENT_SECRET,
    }
    form.update(changes)
    return client.post("/_fcplus/api/v2/token", form)


def open_token(token: str) -> tuple[dict, dict]:
    """Decrypts with the portal's keys and verifies with the emulator's: (JWE header, claims)."""
    kid = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "==="))["kid"]
    key = portal_keys.decryption_keys()[kid]
    inner = jwe.decrypt_compact(token, key, algorithms=[key.alg, "A256GCM"]).plaintext
    header = jws.extract_compact(inner).headers()
    claims = json.loads(
        jws.deserialize_compact(inner, keys.current_signing_key(), algorithms=["ES256"]).payload
    )
    return header, claims


def test_discovery_lists_the_pinned_endpoints(client):
    document = client.get("/_fcplus/api/v2/.well-known/openid-configuration").json()
    assert document["issuer"] == ISSUER
    assert document["token_endpoint"] == f"{ISSUER}/token"
    assert document["end_session_endpoint"] == f"{ISSUER}/session/end"
    assert document["id_token_signing_alg_values_supported"] == ["ES256"]
    assert document["id_token_encryption_enc_values_supported"] == ["A256GCM"]


def test_the_jwks_publishes_public_signing_keys(client):
    published = client.get("/_fcplus/api/v2/jwks").json()["keys"]
    assert keys.current_signing_key().kid in {key["kid"] for key in published}
    assert all("d" not in key and key["use"] == "sig" for key in published)


@pytest.mark.parametrize(
    "changes",
    [
        {"acr_values": "eidas1"},
        {"state": "short"},
        {"nonce": None},
        {"redirect_uri": "https://evil.example/compte/franceconnect/retour/"},
        {"redirect_uri": CALLBACK + "?next=/"},
        {"client_id": "unknown"},
        {"scope": "email"},
        {"scope": "openid cnaf_quotient_familial"},
        {"response_type": "token"},
        {"claims": "{not json"},
        {"prompt": "none"},
    ],
)
def test_a_malformed_authorization_request_gets_an_error_page_without_redirect(client, settings, changes):
    response = client.get("/_fcplus/api/v2/authorize", authorize_query(settings, **changes))
    assert response.status_code == 400
    assert "Y000400" in response.content.decode()


def test_the_authorization_request_may_be_posted(client, settings):
    response = client.post("/_fcplus/api/v2/authorize", authorize_query(settings))
    assert response.status_code == 302 and "/_fcplus/interaction/" in response["Location"]


def test_the_picker_is_an_accessible_form(client, settings):
    picker_url = client.get("/_fcplus/api/v2/authorize", authorize_query(settings))["Location"]
    html = client.get(picker_url).content.decode()
    assert html.count("<h1") == 1 and '<html lang="fr"' in html
    assert html.count('type="radio"') == len(IDENTITIES)
    assert "checked" in html and "<legend" in html
    assert "Connexion au niveau élevé (eidas3)" in html  # dominique, even at eidas2


def test_the_picker_writes_birth_dates_in_french_and_the_claims_keep_iso(client, settings):
    """It showed "Naissance le 1985-03-12"; the pivot claim stays ISO 8601, as FC+ sends it."""
    picker_url = client.get("/_fcplus/api/v2/authorize", authorize_query(settings))["Location"]
    html = client.get(picker_url).content.decode()
    assert "Naissance le 12 mars 1985" in html and "Naissance le 1er janvier 1962" in html
    assert not re.search(r"Naissance le \d{4}-", html)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # FC+'s screen is French whatever the portal's
    assert "Naissance le 12 mars 1985" in client.get(picker_url).content.decode()
    assert IDENTITIES["camille"].claims["birthdate"] == "1985-03-12"


def test_cancel_returns_access_denied_with_the_state(client, settings):
    picker_url = client.get("/_fcplus/api/v2/authorize", authorize_query(settings))["Location"]
    callback = client.post(picker_url, {"action": "cancel"})["Location"]
    assert callback.startswith(CALLBACK)
    assert query_of(callback) | {"iss": ""} == {
        "error": "access_denied",
        "error_description": "User auth aborted",
        "state": "s" * 43,
        "iss": "",
    }


def test_the_picker_is_single_use(client, settings):
    picker_url = client.get("/_fcplus/api/v2/authorize", authorize_query(settings))["Location"]
    assert client.post(picker_url, {"identity": "camille", "action": "login"}).status_code == 302
    assert client.post(picker_url, {"identity": "camille", "action": "login"}).status_code == 400


def test_an_identity_below_the_requested_level_cannot_be_chosen(client, settings, monkeypatch):
    import dataclasses

    monkeypatch.setitem(IDENTITIES, "yasmina", dataclasses.replace(IDENTITIES["yasmina"], levels=("eidas2",)))
    picker_url = client.get("/_fcplus/api/v2/authorize", authorize_query(settings, acr_values="eidas3"))[
        "Location"
    ]
    assert "Pas disponible à ce niveau" in client.get(picker_url).content.decode()
    assert client.post(picker_url, {"identity": "yasmina", "action": "login"}).status_code == 400


def test_a_code_gives_tokens_bound_to_the_request(client, settings, fcplus_offline):
    query = code_for(client, settings, scope="openid email")
    response = exchange(client, settings, query["code"])
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 60
    header, claims = open_token(body["id_token"])
    assert header["alg"] == "ES256"
    assert claims["nonce"] == "n" * 43 and claims["aud"] == settings.FCPLUS_CLIENT_ID
    assert claims["exp"] - claims["iat"] == 60 and claims["acr"] == "eidas2" and claims["amr"]
    assert claims["sub"] == emulator_sub("camille", settings.FCPLUS_CLIENT_ID)
    userinfo = client.get(
        "/_fcplus/api/v2/userinfo", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert userinfo["Content-Type"] == "application/jwt"
    _, released = open_token(userinfo.content.decode())
    # Only what the scope asked for: here the e-mail address, not the birth date.
    assert released["email"] == "camille.martin@example.fr" and "birthdate" not in released


def test_amr_only_when_asked(client, settings, fcplus_offline):
    query = code_for(client, settings, claims=None)
    _, claims = open_token(exchange(client, settings, query["code"]).json()["id_token"])
    assert "amr" not in claims


def test_a_code_is_single_use(client, settings, fcplus_offline):
    code = code_for(client, settings)["code"]
    assert exchange(client, settings, code).status_code == 200
    replay = exchange(client, settings, code)
    assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"


def test_a_code_is_bound_to_its_redirect_uri(client, settings, fcplus_offline):
    code = code_for(client, settings)["code"]
    response = exchange(client, settings, code, redirect_uri="http://localhost/compte/franceconnect/retour/")
    assert response.json()["error"] == "invalid_grant"
    # and it is spent: FC+ does not let a failed exchange try again
    assert exchange(client, settings, code).json()["error"] == "invalid_grant"


@pytest.mark.parametrize(
    ("changes", "status", "error"),
    [
        ({"client_secret": "wrong"}, 401, "invalid_client"),
        ({"client_id": "other"}, 401, "invalid_client"),
        ({"grant_type": "refresh_token"}, 400, "unsupported_grant_type"),
    ],
)
def test_the_token_endpoint_authenticates_the_service(client, settings, changes, status, error):
    code = code_for(client, settings)["code"]
    response = exchange(client, settings, code, **changes)
    assert (response.status_code, response.json()["error"]) == (status, error)


def test_client_secret_basic_is_not_the_registered_method(client, settings):
    code = code_for(client, settings)["code"]
    response = client.post(
        "/_fcplus/api/v2/token",
        {"grant_type": "authorization_code", "code": code, "redirect_uri": CALLBACK},
        headers={"Authorization": "Basic cG9ydGFpbDpzZWNyZXQ="},
    )
    assert response.status_code == 401


def test_codes_live_30_seconds_and_access_tokens_60(client, settings, fcplus_offline, monkeypatch):
    now = time.time
    code = code_for(client, settings)["code"]
    with monkeypatch.context() as later:
        later.setattr(time, "time", lambda: now() + 31)
        assert exchange(client, settings, code).json()["error"] == "invalid_grant"
    body = exchange(client, settings, code_for(client, settings)["code"]).json()
    monkeypatch.setattr(time, "time", lambda: now() + 61)
    userinfo = client.get(
        "/_fcplus/api/v2/userinfo", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert userinfo.status_code == 401


def test_sub_is_per_service_deterministic_and_shaped_like_fcplus():
    sub = emulator_sub("camille", "portail")
    assert re.fullmatch(r"[0-9a-f]{64}v1", sub)
    assert sub == emulator_sub("camille", "portail")
    assert sub != emulator_sub("camille", "autre-service") != emulator_sub("jean-pierre", "portail")


def test_the_identities_cover_the_edge_cases():
    by_case = list(IDENTITIES.values())
    assert any(i.birthplace == "" and i.birthcountry != "99100" for i in by_case)
    assert {i.birthplace[:2] for i in by_case} >= {"2A", "2B"}
    assert any(i.birthdate.endswith("-01-01") for i in by_case)
    assert any(len(i.family_name) > 50 for i in by_case)
    assert any("-" in i.given_name.split()[0] for i in by_case)
    assert [i.key for i in by_case if i.levels == ("eidas3",)] == ["dominique"]


def test_session_end_checks_its_parameters(client, settings, dance):
    dance.login("camille")
    end_session = client.post("/compte/deconnexion/")["Location"].removeprefix("http://testserver")
    assert client.get(end_session).status_code == 302
    for changes in (
        {"post_logout_redirect_uri": "https://evil.example/"},
        {"state": None},
        {"id_token_hint": "not-a-token"},
    ):
        assert client.get(with_query(end_session, **changes)).status_code == 400


def test_the_home_page_sets_the_fault_switches(client):
    html = client.get("/_fcplus/").content.decode()
    assert html.count("<h1") == 1
    assert emulator_sub("camille", "portail-allocataires-emulateur") in html
    client.post("/_fcplus/", {"session_fault": "logout_other_state"})
    assert "fcplus_emulator_fault" in client.cookies
    before = keys.current_signing_key().kid
    client.post("/_fcplus/", {"rotate": "1"})
    published = {key["kid"] for key in client.get("/_fcplus/api/v2/jwks").json()["keys"]}
    assert {before, keys.current_signing_key().kid} <= published


def test_the_emulator_refuses_to_load_without_emulators_enabled(settings):
    settings.EMULATORS_ENABLED = False
    import portal.fcplus_emulator

    with pytest.raises(ImproperlyConfigured):
        FCPlusEmulatorConfig("portal.fcplus_emulator", portal.fcplus_emulator).ready()
    code = "import django; django.setup(); import portal.fcplus_emulator.urls"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FCPLUS_", "DEBUG", "EMULATORS"))}
    env.update({"DEBUG": "false", "EMULATORS_ENABLED": "false", "DJANGO_SETTINGS_MODULE": "portal.settings"})
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0 and "EMULATORS_ENABLED" in result.stderr
