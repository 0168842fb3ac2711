"""Server-to-server calls to FranceConnect+: short time-outs, no redirects, a cap on the response size.

The `requests` session comes from allauth's adapter hook (`get_requests_session`), which the tests
replace with one that carries requests into Django's test client, so the suite never touches the network.
"""

import json
import time
from dataclasses import dataclass

import requests
from allauth.socialaccount.adapter import get_adapter

from portal.accounts.fcplus.errors import UNAVAILABLE, FCPlusError

# FC+ tokens weigh a few kilobytes; anything much larger is refused before it is parsed.
MAX_RESPONSE_BYTES = 64 * 1024
CHUNK_BYTES = 8 * 1024


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str  # media type only, lower case, without parameters
    body: bytes


def call(step: str, method: str, url: str, *, timeout: float, data=None, headers=None) -> Reply:
    """Sends one request; `step` names it in failure codes ("token", "userinfo", "jwks", "discovery")."""
    deadline = time.monotonic() + timeout
    try:
        with get_adapter().get_requests_session() as session:
            response = session.request(
                method,
                url,
                data=data,
                headers=headers,
                timeout=(timeout, timeout),
                allow_redirects=False,
                stream=True,
            )
            with response:
                body = read_capped(step, response, deadline)
    except requests.Timeout:
        raise FCPlusError(f"{step}_timeout", kind=UNAVAILABLE) from None
    except requests.RequestException:
        raise FCPlusError(f"{step}_unreachable", kind=UNAVAILABLE) from None
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    return Reply(status=response.status_code, content_type=content_type, body=body)


def read_capped(step: str, response, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
        raise FCPlusError(f"{step}_response_too_large")
    chunks, size = [], 0
    for chunk in response.iter_content(CHUNK_BYTES):
        size += len(chunk)
        if size > MAX_RESPONSE_BYTES:
            raise FCPlusError(f"{step}_response_too_large")
        # The read time-out applies to each read: a server that trickles bytes meets this deadline.
        if time.monotonic() > deadline:
            raise FCPlusError(f"{step}_timeout", kind=UNAVAILABLE)
        chunks.append(chunk)
    return b"".join(chunks)


def json_object(step: str, reply: Reply) -> dict:
    """The body as a JSON object, or a failure named after the step."""
    if reply.content_type != "application/json":
        raise FCPlusError(f"{step}_not_json")
    try:
        value = json.loads(reply.body)
    except ValueError:
        raise FCPlusError(f"{step}_not_json") from None
    if not isinstance(value, dict):
        raise FCPlusError(f"{step}_not_json")
    return value
