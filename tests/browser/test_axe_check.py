"""assert_accessible on pages without JavaScript: it audits them (it used to hang), as they are without it."""

import pytest

IMAGE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
# An image without a text alternative (axe's image-alt, WCAG 1.1.1); its script gives it one.
PROBE = f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Sonde axe</title></head>
<body><main><h1>Sonde</h1><img src="{IMAGE}"></main>
<script src="/axe-probe/alt.js"></script></body></html>"""
GIVE_ALT = "document.querySelector('img').alt = 'Un point';"


def serve_probe(context, live_server):
    def fulfill(route):
        if route.request.url.endswith("/alt.js"):
            route.fulfill(content_type="text/javascript", body=GIVE_ALT)
        else:
            route.fulfill(content_type="text/html; charset=utf-8", body=PROBE)

    context.route(f"{live_server.url}/axe-probe/**", fulfill)
    return f"{live_server.url}/axe-probe/"


def test_a_page_without_javascript_is_audited_and_its_violation_reported(
    no_js_page, live_server, assert_accessible
):
    no_js_page.goto(serve_probe(no_js_page.context, live_server))
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(no_js_page, "probe without JavaScript")


def test_the_same_page_with_javascript_passes(page, live_server, assert_accessible):
    # The script gives the image its alternative: with JavaScript nothing is missing. Without it (the
    # test above) the image has none, so the audit of a page without JavaScript must not let the page's
    # scripts run, as a second session opening the same address with JavaScript would.
    page.goto(serve_probe(page.context, live_server))
    page.wait_for_function("() => document.querySelector('img').alt === 'Un point'")
    assert_accessible(page, "probe with JavaScript")
