"""An agent on the person's own pages: who is an agent in a desk session, and where the mandate reaches.

Mon espace, Mes courriers, « Actions faites pour vous » and the urgent aid are the person's pages; an
agent reads or fills them for the person only under a mandate (request.mandate, set by benefits.desk's
middleware), and otherwise goes back to the desk. In portal, below the letters, the urgent aid, Mon
espace and the desk, so that each asks the same question without importing another (portal.channels
holds the writes' guard, mandate_required_for_agents).
"""

import functools

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


def is_verified_agent(request) -> bool:
    user = getattr(request, "user", None)
    # is_verified(): django-otp's middleware (right after the user's, portal/settings.py), true once the
    # TOTP code was right (benefits.desk.auth). A page answered before the session is read (the
    # admission's 503) has neither: it is nobody's.
    is_verified = getattr(user, "is_verified", None)
    return bool(
        user is not None and user.is_authenticated and user.is_staff and is_verified and is_verified()
    )


def to_the_desk(request):
    """An agent without a mandate on a page of Mon espace: back to the desk, told why."""
    messages.info(
        request,
        _(
            "« Mon espace » est l’espace des allocataires. Pour faire une démarche pour une "
            "personne, ouvrez son dossier et enregistrez un mandat."
        ),
    )
    return redirect("desk:search")


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
        return to_the_desk(request)

    return wrapped


def agents_under_a_mandate(view):
    """A page of Mon espace an agent sees for the person under a mandate (Mes courriers, Actions faites
    pour vous), scoped to the mandate's file by the view; without a mandate, back to the desk."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if is_verified_agent(request) and getattr(request, "mandate", None) is None:
            return to_the_desk(request)
        return view(request, *args, **kwargs)

    return wrapped


def refused_under_mandate(request, *, reason: str):
    """The 403 page an agent under a mandate reads where the mandate does not reach: `outside` (a letter
    of another file) or `own_claim` (the urgent aid, the victim's own claim); it says what to do."""
    return render(request, "benefits/desk/refused.html", {"reason": reason}, status=403)


def never_under_mandate(view):
    """A page of the person's own that nobody fills or reads for them (the urgent aid: benefits/auu)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if is_verified_agent(request):
            if getattr(request, "mandate", None) is None:
                return to_the_desk(request)
            return refused_under_mandate(request, reason="own_claim")
        return view(request, *args, **kwargs)

    return wrapped
