"""Who may enter the desk: staff who signed in with their second factor, holding the role's permission."""

import functools

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

MANDATE_KEY = "desk_mandate"


def is_verified_agent(request) -> bool:
    user = getattr(request, "user", None)
    # is_verified(): django-otp's middleware, true once the TOTP code was right (benefits.desk.auth). An
    # error page answered before that middleware ran (a NUL in the address, portal/errors.py) has neither.
    is_verified = getattr(user, "is_verified", None)
    return bool(
        user is not None and user.is_authenticated and user.is_staff and is_verified and is_verified()
    )


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


def agents_to_their_desk(view):
    """Mon espace is the allocataire's own: an agent has none (it said "Aucun dossier allocataire…").
    Under a mandate the agent goes to the person's Mes démarches (where "Faire les démarches pour la
    personne" leads), otherwise to the desk, told why."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_verified_agent(request):
            return view(request, *args, **kwargs)
        if getattr(request, "mandate", None) is not None:
            return redirect("claims:index")
        messages.info(
            request,
            _(
                "« Mon espace » est l’espace des allocataires. Pour faire une démarche pour une "
                "personne, ouvrez son dossier et enregistrez un mandat."
            ),
        )
        return redirect("desk:search")

    return wrapped
