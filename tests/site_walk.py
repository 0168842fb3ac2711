"""The pages of the site, found by walking the URL configuration (so new pages are checked by themselves)."""

from django.urls import URLPattern, URLResolver, get_resolver

# Routes that are not HTML pages for people, with the reason.
NOT_PAGES = {
    "healthz",  # JSON for the load balancer
    "set_language",  # POST-only redirect
    "accounts:logout",  # POST-only
}
NOT_PAGE_PREFIXES = (
    "admin:",  # Django's admin for staff, not part of the public portal's design
    "_fcplus",  # offline identity-provider emulator (tested in its own suite)
    "income_emulator:",  # offline income data service
    "api:",  # JSON API (its human documentation page is listed in PAGE_EXTRAS)
    "desk:",  # agents only, signed in with a second factor: tests/benefits/desk/test_desk_invariants.py
    "campaigns:",  # operators only (403 for the walk's user): tests/benefits/campaigns/test_views.py checks them
)


def walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern), entry


def argument_free_pages():
    pages = {}
    for name, route, entry in walk(get_resolver().url_patterns):
        if entry.pattern.regex.groups or "<" in route:
            continue
        if name in NOT_PAGES or name.startswith(NOT_PAGE_PREFIXES) or route.startswith("_"):
            continue
        if getattr(entry.callback, "not_a_page", False) or getattr(
            entry.callback, "needs_previous_steps", False
        ):
            continue
        pages[name] = "/" + route.lstrip("^").rstrip("$")
    pages.update(PAGE_EXTRAS)
    return dict(sorted(pages.items()))


# Pages under excluded namespaces that are still pages for people.
PAGE_EXTRAS = {"api:docs": "/api/v1/"}
