"""Salaries no employer reported (issue 17, D1), and the error summary that names person, month and payer."""

import pytest

from benefits.claims.models import Claim, ClaimDraft
from tests.benefits.claims.factories import confirm_all, file_factory

pytestmark = pytest.mark.django_db

NO_DATA_NIR = "2850375056192"  # the income emulator answers 404 for it: nothing to prefill


def start(client):
    response = client.post("/mon-espace/demarches/nouvelle/dtr/")
    assert response.status_code == 302
    return response["Location"]


def test_without_employer_data_each_month_has_a_salary_field_and_the_claim_keeps_it_as_declared(
    logged_client, user
):
    file_factory(user=user, nir=NO_DATA_NIR)
    edit_url = start(logged_client)
    page = logged_client.get(edit_url).content.decode()
    assert "Données indisponibles" in page
    for month in ("2026-08", "2026-09", "2026-10"):
        assert f'name="a-{month}-salary"' in page
    assert page.count("Salaire net de ce mois (montant net social") == 3

    values = {"a-2026-08-salary": "1 200,50", "a-2026-09-salary": "1150 €", "a-2026-10-salary": "1180"}
    response = logged_client.post(edit_url, values | {"action": "continue"})
    assert response.status_code == 302 and response["Location"].endswith("/verifier/")
    check = logged_client.get(response["Location"]).content.decode()
    assert "1\u00a0200,50\u00a0€" in check and "déclaré par vous" in check
    assert 'href="' + edit_url + '#a-2026-08-salary"' in check  # "Modifier" lands on the field

    logged_client.post(response["Location"])
    claim = Claim.objects.get()
    salaries = [row for row in claim.figures if row["type"] == "salary"]
    assert [(r["month"], r["declared"], r["source"]) for r in salaries] == [
        ("2026-08", "1200.50", "declared"),
        ("2026-09", "1150.00", "declared"),
        ("2026-10", "1180.00", "declared"),
    ]
    salary = claim.household["persons"][0]["incomes"]["salary"]
    assert salary["2026-10"] == 1180.0 and salary["2026-11"] == 1180.0
    assert claim.estimate["benefits"]["rsa"] < 573.49  # no longer the RSA of a household without income


def test_the_error_summary_names_person_month_and_payer_once_per_field(logged_client, user):
    file_factory(user=user)
    edit_url = start(logged_client)
    draft = ClaimDraft.objects.get()
    values = confirm_all(draft)
    values.pop("a-2026-08-0-choice")
    values |= {"a-2026-09-0-choice": "confirm", "a-2026-09-0-typed": "-12", "a-2026-10-pension": "beaucoup"}
    page = logged_client.post(edit_url, values | {"action": "continue"}).content.decode()
    summary = page.split('id="erreurs"')[1].split("</div>")[0]
    assert "autofocus" in page.split('id="erreurs"')[1][:40]
    items = summary.count("<li>")
    assert items == 3
    assert (
        'href="#a-2026-08-0-choice">Camille Marie MARTIN, août 2026, salaire versé par Boulangerie du Centre\u00a0: '
        "Confirmez ce montant ou corrigez-le." in summary
    )
    # "C'est exact" with "-12" typed is no longer filed silently.
    assert 'href="#a-2026-09-0-typed">Camille Marie MARTIN, septembre 2026' in summary
    assert "Vous avez confirmé ce montant et saisi un montant corrigé" in summary
    assert 'href="#a-2026-10-pension">Camille Marie MARTIN, octobre 2026, Retraite\u00a0: ' in summary
    assert not Claim.objects.exists()
