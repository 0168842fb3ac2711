"""The result on paper: "Télécharger en PDF" (1–3 tagged pages, the same figures) and yearly benefits apart."""

import io

import pikepdf
import pytest

from benefits.simulator.formatting import euros
from benefits.simulator.services import simulation_save

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
    assert f"{ars} par an, versée en août 2026" in yearly_table
    assert "à ne pas compter dans le montant mensuel" in html
