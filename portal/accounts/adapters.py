"""allauth adapters: FranceConnect+ is the only way in for the public.

Local signup, password and e-mail login stay closed (staff use the admin at /gestion/); allauth's
English messages about e-mail and passwords have no place in this flow and are not shown.
"""

import requests
from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter

from portal.accounts.fcplus.errors import INACTIVE, FCPlusError
from portal.accounts.fcplus.provider import random_token
from portal.accounts.fcplus.views import login_error_response


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

    def add_message(self, *args, **kwargs) -> None:
        pass

    def respond_user_inactive(self, request, user):
        # The portal's callback refuses a deactivated account first; this covers allauth's own check.
        return login_error_response(request, FCPlusError("account_inactive", kind=INACTIVE))


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin) -> bool:
        # Accounts are created by portal.accounts.services before allauth's flow runs, never by it.
        return False

    def generate_state_param(self, state: dict) -> str:
        return random_token()  # FC+ wants at least 32 characters; allauth's default is 16

    def get_requests_session(self):
        # Time-outs are set on each call by portal.accounts.fcplus.backchannel.
        return requests.Session()
