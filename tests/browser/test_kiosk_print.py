"""A kiosk prints a receipt, with and without JavaScript, and leaves nothing of it for the next visitor.

axe on the pages without JavaScript too (assert_accessible audits a copy of their document:
tests/browser/axe_check.py).

Only the letter goes on paper (no kiosk band, no menu, no buttons); no PDF is ever offered on a kiosk.
"""

import pytest
from playwright.sync_api import expect

from benefits.claims import declaration
from benefits.claims.models import ClaimDraft
from benefits.claims.services import claim_submit
from benefits.letters.models import Letter, LetterKind
from benefits.letters.samples import SAMPLE_MONTH, prefilled_data
from tests.benefits.claims.factories import file_factory
from tests.browser.test_kiosk_journey import KIOSK_IDLE_REFRESH, enrol

# window.print() is recorded instead of opening the dialog (headless chromium has none to wait for).
RECORD_PRINT = "window.__printed = 0; window.print = function () { window.__printed += 1; };"


def filed_receipt(user):
    """A declaration filed on a kiosk, and its receipt (rendered on commit, Celery being eager)."""
    file = file_factory(user=user, partner_nir="1831069123103")
    data = prefilled_data(file, declaration.quarter(SAMPLE_MONTH))
    draft = ClaimDraft.objects.create(file=file, user=user, kind="dtr", month=SAMPLE_MONTH, data=data)
    claim = claim_submit(draft=draft, by=user, channel="kiosk")
    return claim, Letter.objects.get(kind=LetterKind.RECEIPT, file=file)


def only_the_letter_is_printed(page):
    page.emulate_media(media="print")
    expect(page.locator("article.letter-page")).to_be_visible()
    expect(page.get_by_role("heading", name="Ce que vous avez déclaré")).to_be_visible()
    for hidden in ("#kiosque", ".fr-footer", ".fr-header__tools", ".fr-btns-group", ".fr-callout__title"):
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    page.emulate_media(media="screen")


@pytest.mark.django_db(transaction=True)
def test_with_javascript_imprimer_prints_the_letter_page_itself(
    page, context, live_server, login_browser, assert_accessible
):
    enrol(context, live_server)
    page.add_init_script(RECORD_PRINT)
    _claim, letter = filed_receipt(login_browser())
    page.goto(f"{live_server.url}/mon-espace/courriers/{letter.pk}/")
    expect(page.get_by_text("Poste en libre-service — CAF de Lyon 3e")).to_be_visible()
    expect(page.get_by_text("PDF")).to_have_count(0)
    assert_accessible(page, "a receipt on a kiosk")
    page.get_by_role("link", name="Imprimer le courrier").click()
    assert page.evaluate("window.__printed") == 1
    assert page.url.endswith(f"/courriers/{letter.pk}/")
    only_the_letter_is_printed(page)
    # The print view (where the link leads without JavaScript) has the script's own button.
    page.goto(f"{live_server.url}/mon-espace/courriers/{letter.pk}/imprimer/")
    assert_accessible(page, "the print view on a kiosk")
    page.get_by_role("button", name="Imprimer", exact=True).click()
    assert page.evaluate("window.__printed") == 1
    only_the_letter_is_printed(page)


@pytest.mark.django_db(transaction=True)
def test_without_javascript_imprimer_leads_to_the_print_view_and_the_end_erases_it(
    no_js_context, live_server, assert_accessible
):
    from django.conf import settings
    from django.test import Client

    from tests.factories import UserFactory

    context = no_js_context
    enrol(context, live_server)
    user = UserFactory()
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    claim, letter = filed_receipt(user)
    page = context.new_page()
    page.goto(f"{live_server.url}/mon-espace/demarches/demande/{claim.pk}/")
    page.get_by_role("link", name="Voir et imprimer l’accusé de réception").click()
    page.wait_for_url(f"**/mon-espace/courriers/{letter.pk}/")
    assert_accessible(page, "a receipt on a kiosk without JavaScript", disabled_rules=KIOSK_IDLE_REFRESH)
    page.get_by_role("link", name="Imprimer le courrier").click()
    page.wait_for_url(f"**/courriers/{letter.pk}/imprimer/")
    expect(page.get_by_text("Appuyez sur les touches Ctrl et P")).to_be_visible()
    expect(page.get_by_text("rien de ce courrier ne reste sur ce poste")).to_be_visible()
    expect(page.get_by_role("button", name="Imprimer")).to_be_hidden()  # the script's button
    assert_accessible(page, "the print view on a kiosk without JavaScript", disabled_rules=KIOSK_IDLE_REFRESH)
    only_the_letter_is_printed(page)
    print_url = page.url

    # The PDF's address gives the print view too: no file ever reaches the kiosk's disk.
    page.goto(f"{live_server.url}/mon-espace/courriers/{letter.pk}/pdf/")
    assert page.url == print_url

    page.get_by_role("button", name="Terminer et tout effacer").click()
    page.wait_for_url("**/kiosque/?fin=1")
    page.go_back()
    page.wait_for_url("**/compte/connexion/**")
    expect(page.locator("main")).not_to_contain_text(letter.reference)
    page.goto(print_url)
    assert "/compte/connexion/" in page.url
    expect(page.locator("main")).not_to_contain_text("Ce que vous avez déclaré")


@pytest.mark.django_db(transaction=True)
def test_the_exit_page_and_the_install_page_pass_axe_on_a_kiosk(
    page, context, live_server, assert_accessible
):
    from portal.kiosk.enrolment import kiosk_token_issue

    enrol(context, live_server)
    page.goto(f"{live_server.url}/compte/connexion/")
    # FranceConnect's "Qu'est-ce que FranceConnect ?" link, rewritten to the exit page.
    exit_href = page.locator("a[href*='/kiosque/sortie/?vers=']").first.get_attribute("href")
    page.goto(live_server.url + exit_href)
    expect(page.get_by_text("il ne fait pas partie du poste en libre-service")).to_be_visible()
    assert_accessible(page, "the exit page on a kiosk")
    page.goto(f"{live_server.url}/kiosque/installer/?jeton={kiosk_token_issue(office='Villeurbanne')}")
    expect(page.get_by_text("Villeurbanne").first).to_be_visible()
    assert_accessible(page, "the install page with a valid token")
