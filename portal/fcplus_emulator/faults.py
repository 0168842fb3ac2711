"""Fault switches: each makes the emulator produce one failure the portal must refuse.

A fault is chosen for one login in the picker (its "Simuler une panne" list, or `?fault=` on the
picker's URL), for the browser on the emulator's home page (/_fcplus/, a cookie of its own), or, for what the
portal fetches without a browser (discovery), emulator-wide for ten minutes. Only the emulator has
them; the portal has no switch of its own.

ID-token and userinfo faults share their mutations: "id_token_<mutation>" and "userinfo_<mutation>".
"""

from django.core.cache import cache

# FC+ has its own cookies, apart from the service's: the browser's fault lives in a signed cookie of
# the emulator's path, so the portal's logout (which flushes the portal's session) keeps it.
COOKIE = "fcplus_emulator_fault"
COOKIE_PATH = "/_fcplus/"
GLOBAL_CACHE_KEY = "fcplus-emulator:global-fault"
GLOBAL_FAULT_SECONDS = 600

CALLBACK = {
    "callback_without_state": "Retour au service sans state",
    "callback_other_state": "Retour au service avec un autre state",
    "callback_error_other_state": "Erreur access_denied avec un autre state",
    "callback_server_error": "Erreur server_error au retour",
    "callback_other_iss": "Paramètre iss d’un autre émetteur au retour",
}
TOKEN = {
    "token_invalid_grant": "Jeton : erreur invalid_grant (400)",
    "token_server_error": "Jeton : erreur serveur (500)",
    "token_timeout": "Jeton : pas de réponse à temps",
    "token_response_oversized": "Jeton : réponse trop volumineuse",
}
ID_TOKEN = {
    "id_token_nonce_missing": "ID token sans nonce",
    "id_token_nonce_other": "ID token avec un autre nonce",
    "id_token_nonce_replayed": "ID token avec le nonce de la connexion précédente",
    "id_token_iss_other": "ID token d’un autre émetteur (iss)",
    "id_token_aud_other": "ID token pour un autre service (aud)",
    "id_token_aud_extra": "ID token pour deux services, sans azp",
    "id_token_expired": "ID token expiré (exp)",
    "id_token_iat_future": "ID token émis dans le futur (iat)",
    "id_token_alg_none": "ID token non signé (alg none)",
    "id_token_alg_hs256": "ID token signé HS256 avec le secret du service",
    "id_token_alg_rs256": "ID token signé RS256",
    "id_token_kid_unknown": "ID token signé par une clé inconnue (kid)",
    "id_token_foreign_key": "ID token signé par une autre clé sous un kid connu",
    "id_token_bare_jws": "ID token signé mais non chiffré",
    "id_token_jwe_wrong_key": "ID token chiffré pour une autre clé",
    "id_token_jwe_kid_unknown": "ID token chiffré avec un kid inconnu",
    "id_token_jwe_rsa1_5": "ID token chiffré en RSA1_5",
    "id_token_jwe_dir": "ID token chiffré en dir",
    "id_token_jwe_a128kw": "ID token chiffré en A128KW",
    "id_token_jwe_a128gcm": "ID token chiffré en A128GCM",
    "id_token_jwe_a256cbc": "ID token chiffré en A256CBC-HS512",
    "id_token_jwe_zip": "ID token compressé (zip DEF)",
    "id_token_tampered_header": "ID token : en-tête JWE modifié",
    "id_token_tampered_iv": "ID token : vecteur d’initialisation modifié",
    "id_token_tampered_ciphertext": "ID token : texte chiffré modifié",
    "id_token_tampered_tag": "ID token : tag d’authentification modifié",
    "id_token_truncated": "ID token tronqué",
    "id_token_oversized": "ID token trop volumineux",
    "id_token_acr_eidas1": "ID token de niveau eidas1",
    "id_token_acr_missing": "ID token sans acr",
    "id_token_acr_unknown": "ID token avec un acr inconnu",
    "id_token_acr_eidas2": "ID token de niveau eidas2 quel que soit le niveau demandé (SSO)",
    "id_token_amr_missing": "ID token sans amr",
}
USERINFO = {
    "userinfo_json": "Userinfo en JSON (application/json)",
    "userinfo_bare_jws": "Userinfo signé mais non chiffré",
    "userinfo_other_sub": "Userinfo d’une autre personne (sub)",
    "userinfo_iss_other": "Userinfo d’un autre émetteur (iss)",
    "userinfo_aud_other": "Userinfo pour un autre service (aud)",
    "userinfo_malformed_pivot": "Userinfo avec une date de naissance invalide",
    "userinfo_unauthorized": "Userinfo : jeton d’accès refusé (401)",
    "userinfo_server_error": "Userinfo : erreur serveur (500)",
    "userinfo_timeout": "Userinfo : pas de réponse à temps",
}
LOGOUT = {
    "logout_without_state": "Déconnexion : retour sans state",
    "logout_other_state": "Déconnexion : retour avec un autre state",
}
DISCOVERY = {
    "discovery_other_issuer": "Découverte : un autre émetteur (pour tout l’émulateur)",
}
GROUPS = {
    "Retour au service": CALLBACK,
    "Échange du code": TOKEN,
    "ID token": ID_TOKEN,
    "Userinfo": USERINFO,
    "Déconnexion": LOGOUT,
    "Découverte": DISCOVERY,
}
FAULTS = {name: label for group in GROUPS.values() for name, label in group.items()}


def known(fault) -> str:
    """The fault if it is one, else "" (an unknown name switches nothing on)."""
    return fault if isinstance(fault, str) and fault in FAULTS else ""


def mutation(fault: str, kind: str) -> str:
    """For `kind` "id_token" or "userinfo": the mutation the fault asks of that token, or ""."""
    prefix = f"{kind}_"
    return fault.removeprefix(prefix) if fault.startswith(prefix) else ""


def session_fault(request) -> str:
    return known(request.get_signed_cookie(COOKIE, default="", salt=COOKIE))


def set_session_fault(response, fault: str) -> None:
    if known(fault):
        response.set_signed_cookie(
            COOKIE, fault, salt=COOKIE, path=COOKIE_PATH, httponly=True, samesite="Lax"
        )
    else:
        response.delete_cookie(COOKIE, path=COOKIE_PATH)


def global_fault() -> str:
    return known(cache.get(GLOBAL_CACHE_KEY))


def set_global_fault(fault: str) -> None:
    if known(fault):
        cache.set(GLOBAL_CACHE_KEY, fault, GLOBAL_FAULT_SECONDS)
    else:
        cache.delete(GLOBAL_CACHE_KEY)
