"""The operator's list of campaigns (/operateur/campagnes/): two campaigns of the same kind and month
read apart by their number, and at 360 px each campaign is whole on the screen, its households and
creation date included, without scrolling sideways (WCAG 1.4.10), still a table for screen readers."""

import re

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Permission
from django.test import Client
from playwright.sync_api import expect

from benefits.campaigns.models import Campaign
from tests.agents import agent_factory, sign_in
from tests.browser.test_phone_layout import ax_roles


@pytest.mark.django_db(transaction=True)
def test_the_campaigns_list_reads_apart_and_fits_at_360_px(page, live_server, assert_accessible):
    operator = agent_factory(username="operateur-liste")
    operator.user_permissions.add(Permission.objects.get(codename="operate_campaign"))
    twins = [
        Campaign.objects.create(
            kind="recalcul", month="2026-12", status=status, total=5007, created_by=operator
        )
        for status in ("terminee", "annulee")
    ]
    Campaign.objects.create(kind="non_recours", month="2026-11", threshold=10, created_by=operator)
    client = Client()
    assert sign_in(client, operator).status_code == 302
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )

    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + "/operateur/campagnes/")
        table = page.get_by_role("table", name="Campagnes récentes")
        # Same kind, same month: each link says its campaign's number (the detail page's title has it).
        for campaign in twins:
            link = table.get_by_role("link", name=f"Recalcul trimestriel des droits, n°\u00a0{campaign.pk}")
            expect(link).to_have_attribute("href", f"/operateur/campagnes/{campaign.pk}/")
        region = page.locator("#liste ~ .fr-table")
        assert region.evaluate("el => el.scrollWidth - el.clientWidth") == 0, width
        assert (
            page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
        )
        # Every cell whole on the screen: the households and the creation date too.
        for cell in table.locator("tbody th, tbody td").all():
            box = cell.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (width, cell.inner_text(), box)
        row = table.locator("tbody tr").filter(has_text=f"n°\u00a0{twins[0].pk}")
        assert re.search(r"5\s007", row.inner_text())
        assert re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d", row.inner_text())
        assert table.get_by_role("columnheader").count() == 5
        assert table.get_by_role("rowheader").count() == 3
        assert_accessible(page, f"campaigns list at {width} px")
    roles = ax_roles(page, "#liste ~ .fr-table table")
    assert {"table", "columnheader", "rowheader", "cell"} <= set(roles), roles
