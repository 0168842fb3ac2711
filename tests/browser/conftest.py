"""Browser tests: sync Playwright on Debian's chromium (never a downloaded browser), with axe-core.

Without CI, the browser tests skip (saying so) when /usr/bin/chromium is absent; with CI=true they fail.
"""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.axe_check import axe_check
from tests.environment import is_ci

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if "tests/browser/" in str(item.path)]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if not browser_items or os.path.exists(CHROMIUM):
        return
    if is_ci():
        raise pytest.UsageError(
            f"CI=true but Chromium is missing at {CHROMIUM}: install the 'chromium' package"
        )
    skip = pytest.mark.skip(reason=f"Chromium not installed at {CHROMIUM} (apt install chromium)")
    for item in browser_items:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-FR"}


# A test that needs a browser context of its own (no JavaScript, a phone's viewport, a second person)
# asks for pytest-playwright's `new_context` fixture and calls it: `new_context(viewport=...)`. It
# merges browser_context_args (the locale: don't pass it again) and closes every context it opened
# at teardown, when an assertion failed too: a context left open kept its pages, routes and timers
# running into the next test. Never `browser.new_context()` in a test.


@pytest.fixture
def no_js_context(new_context):
    """A browser context without JavaScript (closed by `new_context` at teardown)."""
    return new_context(java_script_enabled=False)


@pytest.fixture
def no_js_page(no_js_context, live_server):
    return no_js_context.new_page()


@pytest.fixture
def login_browser(context, live_server, django_user_model):
    """Logs a browser context in as a new person, through a real session cookie: the test's `context`,
    or the one given (`login_browser(into=no_js_context)`)."""

    def login(user=None, *, into=None):
        from django.conf import settings
        from django.test import Client

        from tests.factories import UserFactory

        user = user or UserFactory()
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        (into or context).add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )
        return user

    return login


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Runs axe over the whole page (header and footer included) and fails on any WCAG A/AA violation.

    A page without JavaScript is audited in a JavaScript-enabled copy of its document: axe cannot run
    in it (tests/browser/axe_check.py says why and how)."""

    def check(page, context="", *, disabled_rules: dict[str, str] | None = None):
        """`disabled_rules` maps an axe rule to the reason it cannot apply to this page: a rule is
        never turned off without one (and never for the whole suite)."""
        disabled_rules = disabled_rules or {}
        assert all(reason.strip() for reason in disabled_rules.values()), "a disabled rule needs its reason"
        results = axe_check(page, axe.axe_script, WCAG_TAGS, disabled_rules=list(disabled_rules))
        assert results.violations_count == 0, f"{context or page.url}\n{results.generate_report()}"

    return check
