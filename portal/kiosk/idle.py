"""Server-side idle time of a session, kept in the cache beside it rather than in it.

Writing a timestamp into the session on every request would save the whole session each time, and a
concurrent request could then write back a stale copy over answers just saved (see SESSION_SAVE_EVERY_REQUEST).
"""

import time

from django.core.cache import cache

# Long enough to outlive any idle limit; a session unseen for a day is over anyway (SESSION_COOKIE_AGE).
KEEP_SECONDS = 24 * 3600


def key_of(session_key: str) -> str:
    return f"portal-idle:{session_key}"


def idle_expired(request, limit_seconds: int) -> bool:
    """True when this session has been idle longer than the limit (its last request was too long ago)."""
    session_key = request.session.session_key
    if not session_key:
        return False
    seen = cache.get(key_of(session_key))
    return seen is not None and time.time() - seen > limit_seconds


def idle_touch(request) -> None:
    session_key = request.session.session_key
    if session_key:
        cache.set(key_of(session_key), time.time(), KEEP_SECONDS)
