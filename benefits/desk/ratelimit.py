"""A fixed-window counter in the cache: agents' searches and login attempts."""

import time

from django.core.cache import cache


def over_limit(key: str, *, limit: int, window: int = 60) -> bool:
    """Counts one attempt under `key`; True once more than `limit` were made in the current window."""
    bucket = f"desk-rate:{key}:{int(time.time() // window)}"
    if cache.add(bucket, 1, window + 1):
        return False
    try:
        return cache.incr(bucket) > limit
    except ValueError:
        cache.set(bucket, 1, window + 1)
        return False
