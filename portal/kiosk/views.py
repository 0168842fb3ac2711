"""The kiosk's own pages: welcome, end of a visit (by the visitor or by idleness), exit link, enrolment."""

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from portal.accounts.fcplus import logout as fcplus_logout
from portal.accounts.fcplus import session as fcplus_session
from portal.kiosk.enrolment import install_cookie, office_of_token

# Everything the browser keeps for this origin except its cookies: the kiosk's enrolment is a cookie,
# and the portal's own cookies (session, CSRF, language) are deleted one by one instead.
CLEAR_SITE_DATA = '"cache", "storage"'
VISITOR_COOKIES = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME)


def end_visit(request, *, next_url: str):
    """Logs out of the portal, then of FranceConnect+ when the visitor used it; comes back to next_url."""
    id_token_hint = fcplus_session.id_token_hint(request)
    logout(request)  # flushes the session, drafts' answers in it included
    response = fcplus_logout.end_session_redirect(request, id_token_hint=id_token_hint, next_url=next_url)
    return erase_visitor(response or redirect(next_url))


def erase_visitor(response):
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    for name in VISITOR_COOKIES:
        response.delete_cookie(name)
    return response


@login_not_required
def welcome(request):
    response = render(request, "portal/kiosk/welcome.html")
    if request.GET.get("fin") and request.kiosk_office:
        # Back from FranceConnect+'s logout: erase again what its round trip may have left.
        erase_visitor(response)
    return response


@login_not_required
@require_POST
def end(request):
    return end_visit(request, next_url=reverse("kiosk:welcome") + "?fin=1")


@login_not_required
def timeout(request):
    """Where an idle kiosk lands (the server's redirect, the page's refresh without JavaScript, or the script)."""
    if request.kiosk_office and (request.user.is_authenticated or request.session.session_key):
        return end_visit(request, next_url=reverse("kiosk:timeout"))
    response = render(request, "portal/kiosk/timeout.html")
    return erase_visitor(response) if request.kiosk_office else response


@login_not_required
@require_POST
def keepalive(request):
    """ "Continuer": the visitor is still here (the kiosk middleware counts this request as activity)."""
    return HttpResponse(status=204)


@login_not_required
def still_here(request):
    """The idle warning without JavaScript: a page of its own that the idle page moves to before the end,
    with « Continuer » back to where the visitor was, and its own refresh to the end of the visit (on a
    kiosk only: elsewhere, like the timeout page, it ends nothing)."""
    back = request.GET.get("suite", "")
    own_pages = (reverse("kiosk:still_here"), reverse("kiosk:timeout"))
    if (
        not back.startswith("/")
        or back.startswith(own_pages)
        or not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()})
    ):
        back = reverse("kiosk:welcome")
    return render(request, "portal/kiosk/still_here.html", {"back": back})


@login_not_required
def exit_link(request):
    target = request.GET.get("vers", "")
    if not target.startswith(("https://", "http://")) or url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        target = ""
    return render(request, "portal/kiosk/exit.html", {"target": target})


@login_not_required
def install(request):
    """The office's IT opens the link the kiosk_enrol command printed, once, on the kiosk PC."""
    token = request.POST.get("jeton") or request.GET.get("jeton", "")
    office = office_of_token(token)
    if request.method == "POST" and office:
        response = redirect("kiosk:welcome")
        install_cookie(response, token)
        return response
    return render(request, "portal/kiosk/install.html", {"office": office, "token": token if office else ""})


keepalive.not_a_page = True
end.not_a_page = True
