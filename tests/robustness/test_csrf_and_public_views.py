"""Every state-changing POST needs the CSRF token, and the list of public views is pinned (issue 17 G)."""

import uuid

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from tests.factories import UserFactory
from tests.site_walk import walk

pytestmark = pytest.mark.django_db

# Views anyone may open without logging in (LoginRequiredMiddleware is on): a new one must be added
# here knowingly.
PUBLIC = {
    "portal:home",
    "portal:help",
    "portal:accessibility",
    "portal:legal",
    "portal:privacy",
    "portal:sitemap",
    "healthz",
    "set_language",
    "simulator:start",
    "simulator:household",
    "simulator:persons",
    "simulator:family",
    "simulator:housing",
    "simulator:incomes",
    "simulator:check",
    "simulator:restart",
    "simulator:result",
    "simulator:result_pdf",
    "simulator:replay",
    "simulator:resume",
    "api:docs",
    "api:simulate",
    "api:openapi",
    "accounts:login",
    "accounts:logout",
    "accounts:fcplus_login",
    "accounts:fcplus_callback",
    "accounts:fcplus_logout_callback",
    "accounts:fcplus_jwks",
    # Kiosk screens: before anyone logs in on the office PC.
    "kiosk:welcome",
    "kiosk:end",
    "kiosk:timeout",
    "kiosk:keepalive",
    "kiosk:still_here",
    "kiosk:exit",
    "kiosk:install",
    # The agents' desk has its own guard (benefits.desk.access.agent_required: staff and a second
    # factor), so it opts out of the person's login; desk:login is its entrance.
    "desk:login",
    "desk:search",
    "desk:file",
    "desk:mandate_new",
    "desk:mandate_use",
    "desk:mandate_end",
    "desk:expert",
    # The operators' campaign screens use the same agents' guard plus their permission
    # (benefits.campaigns.views.operator_required); test_every_self_guarded_view_refuses_strangers.
    "campaigns:index",
    "campaigns:detail",
    "campaigns:dry_run",
    "campaigns:action",
    "campaigns:cancel_confirm",
    "campaigns:report",
    "campaigns:report_csv",
    "campaigns:report_xlsx",
}
# Without CSRF check, each for a reason: a JSON API for programs (no cookie, no session), and the
# emulators' machine-to-machine endpoints (never mounted in production).
CSRF_EXEMPT = {
    "api:simulate",
    "fcplus_emulator:authorize",
    "fcplus_emulator:token",
    "income_emulator:amounts",
}
ADMIN_POSTS = [
    "/gestion/login/",
    "/gestion/logout/",
    "/gestion/password_change/",
    "/gestion/benefits/claim/",
    "/gestion/benefits/claim/1/change/",
    "/gestion/benefits/allocatairefile/1/change/",
    "/gestion/benefits/allocatairefile/1/delete/",
    "/gestion/benefits/allocatairefile/add/",
]
SAMPLE = {"int": 1, "string": "x", "uuid": uuid.uuid4(), "path": "x", "slug": "x"}


def routes():
    for name, _route, entry in walk(get_resolver().url_patterns):
        if name.startswith("admin:"):
            continue
        kwargs = {
            key: SAMPLE[type(converter).__name__.removesuffix("Converter").lower()]
            for key, converter in entry.pattern.converters.items()
        }
        yield name, reverse(name, kwargs=kwargs), entry.callback


def test_the_public_views_are_the_pinned_ones():
    public = {
        name
        for name, _url, callback in routes()
        if not getattr(callback, "login_required", True)
        and not name.startswith(("fcplus_emulator:", "income_"))
    }
    assert public == PUBLIC


def visit(client, url):
    """GET, or POST for a view that takes only POST (the test client skips the CSRF check)."""
    response = client.get(url)
    return client.post(url) if response.status_code == 405 else response


@pytest.mark.parametrize("prefix", ["desk:", "campaigns:"])
def test_every_self_guarded_view_refuses_strangers(prefix):
    guarded = [
        url
        for name, url, _callback in routes()
        if name in PUBLIC and name.startswith(prefix) and name != "desk:login"
    ]
    assert guarded
    person = Client()
    person.force_login(UserFactory())
    for url in guarded:
        signed_out = visit(Client(), url)
        assert signed_out.status_code == 302 and signed_out["Location"].startswith("/agent/connexion/"), url
        # A person signed in with FranceConnect+ is refused, or asked to sign in as an agent.
        as_person = visit(person, url)
        assert as_person.status_code in (403, 404) or (
            as_person.status_code == 302 and as_person["Location"].startswith("/agent/connexion/")
        ), url


def test_only_the_pinned_views_skip_the_csrf_check():
    assert {
        name for name, _url, callback in routes() if getattr(callback, "csrf_exempt", False)
    } == CSRF_EXEMPT


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "logged-in"])
def test_every_post_without_the_csrf_token_is_refused(logged_in):
    client = Client(enforce_csrf_checks=True)
    if logged_in:
        # A person (an agent without second factor is sent to the desk login before any view).
        client.force_login(UserFactory())
    urls = [url for name, url, _callback in routes() if name not in CSRF_EXEMPT] + ADMIN_POSTS
    accepted = {
        url: response.status_code
        for url in urls
        if (response := client.post(url, {"action": "save", "couple": "non"})).status_code != 403
    }
    assert accepted == {}
    assert len(urls) > 30
