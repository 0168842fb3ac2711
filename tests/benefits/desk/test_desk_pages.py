"""Search (journaled, rate-limited), the 360° view (journaled, shown to the person), the person's journal."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.models import JournalEntry
from tests.benefits.claims.factories import file_factory

pytestmark = pytest.mark.django_db


def test_search_by_number(agent_client, camille_file):
    page = agent_client.get("/agent/", {"number": camille_file.number}).content.decode()
    assert f"/agent/dossier/{camille_file.number}/" in page
    entry = JournalEntry.objects.get(action="file_searched")
    assert entry.details == {"how": "number", "results": 1}


@pytest.mark.parametrize("typed", ["3", "0000003", "000 00 03", " 0000-003 ", "00.00.003", "0000003\t"])
def test_search_by_number_accepts_it_without_leading_zeros_or_with_separators(agent_client, typed):
    files = [file_factory(number=f"{n:07d}") for n in (3, 30, 300)]
    page = agent_client.get("/agent/", {"number": typed}).content.decode()
    assert page.count("/agent/dossier/") == 1 and f"/agent/dossier/{files[0].number}/" in page


@pytest.mark.parametrize("typed", ["12345678", "3a", "٣", "---"])
def test_a_number_that_cannot_be_one_is_refused_and_not_searched(agent_client, typed):
    page = agent_client.get("/agent/", {"number": typed}).content.decode()
    assert "compte au plus 7 chiffres" in page
    assert not JournalEntry.objects.filter(action="file_searched").exists()


def test_search_by_number_is_an_exact_match_on_the_unique_index(agent_client, camille_file):
    with CaptureQueriesContext(connection) as queries:
        agent_client.get("/agent/", {"number": "1 2"})
    lookups = [q["sql"] for q in queries.captured_queries if 'FROM "benefits_allocatairefile"' in q["sql"]]
    assert lookups and all("LIKE" not in sql.upper() for sql in lookups)
    assert any('"benefits_allocatairefile"."number" = ' in sql and "0000012" in sql for sql in lookups)


def test_search_by_name_reads_ligatures_and_other_date_separators(agent_client):
    file = file_factory(family_name="CŒUR-LÆTITIA")
    for name, born in [
        ("coeur laetitia", "10.03.1985"),
        ("Cœur Lætitia", "10-03-1985"),
        ("COEUR-LAETITIA", "10 03 1985"),
    ]:
        page = agent_client.get("/agent/", {"family_name": name, "birth_date": born}).content.decode()
        assert f"/agent/dossier/{file.number}/" in page, (name, born)


def test_search_by_name_and_birth_date_ignores_case_and_accents(agent_client, camille_file):
    page = agent_client.get("/agent/", {"family_name": "martin", "birth_date": "10/03/1985"}).content.decode()
    assert f"/agent/dossier/{camille_file.number}/" in page
    assert (
        agent_client.get("/agent/", {"family_name": "martin", "birth_date": "11/03/1985"})
        .content.decode()
        .count("/agent/dossier/")
        == 0
    )
    assert "MARTIN" not in str(JournalEntry.objects.filter(action="file_searched").values_list("details"))


def test_a_name_without_birth_date_is_not_a_search(agent_client, camille_file):
    page = agent_client.get("/agent/", {"family_name": "MARTIN"}).content.decode()
    assert "ou un nom de naissance et une date de naissance" in page
    assert not JournalEntry.objects.filter(action="file_searched").exists()


def test_searches_are_rate_limited(agent_client, camille_file, settings):
    settings.DESK_SEARCHES_PER_MINUTE = 3
    statuses = [agent_client.get("/agent/", {"number": "0000001"}).status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[-1] == 429


def test_the_360_view_shows_the_file_and_is_journaled_for_the_person(agent_client, camille_file, camille):
    page = agent_client.get(f"/agent/dossier/{camille_file.number}/").content.decode()
    for part in (
        "Foyer",
        "Droits en cours",
        "Demandes et déclarations",
        "Brouillons en cours",
        "Courriers envoyés",
    ):
        assert part in page
    assert "Montant net social des derniers mois" in page and "DSN" in page
    assert JournalEntry.objects.filter(action="file_viewed", target=f"file:{camille_file.pk}").count() == 1
    person = Client()
    person.force_login(camille)
    actions = person.get("/mon-espace/actions/").content.decode()
    assert "Votre dossier a été consulté par un agent de la CAF de Lyon le" in actions


def test_the_360_view_needs_an_agent(client, camille_file, camille):
    client.force_login(camille)
    response = client.get(f"/agent/dossier/{camille_file.number}/")
    assert response.status_code == 302 and response["Location"].startswith("/agent/connexion/")
    assert not JournalEntry.objects.filter(action="file_viewed").exists()


def test_a_person_sees_only_their_own_journal(agent_client, camille_file, db):
    from tests.benefits.claims.factories import file_factory
    from tests.factories import UserFactory

    agent_client.get(f"/agent/dossier/{camille_file.number}/")
    stranger = UserFactory()
    file_factory(user=stranger, number="0777777")
    other = Client()
    other.force_login(stranger)
    assert "consulté par un agent" not in other.get("/mon-espace/actions/").content.decode()


def test_the_360_view_writes_dates_amounts_and_benefits_in_french(agent_client, camille, income_emulator):  # noqa: F811
    from tests.benefits.claims.factories import file_factory

    file = file_factory(user=camille, rights=[{"benefit": "ppa", "amount": "212.40"}])
    page = agent_client.get(f"/agent/dossier/{file.number}/").content.decode()
    assert "10 mars 1985" in page and "1985-03-10" not in page
    assert "Prime d’activité\u00a0: 212,40\u00a0€ par mois" in page and "ppa\u00a0:" not in page
    # The employers' declared amounts: French decimals and a long date, never "742.18 €" nor "2026-10-05".
    assert "déclaré le 5 " in page
    assert not re.search(r"[0-9]\.[0-9]{2} €", page) and not re.search(r"déclaré le 20[0-9]{2}-", page)


def indexed(file, nir, member="a"):
    """The file's NIR in the index the search reads (filled by the demo loaders and the feed's files)."""
    from benefits.campaigns.feed_models import PersonNir

    PersonNir.objects.create(nir=nir, file=file, member=member)
    return file


@pytest.mark.parametrize(
    "typed",
    ["285037512010148", "2 85 03 75 120 101 48", " 2.85.03.75.120.101-48 ", "2 85 03 75 120 101 48\t"],
)
def test_search_by_nir_reads_it_as_people_type_it(agent_client, camille_file, typed):
    # The portal's demo files hold the 13 characters: the agent still types the key, checked first.
    indexed(camille_file, "2850375120101")
    page = agent_client.get("/agent/", {"nir": typed}).content.decode()
    assert page.count("/agent/dossier/") == 1 and f"/agent/dossier/{camille_file.number}/" in page
    entry = JournalEntry.objects.get(action="file_searched")
    assert entry.details == {"how": "nir", "results": 1}  # never the NIR itself


def test_search_by_nir_finds_a_partner_and_a_nir_held_with_its_key(agent_client):
    couple = indexed(file_factory(), "183106912310387", member="b")
    page = agent_client.get("/agent/", {"nir": "1 83 10 69 123 103 87"}).content.decode()
    assert f"/agent/dossier/{couple.number}/" in page


def test_search_by_nir_of_someone_born_in_corsica(agent_client):
    # The key of a 2A number is computed with 19 in place of 2A (2B: 18).
    file = indexed(file_factory(), "185052A12345633")
    page = agent_client.get("/agent/", {"nir": "1 85 05 2a 123 456 33"}).content.decode()
    assert f"/agent/dossier/{file.number}/" in page
    wrong = agent_client.get("/agent/", {"nir": "1 85 05 2B 123 456 33"}).content.decode()
    assert "La clé ne correspond pas" in wrong and "/agent/dossier/" not in wrong


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2 85 03 75 120 101 47", "La clé ne correspond pas à ce numéro de sécurité sociale"),
        ("2 85 03 75 120 101", "Ajoutez la clé"),
        ("2 85 03 75 120 10", "compte 13 caractères et une clé de 2 chiffres"),
        ("9 85 03 75 120 101 48", "compte 13 caractères et une clé de 2 chiffres"),
        ("2 85 03 2C 120 101 48", "compte 13 caractères et une clé de 2 chiffres"),
        ("٢٨٥٠٣٧٥١٢٠١٠١٤٨", "compte 13 caractères et une clé de 2 chiffres"),
        ("2" * 41, "au plus 40 caractères"),
    ],
)
def test_a_wrong_nir_says_what_is_wrong_keeps_what_was_typed_and_is_not_searched(
    agent_client, typed, message
):
    response = agent_client.get("/agent/", {"nir": typed})
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    assert re.search(r"<title>\s*Erreur", page)
    assert f'value="{typed}"' in page
    assert not JournalEntry.objects.filter(action="file_searched").exists()


def test_a_nir_nobody_holds_answers_no_file(agent_client, camille_file):
    indexed(camille_file, "2850375120101")
    page = agent_client.get("/agent/", {"nir": "1 78 11 69 123 103 57"}).content.decode()
    assert "Aucun dossier ne correspond." in page


def test_the_demo_files_are_found_by_their_holders_nir(agent_client):
    from benefits.claims.demo import load_demo_files

    load_demo_files()
    load_demo_files()  # idempotent: the index keeps one row per NIR
    page = agent_client.get("/agent/", {"nir": "2 85 03 75 120 101 48"}).content.decode()
    assert page.count("/agent/dossier/") == 1 and "/agent/dossier/0000001/" in page


@pytest.mark.parametrize("typed", ["32/07/1990", "29/02/1991", "10/13/1985", "31.04.1985", "1990-02-30"])
def test_a_birth_date_in_the_format_that_does_not_exist_says_so_not_the_format(agent_client, typed):
    page = agent_client.get("/agent/", {"family_name": "benali", "birth_date": typed}).content.decode()
    assert "Cette date n’existe pas : vérifiez le jour et le mois." in page
    assert "Saisissez une date au format" not in page
    assert not JournalEntry.objects.filter(action="file_searched").exists()


@pytest.mark.parametrize("typed", ["1990", "32 juillet 1990", "3/7/90"])
def test_a_birth_date_not_in_the_format_says_the_format(agent_client, typed):
    page = agent_client.get("/agent/", {"family_name": "benali", "birth_date": typed}).content.decode()
    assert (
        "Saisissez une date au format JJ/MM/AAAA, par exemple 25/03/1990." in page
        and "n’existe pas" not in page
    )


def test_a_search_refused_has_the_error_summary_that_takes_the_focus_and_links_to_the_field(agent_client):
    page = agent_client.get("/agent/", {"family_name": "benali", "birth_date": "32/07/1990"}).content.decode()
    summary = re.search(r'<div[^>]*id="erreurs"[^>]*>(.*?)</div>', page, re.DOTALL)
    assert summary and "autofocus" in summary.group(0) and 'tabindex="-1"' in summary.group(0)
    assert re.search(r'<a href="#id_birth_date">\s*Date de naissance', summary.group(1))
    # A search with nothing to search by: its message is in the summary too, once.
    page = agent_client.get("/agent/", {"family_name": "MARTIN"}).content.decode()
    assert 'id="erreurs"' in page and page.count("ou un nom de naissance et une date de naissance") == 1
    assert 'id="erreurs"' not in agent_client.get("/agent/", {"number": "0000001"}).content.decode()
