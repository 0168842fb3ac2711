"""Every failure of the negative list ends on an error page: no account created or linked, nobody
logged in, and one log line that names the failure without any personal data."""

import time

import pytest
from allauth.socialaccount.internal.statekit import STATES_SESSION_KEY
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model

from portal.fcplus_emulator import faults
from tests.fcplus import FCPlusDance, personal_data, query_of, with_query

pytestmark = pytest.mark.django_db
User = get_user_model()

# Fault switch of the emulator → failure code the portal logs, and the page's HTTP status.
FAULTS = {
    "callback_without_state": ("state_missing", 401),
    "callback_other_state": ("state_invalid", 401),
    "callback_error_other_state": ("state_invalid", 401),
    "callback_server_error": ("provider_error (server_error)", 503),
    "callback_other_iss": ("callback_iss_mismatch", 401),
    "token_invalid_grant": ("token_http_error (400:invalid_grant)", 401),
    "token_server_error": ("token_http_error (500:server_error)", 503),
    "token_response_oversized": ("token_response_too_large", 401),
    "id_token_nonce_missing": ("id_token_nonce_missing", 401),
    "id_token_nonce_other": ("id_token_nonce_mismatch", 401),
    "id_token_iss_other": ("id_token_iss_mismatch", 401),
    "id_token_aud_other": ("id_token_aud_mismatch", 401),
    "id_token_aud_extra": ("id_token_azp_mismatch", 401),
    "id_token_expired": ("id_token_expired", 401),
    "id_token_iat_future": ("id_token_iat_in_future", 401),
    "id_token_alg_none": ("id_token_jws_alg_refused", 401),
    "id_token_alg_hs256": ("id_token_jws_alg_refused", 401),
    "id_token_alg_rs256": ("id_token_jws_alg_refused", 401),
    "id_token_kid_unknown": ("id_token_jws_kid_unknown", 401),
    "id_token_foreign_key": ("id_token_signature_invalid", 401),
    "id_token_bare_jws": ("id_token_not_encrypted", 401),
    "id_token_jwe_wrong_key": ("id_token_decryption_failed", 401),
    "id_token_jwe_kid_unknown": ("id_token_jwe_kid_unknown", 401),
    "id_token_jwe_rsa1_5": ("id_token_jwe_alg_refused", 401),
    "id_token_jwe_dir": ("id_token_jwe_alg_refused", 401),
    "id_token_jwe_a128kw": ("id_token_jwe_alg_refused", 401),
    "id_token_jwe_a128gcm": ("id_token_jwe_enc_refused", 401),
    "id_token_jwe_a256cbc": ("id_token_jwe_enc_refused", 401),
    "id_token_jwe_zip": ("id_token_jwe_zip_refused", 401),
    "id_token_tampered_header": ("id_token_decryption_failed", 401),
    "id_token_tampered_iv": ("id_token_decryption_failed", 401),
    "id_token_tampered_ciphertext": ("id_token_decryption_failed", 401),
    "id_token_tampered_tag": ("id_token_decryption_failed", 401),
    "id_token_truncated": ("id_token_malformed", 401),
    "id_token_oversized": ("id_token_too_large", 401),
    "id_token_acr_eidas1": ("id_token_acr_insufficient (eidas1)", 401),
    "id_token_acr_missing": ("id_token_acr_missing", 401),
    "id_token_acr_unknown": ("id_token_acr_unknown", 401),
    "id_token_amr_missing": ("id_token_amr_missing", 401),
    "userinfo_json": ("userinfo_not_jwt", 401),
    "userinfo_bare_jws": ("userinfo_not_encrypted", 401),
    "userinfo_other_sub": ("userinfo_sub_mismatch", 401),
    "userinfo_iss_other": ("userinfo_iss_mismatch", 401),
    "userinfo_aud_other": ("userinfo_aud_mismatch", 401),
    "userinfo_malformed_pivot": ("userinfo_pivot_invalid (birthdate)", 401),
    "userinfo_unauthorized": ("userinfo_http_error (401)", 401),
    "userinfo_server_error": ("userinfo_http_error (500:server_error)", 503),
}


