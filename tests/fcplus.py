"""Offline FranceConnect+ for tests.

`fcplus_offline` routes the back-channel `requests` of the portal (discovery, JWKS, token, userinfo)
and of the emulator (the portal's JWKS) into Django's test client (tests/loopback.py): no network.
`FCPlusDance` drives the browser's side (the test client and its cookies) through login and logout.
"""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.utils.http import urlencode

from portal.fcplus_emulator.identities import IDENTITIES, emulator_sub
from tests.loopback import DjangoClientAdapter, offline_session


@dataclass
class Picker:
    """The emulator's identity picker reached by the browser, ready to be answered."""

    url: str
    authorize_params: dict


class FCPlusDance:
    """The browser's part of the login and logout, step by step, so tests can break any step."""

    def __init__(self, client: Client):
        self.client = client

    def start(self, next_url: str = "", query: str = "") -> Picker:
        """Presses the FranceConnect+ button; follows FC+'s redirect to the picker."""
        data = {"next": next_url} if next_url else {}
        response = self.client.post(f"/compte/franceconnect/connexion/{query}", data)
        assert response.status_code == 302, response.content.decode()[:2000]
        authorize_url = response["Location"]
        assert authorize_url.startswith("http://testserver/_fcplus/api/v2/authorize?"), authorize_url
        params = {k: v[0] for k, v in parse_qs(urlsplit(authorize_url).query).items()}
        picker = self.client.get(authorize_url)
        assert picker.status_code == 302, picker.content.decode()[:2000]
        return Picker(url=picker["Location"], authorize_params=params)

    def choose(
        self, picker: Picker, identity: str = "camille", *, fault: str = "", action: str = "login"
    ) -> str:
        """Answers the picker; returns the callback URL FC+ redirects the browser to."""
        response = self.client.post(picker.url, {"identity": identity, "fault": fault, "action": action})
        assert response.status_code == 302, response.content.decode()[:2000]
        return response["Location"]

    def callback(self, callback_url: str):
        return self.client.get(callback_url)

    def login(self, identity: str = "camille", *, fault: str = "", next_url: str = ""):
        picker = self.start(next_url=next_url)
        return self.callback(self.choose(picker, identity, fault=fault))

    def logout(self):
        """Posts the header's logout form: the portal's own logout (FC+'s redirect is not followed)."""
        response = self.client.post("/compte/deconnexion/")
        return response


def query_of(url: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def with_query(url: str, **changes) -> str:
    """The same URL with some query parameters replaced (None removes one)."""
    parts = urlsplit(url)
    query = query_of(url)
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    return parts._replace(query=urlencode(query)).geturl()


def personal_data(identity_key: str) -> list[str]:
    """What must never appear in a log line about this identity's login."""
    identity = IDENTITIES[identity_key]
    return [
        *identity.given_name.split(),
        identity.family_name,
        identity.birthdate,
        identity.email,
        emulator_sub(identity_key, settings.FCPLUS_CLIENT_ID),
    ]


@pytest.fixture
def fcplus_offline(monkeypatch):
    """Routes the portal's and the emulator's back-channel requests into the test client."""
    from portal.accounts.adapters import SocialAccountAdapter
    from portal.fcplus_emulator import registration

    adapter = DjangoClientAdapter()
    monkeypatch.setattr(SocialAccountAdapter, "get_requests_session", lambda self: offline_session(adapter))
    monkeypatch.setattr(registration, "requests_session", lambda: offline_session(adapter))
    return adapter


@pytest.fixture
def dance(fcplus_offline, client) -> FCPlusDance:
    return FCPlusDance(client)
