"""The whole FranceConnect+ login, offline and in-process, against the emulator: what must work."""

import dataclasses

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model

from portal.accounts.fcplus import keys
from portal.accounts.fcplus.session import SESSION_KEY
from portal.accounts.selectors import user_for_sub
from portal.fcplus_emulator import identities
from portal.fcplus_emulator import keys as emulator_keys
from portal.fcplus_emulator.identities import IDENTITIES, emulator_sub
from tests.fcplus import query_of

pytestmark = pytest.mark.django_db
User = get_user_model()


def logged_in_user(client):
    return User.objects.filter(pk=client.session.get("_auth_user_id")).first()


def test_the_authorization_request_comes_from_settings(dance, settings):
    picker = dance.start()
    params = picker.authorize_params
    assert params["response_type"] == "code"
    assert params["client_id"] == settings.FCPLUS_CLIENT_ID
    assert params["redirect_uri"] == "http://testserver/compte/franceconnect/retour/"
    assert params["scope"].split() == settings.FCPLUS_SCOPES
    assert params["acr_values"] == "eidas2"
    assert params["prompt"] == "login"
    assert params["claims"] == '{"id_token":{"amr":{"essential":true}}}'
    assert len(params["state"]) >= 32 and len(params["nonce"]) >= 32
    assert params["state"] != params["nonce"]
    # Fresh values at every login.
    assert dance.start().authorize_params["state"] != params["state"]


def test_first_login_creates_the_account_from_the_pivot_identity(dance, client, settings):
    response = dance.login("camille")
    assert response.status_code == 302
    assert response["Location"] == "/mon-espace/"
    user = logged_in_user(client)
    sub = emulator_sub("camille", settings.FCPLUS_CLIENT_ID)
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid) == ("fcplus", sub)
    # Only the level of the last login is kept on the social account, no claim of the identity.
    assert account.extra_data == {"acr": "eidas2", "amr": ["pop", "mfa"]}
    assert (user.first_name, user.last_name, user.email) == (
        "Camille Marie",
        "MARTIN",
        "camille.martin@example.fr",
    )
    assert (str(user.birth_date), user.birthplace, user.birth_country) == ("1985-03-12", "75120", "99100")
    assert not user.has_usable_password()
    assert user.username.startswith("fc-") and "camille" not in user.username.lower()
    assert user_for_sub(sub) == user
    assert user_for_sub("unknown") is None


def test_mon_espace_shows_who_is_logged_in_and_at_which_level(dance, client):
    dance.login("camille")
    html = client.get("/mon-espace/").content.decode()
    assert html.count("<h1") == 1
    assert "<strong>Camille Marie MARTIN</strong>" in html
    assert "niveau de garantie substantiel" in html
    assert client.session[SESSION_KEY]["acr"] == "eidas2"


def test_eidas3_is_accepted_when_eidas2_is_asked(dance, client):
    dance.login("dominique")  # its identity provider only works at eidas3
    assert client.session[SESSION_KEY]["acr"] == "eidas3"
    assert "niveau de garantie élevé" in client.get("/mon-espace/").content.decode()


def test_eidas3_required_by_settings(dance, client, settings):
    settings.FCPLUS_ACR_VALUES = "eidas3"
    picker = dance.start()
    assert picker.authorize_params["acr_values"] == "eidas3"
    dance.callback(dance.choose(picker, "camille"))
    assert client.session[SESSION_KEY]["acr"] == "eidas3"


@pytest.mark.parametrize("alg", ["RSA-OAEP-256", "ECDH-ES"])
def test_both_key_wrapping_algorithms(dance, client, settings, fcplus_offline, alg):
    settings.FCPLUS_EMULATOR_ENC_ALG = alg
    dance.login("camille")
    assert logged_in_user(client) is not None


def test_a_later_login_maps_to_the_same_account(dance, client):
    dance.login("camille")
    first = logged_in_user(client)
    dance.logout()
    dance.login("camille")
    assert logged_in_user(client) == first
    assert User.objects.count() == 1 and SocialAccount.objects.count() == 1


def test_a_later_login_with_changed_civil_data_updates_the_account(dance, client, monkeypatch):
    dance.login("camille")
    user = logged_in_user(client)
    changed = dataclasses.replace(
        IDENTITIES["camille"], family_name="MARTIN-LEGRAND", given_name="Camille", email="c.martin@example.fr"
    )
    monkeypatch.setitem(identities.IDENTITIES, "camille", changed)
    dance.logout()
    dance.login("camille")
    user.refresh_from_db()
    assert logged_in_user(client) == user
    assert (user.first_name, user.last_name, user.email) == (
        "Camille",
        "MARTIN-LEGRAND",
        "c.martin@example.fr",
    )


