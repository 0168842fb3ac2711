"""The result names the home's commune as a person knows it, never by its INSEE code alone."""

import re

import pytest

from benefits.simulator.communes import commune_display_name
from benefits.simulator.services import simulation_save
from tests.benefits.simulator.test_result_paper import ANSWERS

pytestmark = pytest.mark.django_db


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_assumptions_name_the_commune_and_what_its_zone_means(client):
    simulation = simulation_save(answers=ANSWERS, month="2026-11")  # renting in Lyon (69123)
    page = text(client.get(f"/simulateur/resultat/{simulation.token}/").content.decode())
    assert (
        "Votre commune, Lyon, est en zone 2 des aides au logement (grandes villes et leur agglomération) : "
        "les loyers plafonds de cette zone sont appliqués." in page
    )
    assert "69123" not in page.split("Hypothèses de cette estimation")[1].split("Garder ou modifier")[0]


def test_in_english_too(client):
    simulation = simulation_save(answers=ANSWERS, month="2026-11")
    client.cookies["django_language"] = "en"
    page = text(client.get(f"/simulateur/resultat/{simulation.token}/").content.decode())
    assert "Your commune, Lyon, is in housing-aid zone 2 (large cities and their surroundings)" in page


def test_the_stored_core_sentences_are_kept_for_the_others(client):
    simulation = simulation_save(answers=ANSWERS, month="2026-11")
    page = text(client.get(f"/simulateur/resultat/{simulation.token}/").content.decode())
    assert "Les revenus sont pris tels que vous les avez déclarés ; la CAF les vérifie." in page


def test_a_name_missing_from_the_zoning_table_comes_from_the_postal_data():
    assert commune_display_name("69123") == "Lyon"
    assert commune_display_name("13201") == "Marseille 1er Arrondissement"  # no name in the zoning table
    assert commune_display_name("01120") == "01120"  # a former commune no data names: its code
