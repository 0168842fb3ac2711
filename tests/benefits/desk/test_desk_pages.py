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