@pytest.fixture
def assert_refused(client, caplog):
    def check(response, expected: str, *, status: int = 401, identity: str = "camille", accounts: int = 0):
        assert response.status_code == status, response.content.decode()[:500]
        assert "portal/accounts/login_error.html" in [template.name for template in response.templates]
        assert "Recommencer la connexion" in response.content.decode()
        assert SocialAccount.objects.count() == accounts and User.objects.count() == accounts
        assert "_auth_user_id" not in client.session
        lines = [record.getMessage() for record in caplog.records if record.name == "portal.accounts.fcplus"]
        assert [line for line in lines if "refused" in line][-1].endswith(expected), lines
        for value in personal_data(identity):
            assert value not in caplog.text

    return check


def test_every_fault_switch_is_tested():
    untested = (
        set(faults.FAULTS)
        - set(FAULTS)
        - {
            "token_timeout",
            "userinfo_timeout",
            "id_token_nonce_replayed",
            "id_token_acr_eidas2",
            "logout_without_state",
            "logout_other_state",
            "discovery_other_issuer",
        }
    )
    assert not untested


@pytest.mark.parametrize(("fault", "expected"), FAULTS.items(), ids=FAULTS.keys())
def test_each_fault_is_refused(dance, assert_refused, fault, expected):
    code, status = expected
    assert_refused(dance.login("camille", fault=fault), code, status=status)


def test_an_unknown_kid_is_refused_after_exactly_one_refetch(dance, assert_refused, fcplus_offline):
    dance.login("camille")  # FC+'s JWKS is now cached
    dance.logout()
    fcplus_offline.calls.clear()
    response = dance.login("camille", fault="id_token_kid_unknown")
    assert_refused(response, "id_token_jws_kid_unknown", accounts=1)
    assert fcplus_offline.calls.count(("GET", "/_fcplus/api/v2/jwks")) == 1


@pytest.mark.parametrize("fault", ["id_token_jwe_wrong_key", "id_token_tampered_tag", "id_token_bare_jws"])
def test_ecdh_es_tokens_are_checked_the_same_way(dance, assert_refused, settings, fault):
    settings.FCPLUS_EMULATOR_ENC_ALG = "ECDH-ES"
    assert_refused(dance.login("camille", fault=fault), FAULTS[fault][0])


@pytest.mark.parametrize(
    ("fault", "code"), [("token_timeout", "token_timeout"), ("userinfo_timeout", "userinfo_timeout")]
)
def test_provider_time_outs(dance, assert_refused, settings, fault, code):
    # The emulator then answers 0.5 s too late; the other calls of the login stay well within 2 s,
    # even on a busy machine.
    settings.FCPLUS_HTTP_TIMEOUT = 2
    assert_refused(dance.login("camille", fault=fault), code, status=503)


def test_a_replayed_nonce_is_refused(dance, assert_refused):
    dance.login("camille")
    dance.logout()
    response = dance.login("camille", fault="id_token_nonce_replayed")
    assert_refused(response, "id_token_nonce_mismatch", accounts=1)


def test_eidas2_is_refused_when_eidas3_is_required(dance, assert_refused, settings):
    settings.FCPLUS_ACR_VALUES = "eidas3"
    response = dance.login("camille", fault="id_token_acr_eidas2")
    assert_refused(response, "id_token_acr_insufficient (eidas2)")
    assert "niveau de garantie" in response.content.decode()


def test_the_person_cancels_at_franceconnect(dance, assert_refused):
    picker = dance.start()
    callback = dance.choose(picker, action="cancel")
    assert query_of(callback)["error"] == "access_denied"
    response = dance.callback(callback)
    assert_refused(response, "provider_error (access_denied)", status=200)
    assert "Vous avez annulé la connexion" in response.content.decode()


def test_a_replayed_callback_is_refused(dance, client, assert_refused):
    callback = dance.choose(dance.start(), "camille")
    assert dance.callback(callback).status_code == 302
    client.post("/compte/deconnexion/")
    assert_refused(dance.callback(callback), "state_invalid", accounts=1)


