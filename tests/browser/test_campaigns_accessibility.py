"""The operator screens of the campaigns: 0 axe violations (desktop and 390 px), and the whole journey
create → dry run → launch → progress → report without JavaScript."""

import pytest
from django.contrib.auth.models import Permission

from benefits.campaigns.demo_load import campaign_demo_load

pytestmark = pytest.mark.browser


@pytest.fixture
def operator_user(db):
    from tests.agents import agent_factory

    user = agent_factory()
    user.user_permissions.add(Permission.objects.get(codename="operate_campaign"))
    return user


def login(context, live_server, user):
    from django.conf import settings
    from django.test import Client

    from tests.agents import sign_in

    client = Client()
    assert sign_in(client, user).status_code == 302
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


@pytest.mark.django_db(transaction=True)
def test_operator_journey_without_javascript_and_axe(
    browser, live_server, operator_user, axe_check, tmp_path
):
    campaign_demo_load(households=30, last_month="2026-11", seed=5, folder=tmp_path)
    for width in (1280, 390):
        context = browser.new_context(
            java_script_enabled=False, locale="fr-FR", viewport={"width": width, "height": 900}
        )
        login(context, live_server, operator_user)
        page = context.new_page()
        page.goto(live_server.url + "/operateur/campagnes/")
        axe_check(page)
        page.get_by_label("Non-recours : « vous pourriez avoir droit »").check()
        page.get_by_role("button", name="Créer la campagne").click()
        page.get_by_role("button", name="Faire un essai sur un échantillon").click()
        assert page.get_by_role("heading", name="Essai sur un échantillon").is_visible()
        page.screenshot(path=str(tmp_path / f"dry-run-{width}.png"), full_page=True)
        axe_check(page)
        page.get_by_role("button", name="Lancer la campagne").click()
        assert page.get_by_text("foyers traités sur").is_visible()
        axe_check(page)
        page.get_by_role("link", name="Rapport").click()
        assert page.get_by_role("heading", level=1).inner_text().startswith("Rapport")
        axe_check(page)
        context.close()


@pytest.fixture
def axe_check(assert_accessible):
    return assert_accessible
