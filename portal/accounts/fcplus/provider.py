"""The `fcplus` provider for django-allauth.

It keeps allauth's state store (bound to the session and to the provider, single-use, 600 s), its
SocialAccount (provider "fcplus", uid = FC+ `sub`) and its login flow, and replaces what the generic
OpenID Connect provider gets wrong for FC+: the authorization request is built from settings only
(never from `?scope=` or `?auth_params=` in the login URL), with a 43-character state and nonce, the
acr level, `prompt=login` and a `claims` request for `amr`. Tokens are checked in `callback.py`.
"""

import json
import secrets
import time

from allauth.socialaccount.providers.base import ProviderAccount
from allauth.socialaccount.providers.oauth2.provider import OAuth2Provider
from allauth.socialaccount.providers.oauth2.views import OAuth2Adapter
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from portal.accounts.fcplus.config import PROVIDER_ID, FCPlusConfig, fcplus_config

# 32 random bytes in base64url: 43 characters, above FC+'s minimum of 32 for state and nonce.
RANDOM_BYTES = 32
AMR_CLAIMS_REQUEST = json.dumps({"id_token": {"amr": {"essential": True}}}, separators=(",", ":"))


def random_token() -> str:
    return secrets.token_urlsafe(RANDOM_BYTES)


def callback_url(request) -> str:
    """The redirect_uri registered at FC+: the same in the authorization request and the code exchange."""
    return request.build_absolute_uri(reverse("accounts:fcplus_callback"))


class FCPlusAccount(ProviderAccount):
    def to_str(self) -> str:
        # extra_data keeps only the level of the last login: nothing to show but the brand.
        return "FranceConnect+"


class FCPlusOAuth2Adapter(OAuth2Adapter):
    """allauth expects an OAuth2 adapter; the endpoints are the pinned ones."""

    provider_id = PROVIDER_ID

    @property
    def authorize_url(self) -> str:
        return fcplus_config().authorization_endpoint

    @property
    def access_token_url(self) -> str:
        return fcplus_config().token_endpoint

    def get_callback_url(self, request, app) -> str:
        return callback_url(request)


class FCPlusProvider(OAuth2Provider):
    id = PROVIDER_ID
    name = "FranceConnect+"
    account_class = FCPlusAccount
    oauth2_adapter_class = FCPlusOAuth2Adapter
    # A token posted by a client (allauth's headless "provider token" flow) is never accepted.
    supports_token_authentication = False

    def get_login_url(self, request, **kwargs) -> str:
        return reverse("accounts:fcplus_login")

    def get_callback_url(self) -> str:
        return reverse("accounts:fcplus_callback")

    def get_scope(self) -> list[str]:
        return list(fcplus_config().scopes)

    def get_scope_from_request(self, request) -> list[str]:
        return self.get_scope()  # never widened or narrowed by the login URL

    def get_auth_params(self) -> dict:
        return {}

    def get_auth_params_from_request(self, request, action) -> dict:
        return {}  # `?auth_params=acr_values=eidas1` must not downgrade the login

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        config: FCPlusConfig = fcplus_config()
        state_id, nonce = random_token(), random_token()
        self.stash_redirect_state(
            request,
            process,
            next_url,
            data,
            state_id=state_id,
            nonce=nonce,
            acr=config.acr,
            scopes=list(config.scopes),
            started_at=int(time.time()),
        )
        params = {
            "response_type": "code",
            "client_id": config.client_id,
            "redirect_uri": callback_url(request),
            "scope": " ".join(config.scopes),
            "acr_values": config.acr,
            "claims": AMR_CLAIMS_REQUEST,
            "prompt": "login",
            "state": state_id,
            "nonce": nonce,
        }
        return HttpResponseRedirect(f"{config.authorization_endpoint}?{urlencode(params)}")

    def extract_uid(self, data) -> str:
        return data["sub"]

    def extract_extra_data(self, data) -> dict:
        # Only the level of assurance of the last login; the identity lives on the User.
        return {"acr": data["acr"], "amr": list(data["amr"])}

    def extract_common_fields(self, data) -> dict:
        return {}  # the User is created and updated by portal.accounts.services


provider_classes = [FCPlusProvider]
