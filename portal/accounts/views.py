from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from portal.accounts.fcplus import logout as fcplus_logout
from portal.accounts.fcplus import session as fcplus_session
from portal.accounts.fcplus.config import fcplus_config
from portal.accounts.next_url import is_public_path, safe_next_url
from portal.channels import KIOSK


@login_not_required
def login_page(request):
    next_url = safe_next_url(request, request.GET.get("next"))
    if request.user.is_authenticated:
        return redirect(next_url or settings.LOGIN_REDIRECT_URL)
    if request.channel == KIOSK and "next" in request.GET and not (next_url and is_public_path(next_url)):
        # On a kiosk, a personal address here is most often the previous visitor's: the back button
        # after "Terminer et tout effacer" asks for their draft again, and the login answers it. It is
        # dropped from the address bar and the form; after logging in the visitor lands on Mon espace.
        return redirect("accounts:login")
    context = {"fcplus_enabled": fcplus_config() is not None, "next_url": next_url}
    return render(request, "portal/accounts/login.html", context)


@login_not_required
@require_POST
def logout_view(request):
    """Logs out of the portal first, then (after a FranceConnect+ login) out of FC+ itself."""
    id_token_hint = fcplus_session.id_token_hint(request)
    next_url = safe_next_url(request, request.POST.get("next"))
    logout(request)
    response = fcplus_logout.end_session_redirect(request, id_token_hint=id_token_hint, next_url=next_url)
    return response or redirect(next_url or settings.LOGOUT_REDIRECT_URL)
