"""Emptying the cache of this test process only.

Django's RedisCache.clear() is FLUSHDB, the whole database: with one TEST_REDIS_URL for a run, both
pytest-xdist processes (and the Celery broker, which that URL carries too) share it. Each process's keys
carry its own prefix (CACHE_KEY_PREFIX, tests/environment.py): those alone are deleted.
"""

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

BATCH = 500


def cache_clear_own() -> None:
    cache = caches["default"]  # the backend (django.core.cache.cache is a proxy to it)
    if not isinstance(cache, RedisCache):
        cache.clear()  # local memory: this process's own
        return
    if not cache.key_prefix:
        raise RuntimeError("a Redis cache shared by the tests needs CACHE_KEY_PREFIX (tests/environment.py)")
    client = cache._cache.get_client(write=True)
    keys = []
    for key in client.scan_iter(match=f"{cache.key_prefix}:*", count=BATCH):
        keys.append(key)
        if len(keys) == BATCH:
            client.unlink(*keys)
            keys = []
    if keys:
        client.unlink(*keys)
