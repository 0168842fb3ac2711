"""Printing the simulator's result from the browser: 1–3 pages, no link address printed (issue 17, D3)."""

import io

import pikepdf
import pytest

from tests.benefits.simulator.test_result_paper import ANSWERS


@pytest.mark.django_db(transaction=True)
def test_the_printed_result_fits_in_three_pages_without_link_addresses(page, live_server):
    from benefits.simulator.services import simulation_save

    simulation = simulation_save(answers=ANSWERS, month="2026-11")
    page.goto(f"{live_server.url}/simulateur/resultat/{simulation.token}/")
    page.emulate_media(media="print")
    # The step-by-step explanations are printed (their <details> are closed on screen).
    assert page.locator(".portal-steps li").first.is_visible()
    assert not page.locator("#et-si").is_visible()
    pdf = page.pdf(format="A4", print_background=False)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert 1 <= len(document.pages) <= 3, len(document.pages)
    after = page.evaluate(
        "[...document.querySelectorAll('a[href]')].map(a => getComputedStyle(a, '::after').content)"
    )
    assert all(content in ("none", "normal") for content in after), set(after)
