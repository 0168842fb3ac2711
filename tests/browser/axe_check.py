"""axe-core over a page, with JavaScript or without.

axe is a script, run in the page through `page.evaluate`. In a context created with
`java_script_enabled=False`, Chromium (Emulation.setScriptExecutionDisabled) still evaluates what
Playwright sends and runs its microtasks, but never fires a timer: `axe.run` waits on setTimeout and its
promise never settles, so the test hung for good (Playwright's evaluate has no time-out). Enabling
scripts again from a second DevTools session does not help: Playwright's own session keeps them off.

So a page without JavaScript is audited in a copy: its document as the person sees it (the DOM the
parser built with scripting off, after a POST too: an error state cannot be fetched again by URL) is
served, at the same address and with the same cookies and viewport, to a page of a second,
JavaScript-enabled context, under a CSP that lets none of the page's own scripts run (with them, htmx
and the DSFR would change the DOM, and a script could hide what a person without JavaScript meets).
The stylesheets, images and fonts load from the live server as in the original.

The document is serialized from a clone (SNAPSHOT), never from the page itself, which stays untouched:
- what was typed, checked or chosen since the page loaded is written into the clone's attributes: a
  follow-up question that CSS shows once a radio is checked (`:checked`) is shown, and audited, in the
  copy too (`page.content()` serializes the attributes only, so the copy had the page as loaded);
- the content of each <noscript> replaces it: in the copy, a JavaScript-enabled parser would read it as
  text, and axe would miss what a person without JavaScript gets (a kiosk's <meta> refresh, a message).
  A <meta> refresh taken out of its <noscript> would then navigate the copy in the middle of the audit:
  every document request after the first one is answered 204 No Content, which keeps the copy in place.
"""

from urllib.parse import urldefrag

from axe_playwright_python.base import AxeResults

# A page that never lets axe finish fails after this long instead of hanging the run.
AXE_TIMEOUT_MS = 60_000
# The copy runs no script of the page; axe itself is evaluated through DevTools, which no CSP blocks.
COPY_CSP = "script-src 'none'; object-src 'none'"
# htmx and the DSFR leave their globals when their scripts run.
NO_PAGE_SCRIPT_RAN = "() => typeof window.htmx === 'undefined' && typeof window.dsfr === 'undefined'"
# The document with its form state in its attributes and its <noscript> unwrapped (module docstring),
# and the text of its body; the page itself is not changed.
SNAPSHOT = """() => {
  const fields = 'input, select, textarea, option';
  const live = [...document.querySelectorAll(fields)];
  const root = document.documentElement.cloneNode(true);
  const copies = [...root.querySelectorAll(fields)];
  live.forEach((field, index) => {
    const copy = copies[index];
    if (field instanceof HTMLInputElement) {
      if (field.type === 'checkbox' || field.type === 'radio') copy.toggleAttribute('checked', field.checked);
      else if (field.type !== 'file') copy.setAttribute('value', field.value);
    } else if (field instanceof HTMLTextAreaElement) {
      copy.textContent = field.value;
    } else if (field instanceof HTMLOptionElement) {
      copy.toggleAttribute('selected', field.selected);
    }
  });
  root.querySelectorAll('noscript').forEach(element => element.replaceWith(...element.childNodes));
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '';
  return {html: doctype + root.outerHTML, text: root.querySelector('body').textContent};
}"""
BODY_TEXT = "() => document.body.textContent"
SCRIPTING = (
    "() => ({none: matchMedia('(scripting: none)').matches, on: matchMedia('(scripting: enabled)').matches})"
)


def axe_run(page, axe_script: str, options: dict) -> AxeResults:
    """axe in a page whose scripts run; a time-out instead of an endless wait."""
    page.evaluate(axe_script)
    response = page.evaluate(
        """([options, ms]) => Promise.race([
            axe.run(document, options),
            new Promise((_, reject) => setTimeout(() => reject(new Error(`axe did not finish in ${ms} ms`)), ms)),
        ])""",
        [options, AXE_TIMEOUT_MS],
    )
    return AxeResults(response)


def runs_javascript(page) -> bool:
    """Whether the page's scripts (and timers) run: the CSS `scripting` media feature, which Chromium
    answers from the same setting as Playwright's java_script_enabled; a synchronous evaluation, which
    works either way."""
    scripting = page.evaluate(SCRIPTING)
    if scripting["none"] == scripting["on"]:
        raise AssertionError(
            f"cannot tell whether JavaScript runs in {page.url} (the browser answers neither "
            "'(scripting: none)' nor '(scripting: enabled)'): axe would hang in a page without it"
        )
    return scripting["on"]


def axe_run_without_javascript(page, axe_script: str, options: dict) -> AxeResults:
    """axe over a copy of a page without JavaScript, in a JavaScript-enabled context (module docstring)."""
    snapshot = page.evaluate(SNAPSHOT)
    url = page.url
    document_url = urldefrag(url).url
    copy_context = page.context.browser.new_context(
        locale="fr-FR", viewport=page.viewport_size, java_script_enabled=True
    )
    try:
        copy_context.add_cookies(page.context.cookies())

        served = []

        def serve(route):
            request = route.request
            if request.resource_type != "document" or request.frame.parent_frame:
                route.continue_()
            elif not served and urldefrag(request.url).url == document_url:
                served.append(request.url)
                route.fulfill(
                    status=200,
                    content_type="text/html; charset=utf-8",
                    headers={"Content-Security-Policy": COPY_CSP},
                    body=snapshot["html"],
                )
            else:
                route.fulfill(status=204)  # a refresh or a redirect: the copy stays (module docstring)

        copy_context.route("**/*", serve)
        copy = copy_context.new_page()
        copy.goto(url)
        # The copy must be what a person without JavaScript has: none of the page's scripts ran.
        assert copy.evaluate(NO_PAGE_SCRIPT_RAN), f"a script of the page ran in the copy of {url}"
        # And it is the page the test reached (not the address fetched again: a POST's answer differs).
        assert copy.evaluate(BODY_TEXT) == snapshot["text"], f"the copy of {url} is not the page the test has"
        return axe_run(copy, axe_script, options)
    finally:
        copy_context.close()


def axe_check(page, axe_script: str, tags: list[str], disabled_rules=()) -> AxeResults:
    options = {"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]}
    if disabled_rules:
        options["rules"] = {rule: {"enabled": False} for rule in disabled_rules}
    if runs_javascript(page):
        return axe_run(page, axe_script, options)
    return axe_run_without_javascript(page, axe_script, options)