@pytest.mark.parametrize("key", list(IDENTITIES))
def test_every_test_identity_logs_in_with_its_civil_data(dance, client, key):
    identity = IDENTITIES[key]
    dance.login(key)
    user = logged_in_user(client)
    assert user.first_name == identity.given_name and user.last_name == identity.family_name
    assert (str(user.birth_date), user.birthplace, user.birth_country) == (
        identity.birthdate,
        identity.birthplace,
        identity.birthcountry,
    )


def test_the_person_born_abroad_has_an_empty_birthplace(dance, client):
    dance.login("yasmina")
    user = logged_in_user(client)
    assert (user.birthplace, user.birth_country) == ("", "99350")


def test_linking_is_on_sub_never_on_email_or_name(dance, client, monkeypatch):
    existing = User.objects.create(
        username="agent", email="camille.martin@example.fr", first_name="Camille Marie", last_name="MARTIN"
    )
    dance.login("camille")
    assert logged_in_user(client) != existing
    # Two people sharing an e-mail address (a couple) get two accounts.
    shared = dataclasses.replace(IDENTITIES["jean-pierre"], email="camille.martin@example.fr")
    monkeypatch.setitem(identities.IDENTITIES, "jean-pierre", shared)
    dance.logout()
    dance.login("jean-pierre")
    assert SocialAccount.objects.count() == 2 and User.objects.count() == 3


def test_the_next_page_is_kept_through_the_login(dance):
    response = dance.login("camille", next_url="/mon-espace/?onglet=courriers")
    assert response["Location"] == "/mon-espace/?onglet=courriers"


def test_the_login_page_passes_a_local_next_only(client):
    html = client.get("/compte/connexion/?next=/mon-espace/").content.decode()
    assert 'name="next" value="/mon-espace/"' in html
    html = client.get("/compte/connexion/?next=https://evil.example/").content.decode()
    assert 'name="next" value="https://evil.example/"' not in html


def test_the_provider_rotates_its_signing_key(dance, client, fcplus_offline):
    dance.login("camille")
    dance.logout()
    emulator_keys.rotate_signing_key()
    fcplus_offline.calls.clear()
    dance.login("camille")
    assert logged_in_user(client) is not None
    # The new kid was unknown: the portal fetched FC+'s JWKS once more, and only once.
    assert fcplus_offline.calls.count(("GET", "/_fcplus/api/v2/jwks")) == 1


def test_the_portal_rotates_its_encryption_keys(dance, client, settings):
    old, new = keys.generate_private_jwks("old"), keys.generate_private_jwks("new")
    settings.FCPLUS_PRIVATE_JWKS = old
    dance.login("camille")
    dance.logout()
    # During the rotation both keys are published; FC+ may still encrypt to either.
    for order in ((new, old), (old, new)):
        settings.FCPLUS_PRIVATE_JWKS = merged(*order)
        published = {key["kid"] for key in client.get("/compte/franceconnect/jwks.json").json()["keys"]}
        assert len(published) == 4
        dance.login("camille")
        assert logged_in_user(client) is not None
        dance.logout()
    settings.FCPLUS_PRIVATE_JWKS = new
    dance.login("camille")
    assert User.objects.count() == 1


def merged(*jwks_documents: str) -> str:
    import json

    return json.dumps({"keys": [key for document in jwks_documents for key in json.loads(document)["keys"]]})


def test_the_login_button_is_a_form_and_get_goes_back_to_the_login_page(client):
    response = client.get("/compte/franceconnect/connexion/")
    assert response.status_code == 302 and response["Location"] == "/compte/connexion/"


def test_the_callback_url_carries_iss_and_the_state(dance):
    picker = dance.start()
    callback = dance.choose(picker, "camille")
    query = query_of(callback)
    assert query["state"] == picker.authorize_params["state"]
    assert query["iss"] == "http://testserver/_fcplus/api/v2"


def test_the_login_page_sends_a_logged_in_person_on(dance, client):
    dance.login("camille")
    assert client.get("/compte/connexion/")["Location"] == "/mon-espace/"
    assert client.get("/compte/connexion/?next=/simulateur/")["Location"] == "/simulateur/"
