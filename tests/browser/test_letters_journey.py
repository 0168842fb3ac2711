"""File a declaration, find its receipt in "Mes courriers", open it (axe), download the PDF; a decision
letter shown as a page passes axe too. Screenshots at desktop and phone width for a human look."""

from pathlib import Path

import pytest

from benefits.claims.services import claim_draft_open, claim_save_draft
from benefits.letters.models import Letter, LetterKind
from tests.benefits.claims.factories import confirm_all, file_factory

SHOTS = Path("/tmp/letters-screenshots")


@pytest.mark.django_db(transaction=True)
def test_receipt_appears_in_mes_courriers_then_opens_and_downloads(
    page, live_server, login_browser, assert_accessible, settings, monkeypatch
):
    settings.INCOME_API_URL = live_server.url + "/_revenus/api/v1"
    monkeypatch.setattr("benefits.claims.services.current_declaration_month", lambda: "2026-11")
    user = login_browser()
    file = file_factory(user=user, partner_nir="1831069123103")
    draft = claim_draft_open(file=file, by=user, kind="dtr", channel="home")
    claim_save_draft(draft=draft, values=confirm_all(draft), by=user, channel="home")

    page.goto(f"{live_server.url}/mon-espace/courriers/")
    assert page.get_by_text("Vous n’avez aucun courrier pour le moment.").is_visible()
    page.goto(f"{live_server.url}/mon-espace/demarches/brouillon/{draft.key}/verifier/")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()

    page.goto(f"{live_server.url}/mon-espace/")
    page.get_by_role("link", name="Voir tous mes courriers").click()
    letter = Letter.objects.get(kind=LetterKind.RECEIPT)
    link = page.get_by_role("link", name=letter.subject)
    assert link.is_visible() and page.get_by_text("Non lu").is_visible()
    assert_accessible(page, "Mes courriers")
    link.click()
    assert page.get_by_role("heading", name="Ce que vous avez déclaré").is_visible()
    assert page.get_by_text(letter.reference).first.is_visible()
    assert_accessible(page, "the receipt as a page")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / "receipt-desktop.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=SHOTS / "receipt-390.png", full_page=True)
    assert_accessible(page, "the receipt at 390 px")
    # The declared figures reflow at phone width: nothing wider than the screen, and a source reads
    # across the card (the whole width of the table) instead of a narrow fifth of it.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    table_width = page.locator("table.letter-figures").bounding_box()["width"]
    source_width = page.locator("table.letter-figures td[data-label='Source']").first.bounding_box()["width"]
    assert source_width >= 0.9 * table_width, (source_width, table_width)
    # At 320 px (WCAG 1.4.10) the page still never scrolls sideways.
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page, "the receipt at 320 px")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger le courrier en PDF").click()
    download = download_info.value
    assert download.suggested_filename == f"courrier-{letter.reference}.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF")
    letter.refresh_from_db()
    assert letter.read_at is not None


@pytest.mark.django_db(transaction=True)
def test_decision_letter_page_is_accessible(page, live_server, login_browser, assert_accessible):
    from benefits.letters.samples import sample_context
    from benefits.letters.services import letter_request

    user = login_browser()
    file = file_factory(user=user, partner_nir="1831069123103")
    context = sample_context(LetterKind.DECISION, file)
    letter = letter_request(
        file=file,
        kind=LetterKind.DECISION,
        source_key="sample",
        revision=1,
        context=context,
        subject="Décision : déclaration trimestrielle acceptée",
    )
    page.goto(f"{live_server.url}/mon-espace/courriers/{letter.pk}/")
    assert page.get_by_role("heading", name="Voies et délais de recours").is_visible()
    assert_accessible(page, "the decision as a page")
    page.screenshot(path=SHOTS / "decision-desktop.png", full_page=True)


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.django_db(transaction=True)
def test_the_recalculation_total_row_is_drawn_inside_the_tables_border(
    page, live_server, login_browser, width
):
    """On the web (Mes courriers), DSFR's fr-table borders the head and the body only: the "Total par mois"
    row of "Ce qui change" is the body's last row, as the simulator result's (test_result_table.py)."""
    from benefits.letters.samples import sample_context
    from benefits.letters.services import letter_request
    from tests.browser.test_result_table import BORDERED

    user = login_browser()
    file = file_factory(user=user, partner_nir="1831069123103")
    letter = letter_request(
        file=file,
        kind=LetterKind.RECALCULATION,
        source_key="sample",
        revision=1,
        context=sample_context(LetterKind.RECALCULATION, file),
        subject="Nouveau calcul de vos droits",
    )
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/mon-espace/courriers/{letter.pk}/")
    changes = page.locator("table.letter-changes")
    total = changes.locator("tr", has=page.get_by_role("rowheader", name="Total par mois"))
    assert total.count() == 1
    row = total.evaluate("row => row.getBoundingClientRect().toJSON()")
    bordered = changes.evaluate(f"table => ({BORDERED})(table)")
    assert bordered["top"] <= row["top"] and row["bottom"] <= bordered["bottom"] + 0.5, (row, bordered)
