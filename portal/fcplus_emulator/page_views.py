"""The emulator's pages for people: the identity picker (FC+'s login screen) and its home page."""

import secrets
import time
from datetime import date
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.csp import CSP
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache

from portal.dates import long_date
from portal.fcplus_emulator import faults, keys, store
from portal.fcplus_emulator.claims import OTHER_ISSUER, issuer_url
from portal.fcplus_emulator.identities import IDENTITIES, emulator_sub
from portal.fcplus_emulator.registration import registration

LEVEL_LABELS = {"eidas2": "substantiel (eidas2)", "eidas3": "élevé (eidas3)"}


def birth_date_text(identity) -> str:
    """The birth date as the person reads it on FC+'s French-only screen ("12 mars 1985", "1er janvier
    1962"), whatever the portal's language; the claims keep FC+'s ISO "1985-03-12"."""
    with translation.override("fr"):
        return long_date(date.fromisoformat(identity.birthdate))


def delivered_level(identity_key, requested: str) -> str | None:
    """The level the identity's provider reaches for this request: the lowest one ≥ the request."""
    identity = IDENTITIES.get(identity_key) if isinstance(identity_key, str) else None
    if identity is None:
        return None
    return next((level for level in sorted(identity.levels) if level >= requested), None)


@login_not_required
@never_cache
def interaction(request, uid):
    record = store.interaction(uid)
    if record is None:
        message = "Cette demande de connexion est inconnue ou a expiré (elle vaut 10 minutes). Recommencez depuis le service."
        return render(request, "portal/fcplus_emulator/error.html", {"message": message}, status=400)
    error = ""
    if request.method == "POST":
        fault = faults.known(request.POST.get("fault"))
        if request.POST.get("action") == "cancel":
            store.end_interaction(uid)
            return back_to_service(
                request, record, {"error": "access_denied", "error_description": "User auth aborted"}, fault
            )
        identity_key = request.POST.get("identity")
        level = delivered_level(identity_key, record["acr"])
        if level is not None:
            store.end_interaction(uid)
            code = store.issue_code(
                {
                    **{
                        name: record[name]
                        for name in ("client_id", "redirect_uri", "nonce", "scopes", "amr_requested")
                    },
                    "identity": identity_key,
                    "acr": level,
                    "fault": fault,
                    "auth_time": int(time.time()),
                    "sid": secrets.token_urlsafe(16),
                }
            )
            return back_to_service(request, record, {"code": code}, fault)
        error = "Choisissez une identité disponible à ce niveau de garantie."
    selected_fault = faults.known(request.GET.get("fault")) or faults.session_fault(request)
    levels = {key: delivered_level(key, record["acr"]) for key in IDENTITIES}
    rows = [
        {
            "identity": identity,
            "birth_date": birth_date_text(identity),
            "level": levels[key],
            "level_label": LEVEL_LABELS.get(levels[key], ""),
        }
        for key, identity in IDENTITIES.items()
    ]
    first_available = next((row["identity"].key for row in rows if row["level"]), "")
    context = {
        "uid": uid,
        "rows": rows,
        "checked": request.POST.get("identity", first_available),
        "requested_level": LEVEL_LABELS[record["acr"]],
        "fault_groups": faults.GROUPS,
        "selected_fault": selected_fault,
        "error": error,
    }
    return render(request, "portal/fcplus_emulator/picker.html", context, status=400 if error else 200)


def back_to_service(request, record: dict, params: dict, fault: str):
    """The redirect to the service's redirect_uri, as FC+ sends it, or as the fault breaks it."""
    params = {**params, "state": record["state"], "iss": issuer_url(request)}
    if fault == "callback_without_state":
        del params["state"]
    elif fault == "callback_other_state":
        params["state"] = secrets.token_urlsafe(32)
    elif fault == "callback_error_other_state":
        params = {
            "error": "access_denied",
            "error_description": "User auth aborted",
            "state": secrets.token_urlsafe(32),
        }
    elif fault == "callback_server_error":
        params = {"error": "server_error", "error_description": "fault switch", "state": record["state"]}
    elif fault == "callback_other_iss":
        params["iss"] = OTHER_ISSUER
    response = redirect(f"{record['redirect_uri']}?{urlencode(params)}")
    # The picker is a form: its CSP must let the redirect that follows it reach the service's host.
    target = "{0.scheme}://{0.netloc}".format(urlsplit(record["redirect_uri"]))
    response._csp_config = {**settings.SECURE_CSP, "form-action": [CSP.SELF, target]}
    return response


@login_not_required
@never_cache
def index(request):
    """What a newcomer needs: the identities and their sub for this portal, and the fault switches."""
    if request.method == "POST":
        response = redirect("fcplus_emulator:index")
        if "session_fault" in request.POST:
            fault = faults.known(request.POST["session_fault"])
            faults.set_session_fault(response, fault)
            messages.success(request, f"Panne de ce navigateur : {faults.FAULTS.get(fault, 'aucune')}.")
        if "global_fault" in request.POST:
            faults.set_global_fault(request.POST["global_fault"])
            messages.success(
                request, f"Panne de l’émulateur : {faults.FAULTS.get(faults.global_fault(), 'aucune')}."
            )
        if "rotate" in request.POST:
            messages.success(request, f"Nouvelle clé de signature : {keys.rotate_signing_key().kid}.")
        return response
    client_id = registration().client_id
    context = {
        "issuer": issuer_url(request),
        "client_id": client_id,
        "identities": [(identity, emulator_sub(identity.key, client_id)) for identity in IDENTITIES.values()],
        "fault_groups": faults.GROUPS,
        "global_faults": faults.DISCOVERY,
        "session_fault": faults.session_fault(request),
        "global_fault": faults.global_fault(),
        "signing_kid": keys.current_signing_key().kid,
    }
    return render(request, "portal/fcplus_emulator/index.html", context)
