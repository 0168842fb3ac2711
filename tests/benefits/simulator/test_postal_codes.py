"""The commune field reads postal codes, arrondissements and spelling variants (issue 17, E)."""

import re

import pytest

from benefits.simulator.communes import commune_choices, resolve_commune
from benefits.simulator.postal_codes import DATA, communes_for_postal_code
from tests.benefits.simulator.journey import SINGLE_PARENT

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("69003", "69123"),  # Lyon 3e, not Albigny-sur-Saône (INSEE 69003)
        ("13001", "13055"),  # Marseille 1er, not Aix-en-Provence (INSEE 13001)
        ("75011", "75056"),
        ("Saint-Etienne", "42218"),
        ("saint étienne", "42218"),
        ("Lyon 3e", "69123"),
        ("Paris 15e", "75056"),
        ("Paris 15ème", "75056"),
        ("Marseille 1er", "13055"),
        ("Lyon 3e Arrondissement (69383)", "69123"),
        ("69123", "69123"),  # an INSEE code alone still works
    ],
)
def test_postal_codes_arrondissements_and_variants(typed, code):
    assert resolve_commune(typed) == (code, "")


def test_a_postal_code_of_several_communes_offers_a_choice(client):
    code, problem = resolve_commune("10160")
    assert code == "" and "Le code postal 10160 couvre plusieurs communes" in problem
    assert "Aix-Villemaur-Pâlis (10003)" in commune_choices("10160")

    for step, url in (("household", "/simulateur/foyer/"), ("persons", "/simulateur/personnes/")):
        client.post(url, SINGLE_PARENT[step])
    housing = SINGLE_PARENT["housing"] | {"commune": "10160"}
    page = client.post("/simulateur/logement/", housing).content.decode()
    assert "Choisissez votre commune" in page and 'value="Bérulle (10042)"' in page
    response = client.post("/simulateur/logement/", housing | {"commune_pick": "Bérulle (10042)"})
    assert response.status_code == 302
    assert client.session["simulator"]["answers"]["housing"]["commune"] == "10042"


def test_the_table_says_its_source_and_date():
    header = DATA.read_text(encoding="utf-8").splitlines()[:3]
    assert "codes-postaux 4.1.2" in header[0] and "2025-10-04" in header[0]
    assert "Licence" in header[2]
    assert communes_for_postal_code("00000") == []


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("Lyon 3e", "Lyon (3e arrondissement)"),
        ("69003", "Lyon (3e arrondissement)"),
        ("Marseille 1er", "Marseille (1er arrondissement)"),
        ("Lyon 3e Arrondissement (69383)", "Lyon (3e arrondissement)"),
        ("Lyon", "Lyon"),
        ("Saint-Etienne", "Saint-Étienne"),
    ],
)
def test_the_check_page_keeps_the_arrondissement_the_person_named(client, typed, shown):
    """« Lyon 3e » read « Commune : Lyon »: the zone is the commune's, but the page must not look as
    if it had dropped what was typed."""
    client.post("/simulateur/foyer/", SINGLE_PARENT["household"])
    client.post("/simulateur/personnes/", SINGLE_PARENT["persons"])
    housing = client.post("/simulateur/logement/", {**SINGLE_PARENT["housing"], "commune": typed})
    assert housing.status_code == 302, housing.content.decode()[:2000]
    client.post("/simulateur/revenus/", SINGLE_PARENT["incomes"])
    html = client.get("/simulateur/verifier/").content.decode()
    row = re.search(r"<dt>Commune</dt>\s*<dd>(.*?)</dd>", html, re.DOTALL)
    assert row and " ".join(row.group(1).split()) == shown
