"""The quarterly declaration separates its months with a full-width line, not a stray dash.

The line was the top border of each month's fieldset: a fieldset's legend is drawn over its top border,
and the DSFR's legend spans almost the whole width, so only a small grey dash showed at the far right
of each « Revenus perçus en … ». The line is now its wrapper's border, which no legend covers.
"""

import pytest

from tests.benefits.claims.factories import file_factory

# Every top border drawn on a fieldset with a legend (the legend hides it), and each month's rule.
BORDERS = """() => ({
  hidden: [...document.querySelectorAll('main fieldset')]
    .filter(f => f.querySelector(':scope > legend') && parseFloat(getComputedStyle(f).borderTopWidth) > 0)
    .map(f => f.id),
  rules: [...document.querySelectorAll('main .claims-month')].map(m => ({
    border: parseFloat(getComputedStyle(m).borderTopWidth),
    width: m.getBoundingClientRect().width,
    legend: m.querySelector('legend').getBoundingClientRect().top - m.getBoundingClientRect().top,
  })),
})"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.django_db(transaction=True)
def test_each_month_has_a_whole_line_above_it(
    page, live_server, login_browser, assert_accessible, settings, monkeypatch, width
):
    settings.INCOME_API_URL = live_server.url + "/_revenus/api/v1"
    monkeypatch.setattr("benefits.claims.services.current_declaration_month", lambda: "2026-11")
    file_factory(user=login_browser())
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/mon-espace/")
    with page.expect_navigation():
        page.locator("main form[action$='/nouvelle/dtr/'] button").click()
    assert "/brouillon/" in page.url
    found = page.evaluate(BORDERS)
    assert found["hidden"] == []
    main_width = page.locator("main h2").first.bounding_box()["width"]
    assert len(found["rules"]) == 3
    for rule in found["rules"]:
        assert rule["border"] >= 1 and rule["width"] >= main_width - 1 and rule["legend"] > 0
    assert_accessible(page, f"declaration at {width} px")
