"""The tests' own cache clearing (tests/cache.py) leaves another process's keys alone: with one
TEST_REDIS_URL for a run, the two pytest-xdist processes share the Redis database, and a FLUSHDB per
test emptied the other's cache in the middle of a FranceConnect+ login (test_fcplus_logout failed now
and then)."""

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from tests.cache import cache_clear_own
from tests.environment import CACHE_KEY_PREFIX, WORKER


def test_each_test_process_has_its_own_cache_prefix():
    cache = caches["default"]
    assert f"tests-{WORKER}" == CACHE_KEY_PREFIX
    if isinstance(cache, RedisCache):
        assert cache.key_prefix == CACHE_KEY_PREFIX


def test_clearing_this_processs_cache_keeps_another_processs_keys():
    cache = caches["default"]
    if not isinstance(cache, RedisCache):
        pytest.skip("a local-memory cache is the process's own (Redis: CI=true or REDIS_URL)")
    client = cache._cache.get_client(write=True)
    other = "tests-gw-other:1:fcplus-emulator:code:abc"  # as the other process's cache writes it
    client.set(other, "kept", ex=60)
    cache.set("fcplus-emulator:code:mine", "gone", 60)
    try:
        cache_clear_own()
        assert cache.get("fcplus-emulator:code:mine") is None
        assert client.get(other) == b"kept"
    finally:
        client.delete(other)
