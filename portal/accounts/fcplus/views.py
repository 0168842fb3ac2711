"""FranceConnect+ login, its callback, the return from FC+'s logout, and the portal's JWKS.

Each refusal is logged with its failure code only (no claim, no name, no sub) and shown as a page
that says in plain French what happened and how to try again.
"""

import logging

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.helpers import complete_social_login
from allauth.socialaccount.providers.base.constants import AuthProcess
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache

from portal.accounts.fcplus import discovery, keys, logout, session
from portal.accounts.fcplus.callback import pop_state, verified_login
from portal.accounts.fcplus.config import PROVIDER_ID, fcplus_config
from portal.accounts.fcplus.errors import CANCELLED, INACTIVE, NOT_CONFIGURED, UNAVAILABLE, FCPlusError
from portal.accounts.next_url import safe_next_url
from portal.accounts.services import user_sync_from_fcplus

logger = logging.getLogger("portal.accounts.fcplus")
ERROR_STATUS = {CANCELLED: 200, INACTIVE: 403, UNAVAILABLE: 503, NOT_CONFIGURED: 503}


def login_error_response(request, error: FCPlusError, *, step: str = "login"):
    error.log(step)
    context = {"kind": error.kind, "code": error.code}
    return render(
        request, "portal/accounts/login_error.html", context, status=ERROR_STATUS.get(error.kind, 401)
    )


@login_not_required
@never_cache
def login(request):
    """The FranceConnect+ button posts here; the authorization request is built from settings only."""
    if request.method != "POST":
        return redirect("accounts:login")
    config = fcplus_config()
    if config is None:
        return login_error_response(request, FCPlusError("not_configured", kind=NOT_CONFIGURED))
    try:
        discovery.confirm_pins(config)
    except FCPlusError as error:
        return login_error_response(request, error)
    provider = get_adapter().get_provider(request, PROVIDER_ID)
    next_url = safe_next_url(request, request.POST.get("next"))
    return provider.redirect(request, process=AuthProcess.LOGIN, next_url=next_url or None)


@login_not_required
@never_cache
def callback(request):
    config = fcplus_config()
    if config is None:
        return login_error_response(request, FCPlusError("not_configured", kind=NOT_CONFIGURED))
    provider = get_adapter().get_provider(request, PROVIDER_ID)
    try:
        state = pop_state(request, provider)
        verified = verified_login(request, config=config, state=state)
    except FCPlusError as error:
        return login_error_response(request, error)
    user = user_sync_from_fcplus(sub=verified.sub, identity=verified.identity)
    if not user.is_active or user.is_staff:
        # Agents never sign in with FranceConnect+: their own account and second factor only (benefits.desk).
        return login_error_response(request, FCPlusError("account_inactive", kind=INACTIVE))
    sociallogin = provider.sociallogin_from_response(
        request, {"sub": verified.sub, "acr": verified.acr, "amr": verified.amr}
    )
    sociallogin.state = state
    response = complete_social_login(request, sociallogin)
    if request.user.is_authenticated and request.user.pk == user.pk:
        session.remember_login(
            request, acr=verified.acr, amr=verified.amr, id_token_hint=verified.id_token_hint
        )
        logger.info("FranceConnect+ login accepted at %s", verified.acr)
    return response


@login_not_required
@never_cache
def logout_callback(request):
    """FC+ sends the person back here after its logout, with the state the portal gave it."""
    try:
        next_url = logout.confirmed_logout_next_url(request)
    except FCPlusError as error:
        error.log("logout")
        return render(request, "portal/accounts/logout_error.html", status=400)
    if not getattr(request, "kiosk_office", None):
        # A kiosk's welcome says the visit is over and erased: this would say it a second time.
        messages.success(request, _("Votre session est fermée, sur le portail et sur FranceConnect+."))
    return redirect(safe_next_url(request, next_url) or settings.LOGOUT_REDIRECT_URL)


@login_not_required
@cache_control(public=True, max_age=300)
def jwks(request):
    """The public encryption keys FC+ encrypts to (registered as the service's jwks_uri)."""
    return JsonResponse(keys.public_jwks())


for view in (login, callback, logout_callback, jwks):
    view.not_a_page = True
