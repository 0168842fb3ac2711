"""What the portal's session keeps of a FranceConnect+ login: its level and the logout hint.

Stored after Django's login() (which cycles the session key), so it belongs to the new session only.
"""

SESSION_KEY = "fcplus_login"


def remember_login(request, *, acr: str, amr: tuple[str, ...], id_token_hint: str) -> None:
    request.session[SESSION_KEY] = {"acr": acr, "amr": list(amr), "id_token_hint": id_token_hint}


def login_level(request) -> str | None:
    """The acr of the current login ("eidas2" or "eidas3"), None without a FranceConnect+ login."""
    return (request.session.get(SESSION_KEY) or {}).get("acr")


def id_token_hint(request) -> str | None:
    return (request.session.get(SESSION_KEY) or {}).get("id_token_hint")