def test_a_state_from_another_session_is_refused(dance, assert_refused, fcplus_offline):
    callback = dance.choose(dance.start(), "camille")
    from django.test import Client

    other = FCPlusDance(Client())
    assert_refused(other.callback(callback), "state_invalid")


def test_a_state_for_another_provider_is_refused(dance, client, assert_refused):
    callback = dance.choose(dance.start(), "camille")
    session = client.session
    states = session[STATES_SESSION_KEY]
    state_id = query_of(callback)["state"]
    stashed, stamp, _provider = states[state_id]
    states[state_id] = [stashed, stamp, "openid_connect"]
    session.save()
    assert_refused(dance.callback(callback), "state_invalid")


def test_an_expired_state_is_refused(dance, client, assert_refused):
    callback = dance.choose(dance.start(), "camille")
    session = client.session
    state_id = query_of(callback)["state"]
    stashed, _stamp, provider = session[STATES_SESSION_KEY][state_id]
    session[STATES_SESSION_KEY][state_id] = [stashed, time.time() - 601, provider]
    session.save()
    assert_refused(dance.callback(callback), "state_invalid")


def test_a_callback_without_code_is_refused(dance, assert_refused):
    callback = dance.choose(dance.start(), "camille")
    assert_refused(dance.callback(with_query(callback, code=None)), "code_missing")


def test_a_replayed_code_is_refused(dance, client, assert_refused, settings):
    first = dance.choose(dance.start(), "camille")
    code = query_of(first)["code"]
    # Someone redeems the code first (FC+ codes are single-use)...
    redeemed = client.post(
        "/_fcplus/api/v2/token",
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": "http://testserver/compte/franceconnect/retour/",
            "client_id": settings.FCPLUS_CLIENT_ID,
            "client_secret": settings.FCPLUS_CLIENT_SECRET,
        },
    )
    assert redeemed.status_code == 200
    # ...then it comes back through the portal's callback, with a state of the portal's own.
    second = dance.choose(dance.start(), "camille")
    assert_refused(dance.callback(with_query(second, code=code)), "token_http_error (400:invalid_grant)")


def test_a_code_exchanged_with_another_redirect_uri_is_refused(dance, assert_refused, monkeypatch):
    callback = dance.choose(dance.start(), "camille")
    monkeypatch.setattr(
        "portal.accounts.fcplus.callback.callback_url",
        lambda request: "http://testserver/compte/autre-retour/",
    )
    assert_refused(dance.callback(callback), "token_http_error (400:invalid_grant)")


def test_a_discovery_document_with_another_issuer_stops_the_login(client, fcplus_offline, assert_refused):
    faults.set_global_fault("discovery_other_issuer")
    response = client.post("/compte/franceconnect/connexion/")
    assert_refused(response, "discovery_issuer_mismatch")


def test_the_login_url_cannot_downgrade_the_request(dance, assert_refused, settings):
    picker = dance.start(query="?auth_params=acr_values%3Deidas1&scope=openid&process=connect")
    assert picker.authorize_params["acr_values"] == "eidas2"
    assert picker.authorize_params["scope"].split() == settings.FCPLUS_SCOPES
    # Whatever FC+ then answers below the level the settings ask is refused.
    response = dance.callback(dance.choose(picker, "camille", fault="id_token_acr_eidas1"))
    assert_refused(response, "id_token_acr_insufficient (eidas1)")


def test_a_deactivated_account_cannot_log_in(dance, client, caplog):
    dance.login("camille")
    user = User.objects.get()
    client.post("/compte/deconnexion/")
    user.is_active = False
    user.save()
    response = dance.login("camille")
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    assert "account_inactive" in caplog.text


def test_without_configuration_the_login_says_so(client, settings, caplog):
    settings.FCPLUS_CLIENT_ID = ""
    assert "pas disponible" in client.get("/compte/connexion/").content.decode()
    response = client.post("/compte/franceconnect/connexion/")
    assert response.status_code == 503
    assert "not_configured" in caplog.text
