"""Logout: the portal's own first, then FC+'s /session/end, whose return is checked."""

import pytest
from django.test import Client
from joserfc import jws

from portal.fcplus_emulator import keys as emulator_keys
from tests.factories import UserFactory
from tests.fcplus import personal_data, query_of, with_query

pytestmark = pytest.mark.django_db
END_SESSION = "http://testserver/_fcplus/api/v2/session/end?"
LOGOUT_RETURN = "http://testserver/compte/franceconnect/deconnexion/retour/"


def test_logout_ends_the_portal_session_then_the_franceconnect_one(dance, client, settings):
    dance.login("camille")
    response = client.post("/compte/deconnexion/")
    assert "_auth_user_id" not in client.session  # logged out before going to FC+
    assert response["Location"].startswith(END_SESSION)
    params = query_of(response["Location"])
    assert params["post_logout_redirect_uri"] == LOGOUT_RETURN
    assert len(params["state"]) >= 32
    # The hint is the inner signed ID token (FC+ cannot decrypt a JWE addressed to the portal).
    hint = params["id_token_hint"]
    assert hint.count(".") == 2
    key = emulator_keys.current_signing_key()
    assert jws.deserialize_compact(hint, key, algorithms=["ES256"]).headers()["kid"] == key.kid

    back = client.get(response["Location"])
    assert back["Location"] == f"{LOGOUT_RETURN}?state={params['state']}"
    home = client.get(back["Location"])
    assert home.status_code == 302 and home["Location"] == "/"
    assert "Votre session est fermée" in client.get("/").content.decode()


def test_each_logout_gets_a_fresh_state(dance, client):
    states = []
    for _ in range(2):
        dance.login("camille")
        states.append(query_of(client.post("/compte/deconnexion/")["Location"])["state"])
    assert states[0] != states[1]


@pytest.mark.parametrize(
    ("fault", "code"),
    [("logout_other_state", "logout_state_mismatch"), ("logout_without_state", "logout_state_missing")],
)
def test_a_bad_logout_return_is_refused(dance, client, caplog, fault, code):
    dance.login("camille")
    client.post("/_fcplus/", {"session_fault": fault})
    end_session = client.post("/compte/deconnexion/")["Location"]
    response = client.get(client.get(end_session)["Location"])
    assert response.status_code == 400
    assert "Votre session sur le portail est bien fermée" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert f"FranceConnect+ logout refused: {code}" in caplog.text
    for value in personal_data("camille"):
        assert value not in caplog.text


def test_a_logout_return_cannot_be_replayed_or_forged(dance, client, caplog):
    dance.login("camille")
    end_session = client.post("/compte/deconnexion/")["Location"]
    back = client.get(end_session)["Location"]
    assert client.get(back).status_code == 302
    assert client.get(back).status_code == 400  # the state was used
    assert "logout_state_unknown" in caplog.text
    assert Client().get(with_query(back, state="x" * 43)).status_code == 400


@pytest.mark.parametrize(
    "evil", ["https://evil.example/", "//evil.example/", "/\\evil.example/", "http:evil.example"]
)
def test_no_open_redirect_through_next(dance, client, evil):
    dance.login("camille")
    end_session = client.post("/compte/deconnexion/", {"next": evil})["Location"]
    back = client.get(end_session)["Location"]
    assert client.get(back)["Location"] == "/"
    assert client.get(with_query(back, next=evil)).get("Location") != evil


def test_a_local_next_is_kept_through_the_logout(dance, client):
    dance.login("camille")
    end_session = client.post("/compte/deconnexion/", {"next": "/simulateur/"})["Location"]
    assert client.get(client.get(end_session)["Location"])["Location"] == "/simulateur/"


def test_without_a_franceconnect_login_the_logout_stays_local(client):
    client.force_login(UserFactory())
    response = client.post("/compte/deconnexion/", {"next": "https://evil.example/"})
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session


def test_logout_is_post_only(client):
    assert client.get("/compte/deconnexion/").status_code == 405


def test_on_a_kiosk_the_end_of_the_visit_is_said_once(dance, client):
    # Back from FranceConnect+'s logout, the kiosk's welcome showed two green alerts saying the same:
    # "Votre session est fermée…" and "Votre session est terminée…".
    from portal.kiosk.enrolment import KIOSK_COOKIE, kiosk_token_issue

    client.cookies[KIOSK_COOKIE] = kiosk_token_issue(office="Lyon 3e")
    dance.login("camille")
    response = client.post("/kiosque/terminer/")
    assert response["Location"].startswith(END_SESSION)
    back = client.get(response["Location"])
    welcome = client.get(back["Location"])
    assert welcome["Location"] == "/kiosque/?fin=1"
    page = client.get(welcome["Location"]).content.decode()
    assert "Votre session est terminée" in page
    assert "Votre session est fermée" not in page
    assert page.count("fr-alert--success") == 1
