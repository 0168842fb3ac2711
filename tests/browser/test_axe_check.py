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


# An image without a text alternative that CSS shows only once the box is checked (a follow-up question).
CHECKED_PROBE = f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Sonde axe</title>
<style>.suite {{ display: none; }} #oui:checked ~ .suite {{ display: block; }}</style></head>
<body><main><h1>Sonde</h1><input type="checkbox" id="oui"><label for="oui">Oui</label>
<img class="suite" src="{IMAGE}"></main></body></html>"""
# Without JavaScript the browser renders what <noscript> holds: here an image without an alternative,
# and a refresh that takes the page elsewhere after `delay` seconds (axe's meta-refresh, WCAG 2.2.1,
# when the delay is not 0).
NOSCRIPT_PROBE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Sonde axe</title>
<noscript><meta http-equiv="refresh" content="{delay};url=/axe-probe/ailleurs/"></noscript></head>
<body><main><h1>Sonde</h1><noscript><p>Sans JavaScript <img src="{image}"></p></noscript></main></body></html>"""


def serve_html(context, live_server, html):
    """The probe; where its refresh leads answers 204, which keeps the test's own page in place."""

    def fulfill(route):
        if route.request.url.endswith("/ailleurs/"):
            route.fulfill(status=204)
        else:
            route.fulfill(content_type="text/html; charset=utf-8", body=html)

    context.route(f"{live_server.url}/axe-probe/**", fulfill)
    return f"{live_server.url}/axe-probe/"


def test_what_was_checked_without_javascript_is_audited(no_js_page, live_server, assert_accessible):
    no_js_page.goto(serve_html(no_js_page.context, live_server, CHECKED_PROBE))
    assert_accessible(no_js_page, "probe, box unchecked")  # the image is not shown yet
    no_js_page.locator("label[for=oui]").click()
    assert no_js_page.locator("img").is_visible()
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(no_js_page, "probe, box checked")
    # The page itself is left as it was: its box checked, the attribute (the default) untouched.
    assert (
        no_js_page.evaluate("document.querySelector('#oui').outerHTML") == '<input type="checkbox" id="oui">'
    )


def test_what_noscript_holds_is_audited(no_js_page, live_server, assert_accessible):
    no_js_page.goto(serve_html(no_js_page.context, live_server, NOSCRIPT_PROBE.format(delay=1, image=IMAGE)))
    with pytest.raises(AssertionError, match="image-alt") as failure:
        assert_accessible(no_js_page, "probe with <noscript>")
    assert "meta-refresh" in str(failure.value)
    # The same audit with the refresh accepted, for a stated reason, still finds the image.
    with pytest.raises(AssertionError, match="image-alt") as failure:
        assert_accessible(no_js_page, "probe", disabled_rules={"meta-refresh": "the probe's own refresh"})
    assert "meta-refresh" not in str(failure.value)


def test_a_refresh_out_of_its_noscript_leaves_the_copy_in_place(no_js_page, live_server, assert_accessible):
    # At once: without the copy's 204 it would leave for the live server's 404 page before axe runs.
    no_js_page.goto(serve_html(no_js_page.context, live_server, NOSCRIPT_PROBE.format(delay=0, image=IMAGE)))
    with pytest.raises(AssertionError, match="image-alt") as failure:
        assert_accessible(no_js_page, "probe with an immediate refresh")
    assert "meta-refresh" not in str(failure.value)  # an immediate refresh is no time limit


def test_a_rule_is_never_disabled_without_a_reason(no_js_page, live_server, assert_accessible):
    no_js_page.goto(serve_html(no_js_page.context, live_server, NOSCRIPT_PROBE.format(delay=1, image=IMAGE)))
    with pytest.raises(AssertionError, match="needs its reason"):
        assert_accessible(no_js_page, "probe", disabled_rules={"meta-refresh": " "})
