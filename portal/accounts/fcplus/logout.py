"""RP-initiated logout at FC+ (`/session/end`), after the portal's own logout.

FC+ needs the ID token as `id_token_hint`: the inner signed JWS, since FC+ cannot decrypt a JWE
addressed to the portal (what openid-client, used by FC's mock service, does). A fresh `state`
is kept in the new, anonymous session and checked when FC+ sends the person back.
"""

import hmac
import time

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from portal.accounts.fcplus.config import fcplus_config
from portal.accounts.fcplus.errors import EXPIRED, FCPlusError
from portal.accounts.fcplus.provider import random_token

LOGOUT_STATE_KEY = "fcplus_logout"
LOGOUT_STATE_TTL = 600


def end_session_redirect(request, *, id_token_hint: str | None, next_url: str) -> HttpResponseRedirect | None:
    """The redirect to FC+'s logout, or None when the person did not log in with FC+."""
    config = fcplus_config()
    if config is None or not id_token_hint:
        return None
    state = random_token()
    request.session[LOGOUT_STATE_KEY] = {"state": state, "next": next_url, "at": int(time.time())}
    params = {
        "id_token_hint": id_token_hint,
        "state": state,
        "post_logout_redirect_uri": request.build_absolute_uri(reverse("accounts:fcplus_logout_callback")),
    }
    return HttpResponseRedirect(f"{config.end_session_endpoint}?{urlencode(params)}")


def confirmed_logout_next_url(request) -> str:
    """Checks the state FC+ sends back (single use); returns where the person was going."""
    pending = request.session.pop(LOGOUT_STATE_KEY, None)
    state = request.GET.get("state", "")
    if not state:
        raise FCPlusError("logout_state_missing", kind=EXPIRED)
    if not isinstance(pending, dict):
        raise FCPlusError("logout_state_unknown", kind=EXPIRED)
    if time.time() - pending.get("at", 0) > LOGOUT_STATE_TTL:
        raise FCPlusError("logout_state_expired", kind=EXPIRED)
    if not hmac.compare_digest(state.encode(), str(pending.get("state", "")).encode()):
        raise FCPlusError("logout_state_mismatch", kind=EXPIRED)
    return pending.get("next") or ""
