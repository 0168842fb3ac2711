"""A requests transport adapter that answers from Django's test client: outgoing HTTP calls of the
portal (to its emulators, and the emulators' calls back to the portal) stay in-process, with no
network at all.

- `DjangoClientAdapter` serves a request with Django's test client, with the body readable as a
  stream, and honours the read time-out the way a socket would: an answer slower than the time-out
  becomes `requests.ReadTimeout`. It records the calls it served (`calls`).
- `loopback_session(base_url)` mounts it for one origin; `offline_session()` mounts it for
  http://testserver and refuses every other host, so a test cannot reach the network by mistake.
"""

import io
import time

import requests
from django.test import Client
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

TEST_ORIGIN = "http://testserver/"
NOT_FORWARDED = {"host", "content-length", "content-type", "connection", "accept-encoding"}


class DjangoClientAdapter(BaseAdapter):
    # One shared client by default: building one loads the middleware (WhiteNoise scans the static
    # files, about half a second). Its cookies are cleared before each call: a back channel has none.
    _shared_client: Client | None = None

    def __init__(self, client: Client | None = None):
        super().__init__()
        self.client = client
        self.calls: list[tuple[str, str]] = []

    def django_client(self) -> Client:
        if self.client is not None:
            return self.client
        if DjangoClientAdapter._shared_client is None:
            DjangoClientAdapter._shared_client = Client()
        DjangoClientAdapter._shared_client.cookies.clear()
        return DjangoClientAdapter._shared_client

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        self.calls.append((request.method, request.path_url.split("?")[0]))
        headers = {k: v for k, v in request.headers.items() if k.lower() not in NOT_FORWARDED}
        body = request.body or b""
        started = time.monotonic()
        django_response = self.django_client().generic(
            request.method,
            request.path_url,
            data=body.encode() if isinstance(body, str) else body,
            content_type=request.headers.get("Content-Type", ""),
            headers=headers,
        )
        read_timeout = timeout[1] if isinstance(timeout, tuple) else timeout
        if read_timeout is not None and time.monotonic() - started > read_timeout:
            raise requests.ReadTimeout(f"no answer within {read_timeout} s (in-process)")
        response = requests.Response()
        response.status_code = django_response.status_code
        response.headers = CaseInsensitiveDict(django_response.headers)
        response.raw = io.BytesIO(django_response.content)
        response.url = request.url
        response.request = request
        response.reason = django_response.reason_phrase
        response.encoding = requests.utils.get_encoding_from_headers(response.headers)
        return response

    def close(self):
        pass


class NoNetworkAdapter(BaseAdapter):
    def send(self, request, *args, **kwargs):
        raise requests.ConnectionError(f"tests never use the network: {request.url}")

    def close(self):
        pass


def loopback_session(base_url: str = "http://127.0.0.1:8000") -> requests.Session:
    session = requests.Session()
    session.mount(base_url, DjangoClientAdapter())
    return session


def offline_session(adapter: DjangoClientAdapter) -> requests.Session:
    session = requests.Session()
    session.mount("http://", NoNetworkAdapter())
    session.mount("https://", NoNetworkAdapter())
    session.mount(TEST_ORIGIN, adapter)
    return session
