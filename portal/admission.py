"""Admission control: a bounded number of requests doing Django work at once in each worker process.

Beyond that number a request is answered at once with 503, Retry-After and a light waiting page
("Le service est très demandé", problem+json under /api/), rather than queueing until it times out:
on launch day a growing queue is how a service falls over. A request that carries a live session
(someone already in a questionnaire, a claim, or logged in) may take the reserved slots and wait a
moment for one, so nobody halfway through a journey is pushed out by new arrivals. /healthz and the
static files (served by WhiteNoise, before this middleware) are never refused.
"""

import random
import threading
from contextlib import contextmanager
from importlib import import_module

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation.trans_real import get_supported_language_variant, parse_accept_lang_header

# The portal's public keys are fetched by FranceConnect+ in the middle of a person's login (server to
# server, no session): refusing them fails a login already under way ("token_http_error"). A static
# document, cheap to serve. Measured 2026-12-01 under `make run`: one long request held a slot, the login's
# callback and token call two more, and the keys' fetch was refused.
EXEMPT_PATHS = frozenset({"/healthz", "/compte/franceconnect/jwks.json"})
# Set by the gunicorn worker (portal/gunicorn_worker.py) to have the waiting page built by this app.
REFUSE_KEY = "portal.admission.refuse"
API_PREFIX = "/api/"
# The waiting page's "Ne plus recharger automatiquement" link adds this to the address: the page then
# comes without the timed reload (WCAG 2.2.1: a time limit the person can turn off; docs/capacity.md).
NO_RELOAD_QUERY = "rechargement=non"


class Gate:
    """A counting semaphore with a reserve: new arrivals may use `limit - reserve` slots, requests
    with a session all `limit`, and those wait up to `priority_wait` seconds for a slot."""

    def __init__(self, limit: int, reserve: int, priority_wait: float):
        self.limit = limit
        self.reserve = min(reserve, max(limit - 1, 0))
        self.priority_wait = priority_wait
        self.in_flight = 0
        self.condition = threading.Condition()

    def try_enter(self, *, priority: bool) -> bool:
        ceiling = self.limit if priority else self.limit - self.reserve
        with self.condition:
            if self.in_flight < ceiling:
                self.in_flight += 1
                return True
            if not priority or self.priority_wait <= 0:
                return False
            if self.condition.wait_for(lambda: self.in_flight < self.limit, timeout=self.priority_wait):
                self.in_flight += 1
                return True
            return False

    def leave(self) -> None:
        with self.condition:
            self.in_flight -= 1
            self.condition.notify()

    @contextmanager
    def held(self, slots: int | None = None):
        """Occupies `slots` (all by default), as requests in flight would: for tests and drills."""
        slots = self.limit if slots is None else slots
        with self.condition:
            self.in_flight += slots
        try:
            yield self
        finally:
            with self.condition:
                self.in_flight -= slots
                self.condition.notify_all()


gate = Gate(
    limit=settings.ADMISSION_LIMIT,
    reserve=settings.ADMISSION_RESERVE,
    priority_wait=settings.ADMISSION_PRIORITY_WAIT_MS / 1000,
)
_session_store = import_module(settings.SESSION_ENGINE).SessionStore
_pages: dict[tuple[str, int, bool], bytes] = {}


def has_live_session(request) -> bool:
    """Someone already in: the session cookie names a session that exists (a forged cookie does not)."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    return bool(key) and _session_store().exists(key)


def waiting_page(language: str, retry_after: int, reload: bool = True) -> bytes:
    """Rendered once per language, delay and reload choice, then served from memory: refusing must
    stay cheap."""
    key = (language, retry_after, reload)
    if key not in _pages:
        with translation.override(language):
            html = render_to_string(
                "portal/errors/busy.html",
                {
                    "retry_after": retry_after,
                    "reload": reload,
                    "no_reload_query": NO_RELOAD_QUERY,
                    "SITE_NAME": settings.SITE_NAME,
                },
            )
        _pages[key] = html.encode()
    return _pages[key]


def wants_no_reload(query_string: str) -> bool:
    return NO_RELOAD_QUERY in query_string.split("&")


def busy_response(request) -> HttpResponse:
    # Spread over [R, 1.5 R] so that the refused do not all come back in the same second.
    base = settings.ADMISSION_RETRY_AFTER
    retry_after = random.randint(base, base + base // 2)
    if request.path.startswith(API_PREFIX):
        response = JsonResponse(
            {
                "type": "about:blank",
                "title": "Service très demandé",
                "status": 503,
                "detail": f"Trop de demandes en ce moment : réessayez dans {retry_after} secondes.",
            },
            status=503,
            content_type="application/problem+json",
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        language = translation.get_language_from_request(request)
        reload = not wants_no_reload(request.META.get("QUERY_STRING", ""))
        response = HttpResponse(waiting_page(language, retry_after, reload), status=503)
        response["Content-Language"] = language
        if reload:
            # Reloads this address after Retry-After, without JavaScript. A header, not a <meta>
            # refresh; the page says so in words, offers to retry at once and to turn the reload off
            # (WCAG 2.2.1, docs/capacity.md).
            response["Refresh"] = str(retry_after)
        # The layer below would add these; a refused request does not reach it.
        response["X-Frame-Options"] = "DENY"
        response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
    response["Retry-After"] = str(retry_after)
    response["Content-Length"] = str(len(response.content))
    response["Cache-Control"] = "no-store"
    # Expected under a surge: not an error to log thousands of times a second.
    response._has_been_logged = True
    return response


class AdmissionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get(REFUSE_KEY):
            return busy_response(request)
        if gate.limit <= 0 or request.path in EXEMPT_PATHS:
            return self.get_response(request)
        # A new arrival takes a free slot or is refused at once; only then is the session looked up.
        admitted = gate.try_enter(priority=False) or (
            has_live_session(request) and gate.try_enter(priority=True)
        )
        if not admitted:
            return busy_response(request)
        try:
            return self.get_response(request)
        finally:
            gate.leave()


def parse_head(head: bytes) -> tuple[str, bool, str, bool]:
    """From the first bytes of an HTTP/1 request: its path, whether it carries a session cookie, the
    language it asks for (cookie, then Accept-Language), and whether the person turned the waiting
    page's reload off. For the worker's poller: no Django."""
    lines = head.split(b"\r\n")
    parts = lines[0].split(b" ")
    target = parts[1].decode("latin-1") if len(parts) > 1 else "/"
    path, _, query = target.partition("?")
    cookies, accept = "", ""
    for line in lines[1:]:
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "cookie":
            cookies = value
        elif name.lower() == "accept-language":
            accept = value.strip()
    jar = dict(item.strip().partition("=")[::2] for item in cookies.split(";") if "=" in item)
    language = jar.get(settings.LANGUAGE_COOKIE_NAME, "")
    candidates = [language] + [code for code, _ in parse_accept_lang_header(accept)]
    for candidate in filter(None, candidates):
        try:
            language = get_supported_language_variant(candidate)
            break
        except LookupError:
            continue
    else:
        language = settings.LANGUAGE_CODE
    return path, settings.SESSION_COOKIE_NAME in jar, language, wants_no_reload(query)


def refusal_key(
    path: str, has_session: bool, language: str, no_reload: bool = False
) -> tuple[str, str, bool] | None:
    """Which waiting page a request would get from the poller, or None if it must reach Django:
    /healthz and static files are always served, a session may be a journey under way."""
    if has_session or path in EXEMPT_PATHS or path.startswith(settings.STATIC_URL):
        return None
    return (API_PREFIX, "", False) if path.startswith(API_PREFIX) else ("/", language, no_reload)
