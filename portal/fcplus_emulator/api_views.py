"""The emulator's OpenID Connect endpoints, under /_fcplus/api/v2/ like FC+'s /api/v2/."""

import hmac
import json
import secrets
import time

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from joserfc import jws
from joserfc.errors import JoseError

from portal.fcplus_emulator import claims, faults, keys, store, tokens
from portal.fcplus_emulator.authorize_request import InvalidRequest, parse_authorize_request
from portal.fcplus_emulator.registration import encryption_key, is_registered, registration


@login_not_required
def discovery(request):
    issuer = claims.issuer_url(request)
    published = claims.OTHER_ISSUER if faults.global_fault() == "discovery_other_issuer" else issuer
    return JsonResponse(
        {
            "issuer": published,
            "authorization_endpoint": f"{issuer}/authorize",
            "token_endpoint": f"{issuer}/token",
            "userinfo_endpoint": f"{issuer}/userinfo",
            "jwks_uri": f"{issuer}/jwks",
            "end_session_endpoint": f"{issuer}/session/end",
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code"],
            "scopes_supported": sorted(settings.FCPLUS_KNOWN_SCOPES),
            "claims_supported": sorted(
                {claim for released in claims.SCOPE_CLAIMS.values() for claim in released} | {"sub", "amr"}
            ),
            "claims_parameter_supported": True,
            "acr_values_supported": ["eidas2", "eidas3"],
            "prompt_values_supported": ["login", "consent"],
            "subject_types_supported": ["pairwise"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt"],
            "id_token_signing_alg_values_supported": ["ES256"],
            "id_token_encryption_alg_values_supported": ["ECDH-ES", "RSA-OAEP", "RSA-OAEP-256"],
            "id_token_encryption_enc_values_supported": ["A256GCM"],
            "userinfo_signing_alg_values_supported": ["ES256"],
            "userinfo_encryption_alg_values_supported": ["ECDH-ES", "RSA-OAEP", "RSA-OAEP-256"],
            "userinfo_encryption_enc_values_supported": ["A256GCM"],
            "authorization_response_iss_parameter_supported": True,
        }
    )


@login_not_required
def jwks(request):
    return JsonResponse(keys.published_jwks())


@csrf_exempt  # FC+ accepts the authorization request as a cross-site form post too
@login_not_required
@never_cache
def authorize(request):
    params = request.POST if request.method == "POST" else request.GET
    try:
        authorize_request = parse_authorize_request(params, request)
    except InvalidRequest as error:
        return render(request, "portal/fcplus_emulator/error.html", {"message": str(error)}, status=400)
    uid = store.save_interaction(authorize_request.as_record())
    return redirect("fcplus_emulator:interaction", uid=uid)


def oauth_error(status: int, error: str, description: str) -> JsonResponse:
    response = JsonResponse({"error": error, "error_description": description}, status=status)
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # a back-channel call from the service, authenticated by its secret
@login_not_required
def token(request):
    if request.method != "POST":
        return oauth_error(405, "invalid_request", "POST only")
    client = registration()
    if "Authorization" in request.headers:
        return oauth_error(401, "invalid_client", "the service is registered with client_secret_post")
    form = request.POST
    if form.get("client_id") != client.client_id or not hmac.compare_digest(
        form.get("client_secret", "").encode(), client.client_secret.encode()
    ):
        return oauth_error(401, "invalid_client", "unknown client or wrong secret")
    if form.get("grant_type") != "authorization_code":
        return oauth_error(400, "unsupported_grant_type", "authorization_code only")
    record = store.redeem_code(form.get("code"))
    if (
        record is None
        or record["client_id"] != client.client_id
        or record["redirect_uri"] != form.get("redirect_uri")
    ):
        return oauth_error(400, "invalid_grant", "unknown, used or expired code, or another redirect_uri")
    fault = record["fault"]
    if fault == "token_invalid_grant":
        return oauth_error(400, "invalid_grant", "fault switch")
    if fault == "token_server_error":
        return oauth_error(500, "server_error", "fault switch")
    if fault == "token_timeout":
        time.sleep(settings.FCPLUS_HTTP_TIMEOUT + 0.5)
    enc_key = encryption_key(request, client.enc_alg)
    if enc_key is None:
        return oauth_error(500, "server_error", f"no {client.enc_alg} key in the service's JWKS")
    previous_nonce = store.remember_nonce(client.client_id, record["nonce"])
    id_token = tokens.seal(
        claims.id_token_claims(request, record, faults.mutation(fault, "id_token"), previous_nonce),
        mutation=faults.mutation(fault, "id_token"),
        client_secret=client.client_secret,
        enc_key=enc_key,
        enc_alg=client.enc_alg,
    )
    access_token = store.issue_access_token(
        {
            "client_id": client.client_id,
            "identity": record["identity"],
            "scopes": record["scopes"],
            "fault": fault,
        }
    )
    body = {
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": store.ACCESS_TOKEN_SECONDS,
        "id_token": id_token,
        "scope": " ".join(record["scopes"]),
    }
    if fault == "token_response_oversized":
        body["padding"] = "x" * 70_000
    response = JsonResponse(body)
    response["Cache-Control"] = "no-store"
    return response


@login_not_required
def userinfo(request):
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    record = store.access_token(value) if scheme == "Bearer" else None
    if record is None or record["fault"] == "userinfo_unauthorized":
        response = HttpResponse(status=401)
        response["WWW-Authenticate"] = 'Bearer error="invalid_token"'
        return response
    fault = record["fault"]
    if fault == "userinfo_server_error":
        return oauth_error(500, "server_error", "fault switch")
    if fault == "userinfo_timeout":
        time.sleep(settings.FCPLUS_HTTP_TIMEOUT + 0.5)
    about = claims.userinfo_claims(request, record, faults.mutation(fault, "userinfo"))
    if fault == "userinfo_json":
        return JsonResponse(about)
    client = registration()
    enc_key = encryption_key(request, client.enc_alg)
    if enc_key is None:
        return oauth_error(500, "server_error", f"no {client.enc_alg} key in the service's JWKS")
    sealed = tokens.seal(
        about,
        mutation=faults.mutation(fault, "userinfo"),
        client_secret=client.client_secret,
        enc_key=enc_key,
        enc_alg=client.enc_alg,
    )
    response = HttpResponse(sealed, content_type="application/jwt")
    response["Cache-Control"] = "no-store"
    return response


@login_not_required
@never_cache
def session_end(request):
    """FC+'s logout: checks the hint, the registered return URI and the state, then sends the person back."""
    params = request.GET
    post_logout_redirect_uri = params.get("post_logout_redirect_uri", "")
    if not is_registered(post_logout_redirect_uri, request, "accounts:fcplus_logout_callback"):
        message = "post_logout_redirect_uri n’est pas enregistrée pour ce service."
    elif not params.get("state"):
        message = "state est obligatoire."
    elif not is_our_id_token(params.get("id_token_hint", ""), request):
        message = "id_token_hint n’est pas un ID token signé par FranceConnect+ pour ce service."
    else:
        message = ""
    if message:
        return render(request, "portal/fcplus_emulator/error.html", {"message": message}, status=400)
    fault = faults.session_fault(request)
    state = {"logout_without_state": None, "logout_other_state": secrets.token_urlsafe(32)}.get(
        fault, params["state"]
    )
    query = urlencode({"state": state}) if state else ""
    return redirect(f"{post_logout_redirect_uri}?{query}" if query else post_logout_redirect_uri)


def is_our_id_token(hint: str, request) -> bool:
    """A signed (not encrypted) ID token of ours, for this service; it may have expired (60 s)."""
    published = {
        key.kid: key
        for key in keys.published_keys()
        if key.kid.startswith("fcplus-emulator-") and key.alg == "ES256"
    }
    try:
        header = jws.extract_compact(hint.encode()).headers()
        key = published[header["kid"]]
        payload = jws.deserialize_compact(hint, key, algorithms=["ES256"]).payload
    except (JoseError, ValueError, KeyError, TypeError):
        return False
    try:
        said = json.loads(payload)
    except ValueError:
        return False
    return said.get("iss") == claims.issuer_url(request) and said.get("aud") == registration().client_id
