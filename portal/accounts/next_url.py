"""Where to go after logging in or out: only a path of this site, never another host (no open redirect)."""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next_url(request, value) -> str:
    """`value` if it is a local path ("/mon-espace/…"), otherwise ""."""
    if not isinstance(value, str) or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return ""
    if not url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    return value


def is_public_path(path: str) -> bool:
    """Whether `path` is a page anyone may open (`@login_not_required`), not a personal one."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return False
    # The attribute LoginRequiredMiddleware reads.
    return not getattr(match.func, "login_required", True)
