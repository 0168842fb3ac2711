"""A fixed-window rate limit per client address, kept in the cache (Redis in production)."""

import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60


def client_address(request) -> str:
    # Behind a reverse proxy REMOTE_ADDR is the proxy's: the operator names the header the proxy
    # overwrites with the client's address (API_CLIENT_IP_HEADER, e.g. X-Real-IP). Without that
    # setting no client-supplied header is trusted, since anyone can send X-Forwarded-For.
    header = settings.API_CLIENT_IP_HEADER
    if header:
        value = request.headers.get(header, "").split(",")[0].strip()
        if value:
            return value[:64]
    return request.META.get("REMOTE_ADDR", "unknown")


def rate_limit_exceeded(request, *, scope: str = "api", limit: int | None = None) -> int | None:
    """Counts this request in `scope`; returns the seconds to wait when over the limit, else None."""
    limit = settings.API_RATE_LIMIT_PER_MINUTE if limit is None else limit
    window = int(time.time() // WINDOW_SECONDS)
    key = f"{scope}-rate:{client_address(request)}:{window}"
    if cache.add(key, 1, WINDOW_SECONDS + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:
            cache.set(key, 1, WINDOW_SECONDS + 1)
            count = 1
    if count > limit:
        return WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS
    return None
