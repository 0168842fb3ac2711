"""The result on paper: "Télécharger en PDF" (1–3 tagged pages, the same figures) and yearly benefits apart."""

import io
import re

import pikepdf
import pytest
from django.utils import translation

from benefits.simulator.extra_results import extra_benefits
from benefits.simulator.formatting import euros
from benefits.simulator.result_page import step_lines
from benefits.simulator.services import simulation_save
from tests.benefits.letters.pdf_checks import text

pytestmark = pytest.mark.django_db

# A single parent with two children of school age, renting in Lyon: every section of the result is long.
ANSWERS = {
    "applicant": {
        "birth_date": "1990-03-10",
        "activity": "employed",
        "disability": "none",
        "nationality": "fr",
    },
    "couple": False,
    "children": [{"birth_date": "2019-09-01"}, {"birth_date": "2014-09-01"}],
    "single_parent_since": "2024-01",
    "housing": {"status": "tenant_private", "rent": "650", "commune": "69123"},
    "incomes": {"applicant": {"salary": "1100", "taxable_n2": "12000"}},
}


@pytest.fixture
def simulation():
    return simulation_save(answers=ANSWERS, month="2026-11")


def test_the_result_downloads_as_a_tagged_pdf_of_one_to_three_pages(client, simulation):
    page = client.get(f"/simulateur/resultat/{simulation.token}/").content.decode()
    assert f'href="/simulateur/resultat/{simulation.token}/pdf/"' in page
    assert "Télécharger en PDF" in page

    response = client.get(f"/simulateur/resultat/{simulation.token}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="estimation-2026-11.pdf"'
    with pikepdf.open(io.BytesIO(response.content)) as pdf:
        assert 1 <= len(pdf.pages) <= 3
        assert pdf.Root.MarkInfo.Marked  # tagged, for screen readers
        assert str(pdf.Root.Lang).startswith("fr")


def test_an_unknown_token_has_no_pdf(client):
    assert client.get("/simulateur/resultat/inconnu/pdf/").status_code == 404


def test_the_back_to_school_allowance_is_apart_with_its_payment_month(client, simulation):
    html = client.get(f"/simulateur/resultat/{simulation.token}/").content.decode()
    ars = euros(simulation.result["explanation"]["ars"]["amount"])
    monthly_table, yearly_table = html.split("Total par mois")[0], html.split("Total par mois")[1]
    assert "Allocation de rentrée scolaire" not in monthly_table.split("Montant estimé, aide par aide")[1]
    assert "Aides versées une fois par an (hors total mensuel)" in yearly_table
    # A November estimate: the August payment is behind, so the words say which school year it is for.
    assert f"{ars} par an, pour la rentrée 2026, versée en août 2026" in yearly_table
    assert "le prochain, pour la rentrée suivante, aura lieu en août 2027" in html
    assert "à ne pas compter dans le montant mensuel" in html


def test_before_august_the_back_to_school_allowance_is_announced_for_august(client):
    july = simulation_save(answers=ANSWERS, month="2026-07")
    html = client.get(f"/simulateur/resultat/{july.token}/").content.decode()
    ars = euros(july.result["explanation"]["ars"]["amount"])
    assert f"{ars} par an, versée en août 2026" in html
    assert "pour la rentrée 2026" not in html and "le prochain" not in html


def test_the_paper_shows_the_same_tables_headings_and_steps_as_the_page(client, simulation):
    """One include for the summary and the explanation: the PDF's HTML says what the page says."""
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from benefits.simulator.result_page import result_context

    request = RequestFactory().get("/")
    context = result_context(simulation, request)
    paper = render_to_string(
        "benefits/simulator/result_pdf.html", dict(context, stylesheet=""), request=request
    )
    page = client.get(f"/simulateur/resultat/{simulation.token}/").content.decode()
    ppa = context["benefits"][0]
    heading = f"{ppa['label']}\u00a0: {ppa['amount_text']} par mois"
    squeeze = lambda html: re.sub(r"[ \n]+", " ", html)  # noqa: E731 (keeps the no-break spaces)
    assert heading in squeeze(paper) and heading in squeeze(page)
    assert "<thead>" in paper.split("Aides versées une fois par an")[1]  # the yearly table has its headers
    assert 'class="portal-steps__basis"' in paper and "<details" not in paper  # steps shown, not folded
    assert '<details class="portal-steps">' in page


# A child expected, a disabled child and a childminder: the page shows "Autres aides pour votre situation".
FAMILY = {
    "children": {"1": {"disability": "80", "category": "3"}},
    "due_date": "2027-02-15",
    "childcare": {"mode": "home_care", "cost": "450", "hours": "60"},
}


def words(html: str) -> str:
    """The text of some HTML, spaces normalised (the no-break ones too, as pdftotext gives them)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " ").replace("\u202f", " ").split())


def test_the_paper_has_the_extra_aids_and_the_yearly_note_of_the_page_in_the_same_words(client):
    simulation = simulation_save(answers=dict(ANSWERS, family=FAMILY), month="2026-11")
    page = client.get(f"/simulateur/resultat/{simulation.token}/").content.decode()
    paper = text(client.get(f"/simulateur/resultat/{simulation.token}/pdf/").content)
    shown = words(
        page.split("Autres aides pour votre situation")[1].split("Hypothèses de cette estimation")[0]
    )
    assert "Autres aides pour votre situation" in paper
    with translation.override("fr"):
        extras = extra_benefits(simulation, "fr", step_lines)
    assert {extra["name"] for extra in extras} >= {"paje_naissance", "aeeh", "cmg"}
    for extra in extras:
        heading = words(
            f"{extra['label']} : {extra['amount_text']} {extra['period_text']}"
            if extra["amount"] > 0
            else extra["label"]
        )
        advice = words(f"Et maintenant ? {extra['advice']}")
        assert heading in shown and heading in paper
        assert advice in shown and advice in paper
    assert "En savoir plus : https://monenfant.fr" in paper
    yearly = "En plus, une fois par an : Allocation de rentrée scolaire"
    assert yearly in words(page) and yearly in paper
    assert "le prochain, pour la rentrée suivante, aura lieu en août 2027" in paper
