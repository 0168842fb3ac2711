"""Who may enter the desk: staff who signed in with their second factor, holding the role's permission.

What an agent sees of the person's own pages (Mon espace, Mes courriers, the urgent aid) is
portal.agent_access's: those pages ask it there, without importing the desk.
"""

import functools

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from portal.agent_access import is_verified_agent

MANDATE_KEY = "desk_mandate"


def agent_required(permission: str = "benefits.consult_file"):
    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not is_verified_agent(request):
                login = reverse("desk:login") + "?" + urlencode({"next": request.get_full_path()})
                return redirect(login)
            if not request.user.has_perm(permission):
                raise PermissionDenied(permission)
            return view(request, *args, **kwargs)

        # Not the people's FranceConnect+ login page: an agent signs in on the desk's own (see above).
        return login_not_required(wrapped)

    return decorator


def office_of(user) -> str:
    agent = getattr(user, "desk_agent", None)
    return agent.office if agent else settings.SITE_NAME
