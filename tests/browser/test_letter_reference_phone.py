"""At phone width a letter's reference (« 2026-12-000004 ») reads on one line in Mes courriers and on the
letter's page: the browser may break a line after any hyphen, and it broke « 2026-12- / 000004 »."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from benefits.letters.models import Letter
from tests.benefits.claims.factories import file_factory
from tests.benefits.letters.conftest import file_claim

# The lines each visible occurrence of `reference` in the page's text takes.
LINES_OF = """reference => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const lines = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (let at = node.data.indexOf(reference); at >= 0; at = node.data.indexOf(reference, at + 1)) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + reference.length);
      const tops = [...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top));
      if (tops.length) lines.push(new Set(tops).size);
    }
  }
  return lines;
}"""
REFERENCE = "2026-12-000004"


@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.django_db(transaction=True)
def test_the_reference_stays_on_one_line_at_phone_width(
    page, live_server, login_browser, assert_accessible, settings, width
):
    settings.INCOME_API_URL = live_server.url + "/_revenus/api/v1"
    user = login_browser()
    file = file_factory(user=user, partner_nir="1831069123103")
    file_claim(file, user)
    # A fixed date and reference: the inbox's line « Reçu le 6 décembre 2026 — référence 2026-12-000004 »
    # is as long whatever day the test runs.
    Letter.objects.filter(file=file).update(
        reference=REFERENCE, created_at=datetime(2026, 12, 6, 10, tzinfo=ZoneInfo("Europe/Paris"))
    )
    letter = Letter.objects.get(file=file)
    page.set_viewport_size({"width": width, "height": 800})

    page.goto(f"{live_server.url}/mon-espace/courriers/")
    assert page.evaluate(LINES_OF, REFERENCE) == [1]
    assert_accessible(page, f"Mes courriers at {width} px")
    page.goto(f"{live_server.url}/mon-espace/courriers/{letter.pk}/")
    lines = page.evaluate(LINES_OF, REFERENCE)
    assert lines and set(lines) == {1}, lines
    assert_accessible(page, f"a letter at {width} px")
