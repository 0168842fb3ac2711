"""The agent at the counter: sign in with the TOTP code, find Camille's file, record a mandate, file her
declaration; then Camille sees the agent's action, the mandate and the receipt. axe on every page and state.

Each step waits for the page it leads to before it reads it: a click returns once the next document is
committed, not parsed, and `.all()` does not wait, so the draft's radios read at once were as many as
the parser had reached (on a loaded machine, not all: the declaration would be refused as incomplete).
"""

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from benefits.claims.models import Claim
from tests.agents import AGENT_PASSWORD, agent_factory, current_code
from tests.benefits.claims.factories import file_factory
from tests.factories import UserFactory


@pytest.mark.django_db(transaction=True)
def test_agent_files_camilles_declaration_under_a_mandate(
    page, new_context, live_server, assert_accessible, settings, monkeypatch
):
    settings.INCOME_API_URL = live_server.url + "/_revenus/api/v1"
    # No pause after the wrong code (django-otp's throttle, tested in tests/benefits/desk/test_agent_login.py):
    # a fixed wait would make the test depend on the clock.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    monkeypatch.setattr("benefits.claims.services.current_declaration_month", lambda: "2026-11")
    camille = UserFactory(first_name="Camille Marie", last_name="MARTIN")
    file = file_factory(user=camille)
    agent = agent_factory(office="Lyon")

    page.goto(live_server.url + "/agent/")
    assert "/agent/connexion/" in page.url
    assert_accessible(page, "agent login")
    page.get_by_label("Identifiant").fill(agent.username)
    page.get_by_label("Mot de passe").fill(AGENT_PASSWORD)
    page.get_by_label("Code à usage unique").fill("000000" if current_code() != "000000" else "111111")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("alert")).to_contain_text("Identifiant, mot de passe ou code incorrect")
    assert_accessible(page, "agent login refused")
    page.get_by_label("Mot de passe").fill(AGENT_PASSWORD)
    page.get_by_label("Code à usage unique").fill(current_code())
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/agent/")
    assert_accessible(page, "agent search")

    page.get_by_label("Nom de naissance").fill("Martin")
    page.get_by_label("Date de naissance").fill("32/03/1985")
    page.get_by_role("button", name="Rechercher").click()
    # Refused: the error summary has the focus, as on the public forms, and says what is wrong.
    expect(page.locator("#erreurs")).to_be_focused()
    expect(page.locator("#erreurs")).to_contain_text("Cette date n’existe pas")
    assert_accessible(page, "agent search refused")
    page.get_by_label("Date de naissance").fill("10/03/1985")
    page.get_by_role("button", name="Rechercher").click()
    result = page.get_by_role("link", name="Camille Marie MARTIN")
    expect(result).to_be_visible()
    assert_accessible(page, "agent search results")
    result.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(file.number)
    assert_accessible(page, "360 view")

    page.get_by_role("link", name="Enregistrer un mandat").click()
    page.get_by_role("button", name="Enregistrer le mandat").click()
    expect(page.get_by_role("alert")).to_contain_text("Le mandat n’est pas complet")
    assert_accessible(page, "mandate with errors")
    page.get_by_label("Déclaration trimestrielle de ressources").check(force=True)
    page.get_by_label("Au guichet, sur pièce d’identité").check(force=True)
    page.get_by_label("Accord oral de la personne présente au guichet").check(force=True)
    page.get_by_label("Le temps de cette visite").check(force=True)
    page.get_by_label("La personne a donné son accord").check(force=True)
    page.get_by_role("button", name="Enregistrer le mandat").click()
    expect(page.get_by_text("Mandat enregistré")).to_be_visible()
    assert_accessible(page, "360 view with a mandate")

    page.get_by_role("button", name="Faire les démarches pour la personne").click()
    page.locator("main form[action$='/nouvelle/dtr/'] button").click()
    page.wait_for_url("**/brouillon/**")
    # The continue button comes after every figure: once it is there, so are all the radios.
    expect(page.locator("button[value=continue]")).to_be_attached()
    radios = page.locator("input[type=radio][value=confirm]")
    assert radios.count() == 6  # the quarter's 3 months, 2 employers each (the emulator's NIR ending 01)
    for radio in radios.all():
        radio.check(force=True)
    page.locator("button[value=continue]").click()
    # By its name: under the mandate <main> also starts with the band's "Terminer le mandat" button.
    page.get_by_role("button", name="Déposer ma déclaration").click()
    page.wait_for_url("**/demande/**")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page, "receipt filed by the agent")
    claim = Claim.objects.get()
    assert claim.mandate.agent == agent

    # Camille, at home, sees what was done for her.
    client = Client()
    client.force_login(camille)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context = new_context()
    context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )
    person = context.new_page()
    person.goto(live_server.url + "/mon-espace/actions/")
    main = person.locator("main")
    expect(main).to_contain_text("Votre dossier a été consulté par un agent de la CAF de Lyon le")
    expect(main).to_contain_text("Déclaration trimestrielle envoyée par un agent de la CAF de Lyon")
    expect(main).to_contain_text("Un agent de la CAF de Lyon peut faire pour vous")
    assert_accessible(person, "actions faites pour vous")
    person.get_by_role("button", name="Retirer ce mandat").click()
    expect(person.get_by_text("Le mandat est retiré")).to_be_visible()
    assert_accessible(person, "mandate revoked")
    person.goto(live_server.url + f"/mon-espace/demarches/demande/{claim.pk}/")
    expect(person.locator("main")).to_contain_text("Déposée")
