"""Agents' sign-in and sign-out pages."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from benefits.api.ratelimit import client_address
from benefits.desk.auth import AgentLoginRefused, agent_login
from benefits.desk.forms import AgentLoginForm
from benefits.desk.ratelimit import over_limit
from portal.accounts.next_url import safe_next_url
from portal.posted import posted

LOGIN_ATTEMPTS_PER_MINUTE = 10


@login_not_required
def login_page(request):
    next_url = safe_next_url(request, request.GET.get("next") or request.POST.get("next"))
    form = AgentLoginForm(posted(request))
    refused = False
    if request.method == "POST" and form.is_valid():
        if over_limit(f"login:{client_address(request)}", limit=LOGIN_ATTEMPTS_PER_MINUTE):
            refused = True
        else:
            try:
                agent_login(
                    request=request,
                    username=form.cleaned_data["username"],
                    password=form.cleaned_data["password"],
                    code=form.cleaned_data["code"],
                )
            except AgentLoginRefused:
                refused = True
            else:
                return redirect(next_url or "desk:search")
    context = {"form": form, "refused": refused, "next_url": next_url}
    return render(request, "benefits/desk/login.html", context, status=403 if refused else 200)


@require_POST
def logout_view(request):
    logout(request)
    messages.info(request, _("Vous avez quitté l’espace agent."))
    return redirect("desk:login")


logout_view.not_a_page = True
