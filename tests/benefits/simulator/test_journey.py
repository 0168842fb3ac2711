"""The questionnaire end to end with the test client, as a browser without JavaScript uses it."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from benefits.rules import compute, parse_household
from benefits.simulator.models import Simulation
from tests.benefits.simulator.journey import SINGLE_PARENT, walk
from tests.portal.test_site_invariants import page_facts

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_every_step_keeps_the_page_invariants(client):
    for url in ("/simulateur/", "/simulateur/foyer/"):
        facts = page_facts(client.get(url))
        assert facts.h1 == 1 and facts.inline_scripts == 0 and facts.style_attributes == 0
    client.post("/simulateur/foyer/", SINGLE_PARENT["household"])
    for url in ("/simulateur/personnes/", "/simulateur/logement/"):
        response = client.get(url)
        assert response.status_code == 200
        assert page_facts(response).h1 == 1


def test_the_whole_journey_gives_the_core_amounts(client):
    response = walk(client)
    assert response.status_code == 200
    simulation = Simulation.objects.get()
    expected = compute(parse_household(simulation.household, simulation.month))
    page = text(response)
    for name, benefit in expected.benefits.items():
        if benefit.amount > 0:
            shown = f"{benefit.amount:.2f}".replace(".", ",")
            assert shown in page, f"{name} {shown} not shown"
    assert "Pas de droit" in page
    assert "Voir le calcul étape par étape" in page
    assert "legifrance.gouv.fr" in response.content.decode()
    assert simulation.engine_version == expected.engine_version


def test_errors_are_listed_at_the_top_and_next_to_the_fields_and_typed_values_kept(client):
    response = client.post("/simulateur/foyer/", {"couple": "", "children": "deux"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Votre réponse contient des erreurs" in html
    assert 'href="#id_couple"' in html and 'href="#id_children"' in html
    assert "Indiquez si vous vivez en couple." in html
    assert 'value="deux"' in html
    assert 'aria-invalid="true"' in html
    # The title says so first: a screen reader announces it before anything else on the page.
    assert re.search(r"<title>\s*Erreur\u00a0:", html)


def test_impossible_households_are_refused_with_a_reason(client):
    client.post("/simulateur/foyer/", {"couple": "non", "children": "1"})
    answers = dict(SINGLE_PARENT["persons"], **{"enfant1-birth_date": "01/01/1980"})
    response = client.post("/simulateur/personnes/", answers)
    assert response.status_code == 200
    assert "Un enfant ne peut pas être plus âgé que ses parents" in response.content.decode()
    future = dict(SINGLE_PARENT["persons"], **{"demandeur-birth_date": "01/01/2999"})
    response = client.post("/simulateur/personnes/", future)
    assert "La date de naissance ne peut pas être dans le futur." in response.content.decode()


def test_modifier_link_returns_to_the_check_page(client):
    walk(client)
    client.post(
        Simulation.objects.get().token and f"/simulateur/resultat/{Simulation.objects.get().token}/modifier/"
    )
    check = client.get("/simulateur/verifier/")
    assert "Modifier" in check.content.decode()
    response = client.post(
        "/simulateur/logement/?retour=verifier", dict(SINGLE_PARENT["housing"], rent="700")
    )
    assert response["Location"] == "/simulateur/verifier/"
    assert "700" in client.get("/simulateur/verifier/").content.decode()


def test_only_needed_questions_are_asked(client):
    client.post("/simulateur/foyer/", {"couple": "oui", "children": "0"})
    persons = {
        "demandeur-birth_date": "10/03/1990",
        "demandeur-activity": "employed",
        "demandeur-disability": "none",
        "demandeur-nationality": "fr",
        "conjoint-birth_date": "10/03/1991",
        "conjoint-activity": "inactive",
        "conjoint-disability": "80",
        "conjoint-nationality": "fr",
    }
    client.post("/simulateur/personnes/", persons)
    html = client.get("/simulateur/revenus/").content.decode()
    assert "demandeur-invalidity" not in html and "conjoint-invalidity" in html
    assert "alimony" not in html


def test_state_lives_in_its_own_session_namespace(client):
    client.post("/simulateur/foyer/", SINGLE_PARENT["household"])
    session = client.session
    assert session["simulator"]["flow"] == "simulator-v1"
    session["simulator"] = {"flow": "claims", "answers": {"couple": True}}
    session.save()
    # Another flow's data is not read: the questionnaire starts afresh.
    assert client.get("/simulateur/personnes/")["Location"] == "/simulateur/foyer/"


def test_replay_gives_the_same_numbers(client):
    walk(client)
    simulation = Simulation.objects.get()
    response = client.get(f"/simulateur/resultat/{simulation.token}/rejouer/")
    assert "les montants recalculés sont identiques" in response.content.decode()


def test_htmx_result_region_equals_the_full_page_region(client):
    from tests.benefits.simulator.test_pages import region_text

    walk(client)
    token = Simulation.objects.get().token
    full = client.get(f"/simulateur/resultat/{token}/").content.decode()
    partial = client.get(f"/simulateur/resultat/{token}/", headers={"HX-Request": "true"}).content.decode()
    assert partial.strip().startswith('<div id="resultat"')
    assert region_text(partial, "resultat") == region_text(full, "resultat")


def test_purge_erases_expired_simulations_only(client):
    walk(client)
    walk(client)
    old = Simulation.objects.first()
    Simulation.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    call_command("purge_simulations")
    assert not Simulation.objects.filter(pk=old.pk).exists()
    assert Simulation.objects.count() == 1
    assert client.get(f"/simulateur/resultat/{old.token}/").status_code == 404


def test_adding_and_removing_a_child_keeps_what_was_typed_without_javascript(client):
    client.post("/simulateur/foyer/", {"couple": "non", "children": "1"})
    typed = dict(SINGLE_PARENT["persons"], action="add_child")
    page = client.post("/simulateur/personnes/", typed).content.decode()
    assert 'name="enfant2-birth_date"' in page
    assert 'value="10/03/1990"' in page and 'value="01/09/2019"' in page
    assert "Votre réponse contient des erreurs" not in page
    page = client.post("/simulateur/personnes/", dict(typed, action="remove_child_1")).content.decode()
    assert 'name="enfant2-birth_date"' not in page and 'value="01/09/2019"' not in page


def test_without_javascript_adding_a_child_comes_back_at_the_new_childs_heading_which_takes_focus(client):
    client.post("/simulateur/foyer/", {"couple": "non", "children": "1"})
    page = client.get("/simulateur/personnes/").content.decode()
    # The button's own address carries the fragment of the row it will add: the browser scrolls there.
    assert 'formaction="/simulateur/personnes/#enfant-2"' in page
    page = client.post(
        "/simulateur/personnes/", dict(SINGLE_PARENT["persons"], action="add_child")
    ).content.decode()
    heading = re.search(r'<h3[^>]*id="enfant-2"[^>]*>', page)
    assert heading and 'tabindex="-1"' in heading.group(0)
    assert 'tabindex="-1"' not in re.search(r'<h3[^>]*id="enfant-1"[^>]*>', page).group(0)
    assert 'formaction="/simulateur/personnes/#enfant-3"' in page
    # From the check page the step keeps its way back.
    page = client.get("/simulateur/personnes/?retour=verifier").content.decode()
    assert 'formaction="/simulateur/personnes/?retour=verifier#enfant-3"' in page


def test_htmx_child_rows_swap_equals_the_full_page_region(client):
    from tests.htmx import swap_outer_html

    client.post("/simulateur/foyer/", {"couple": "non", "children": "1"})
    typed = dict(SINGLE_PARENT["persons"], action="add_child")
    full_before = client.get("/simulateur/personnes/").content.decode()
    partial = client.post("/simulateur/personnes/", typed, headers={"HX-Request": "true"}).content.decode()
    swapped = swap_outer_html(full_before, "enfants", partial)
    full_after = client.get("/simulateur/personnes/").content.decode()
    assert region(swapped, "enfants") == region(full_after, "enfants")


def region(html: str, element_id: str) -> str:
    from tests.htmx import outer_html

    # Where focus lands after a swap (and without JavaScript, tabindex on the new child) is the one
    # intended difference.
    html = re.sub(r'\s*(tabindex="-1"\s*)?data-focus-after-swap', "", outer_html(html, element_id))
    return re.sub(r"\s+", " ", html).replace(" >", ">").strip()
