"""One header per role, and the mandate band on every page an agent sees under a mandate.

An agent signed in to the desk saw the allocataire's « Mon espace » and « Se déconnecter » beside
« Déconnexion agent », « Mon espace » showed "Aucun dossier allocataire…", and under a mandate the person's
pages under /mon-espace/ named the person in a band outside <main>, the desk's pages not at all.
"""

import re

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from benefits.desk.models import Mandate
from portal.dates import long_until
from tests.benefits.desk.test_mandates import record_mandate
from tests.htmx import outer_html

pytestmark = pytest.mark.django_db


def flat(response) -> str:
    return " ".join(response.content.decode().split())


def header_tools(page: str) -> str:
    """The header's tools (the buttons beside the service's name), not its main menu."""
    return re.search(r'<div class="fr-header__tools-links">(.*?)<div class="fr-header__menu">', page)[1]


def tool_labels(page: str) -> list[str]:
    tools = header_tools(page)
    return [
        re.sub(r"<[^>]+>", "", label).strip() for label in re.findall(r"<(?:a|button)\b[^>]*>(.*?)</", tools)
    ]


def main_of(page: str) -> str:
    return outer_html(page, "contenu")


def test_an_agent_without_mandate_has_the_agents_header_only(agent_client):
    page = flat(agent_client.get("/agent/"))
    assert tool_labels(page) == ["Espace agent", "Déconnexion agent", "English"]
    tools = header_tools(page)
    assert '<a class="fr-btn fr-icon-team-line" href="/agent/">Espace agent</a>' in tools
    assert '<form method="post" action="/agent/deconnexion/">' in tools
    assert "/compte/deconnexion/" not in page and "/mon-espace/" not in tools
    # The same header on a page of the portal that is not the desk's.
    assert tool_labels(flat(agent_client.get("/simulateur/"))) == tool_labels(page)


def test_an_agent_holding_the_campaigns_permission_has_campagnes_in_the_header(agent_client, agent):
    agent.user_permissions.add(Permission.objects.get(codename="operate_campaign"))
    page = flat(agent_client.get("/"))
    assert tool_labels(page) == ["Espace agent", "Campagnes", "Déconnexion agent", "English"]
    assert 'href="/operateur/campagnes/">Campagnes</a>' in header_tools(page)


def test_mon_espace_sends_an_agent_without_mandate_to_the_desk_with_a_message(agent_client):
    response = agent_client.get("/mon-espace/", follow=True)
    assert response.redirect_chain == [("/agent/", 302)]
    page = flat(response)
    assert "« Mon espace » est l’espace des allocataires." in page
    assert "ouvrez son dossier et enregistrez un mandat." in page
    assert "Aucun dossier allocataire" not in page


def test_mon_espace_sends_an_agent_under_a_mandate_to_the_persons_mes_demarches(agent_client, camille_file):
    record_mandate(agent_client, camille_file)
    response = agent_client.get("/mon-espace/", follow=True)
    assert response.redirect_chain == [("/mon-espace/demarches/", 302)]
    assert "Aucun dossier allocataire" not in flat(response)


def band_sentence(mandate: Mandate) -> str:
    until = " ".join(long_until(mandate.expires_at).split())  # "jusqu’à 14 h 30", the page flattened
    file = mandate.file
    return (
        f"Vous agissez pour {file.given_names} {file.family_name} (dossier {file.number}), "
        f"sous mandat {until}."
    )


@pytest.mark.parametrize(
    "url",
    [
        "/mon-espace/demarches/",
        "/mon-espace/courriers/",
        "/mon-espace/actions/",
        "/agent/",
        "/agent/dossier/{number}/",
    ],
)
def test_under_a_mandate_every_page_starts_its_main_with_the_mandate_band(agent_client, camille_file, url):
    mandate = record_mandate(agent_client, camille_file)
    page = flat(agent_client.get(url.format(number=camille_file.number)))
    main = main_of(page)
    band = outer_html(main, "mandat-en-cours")
    # First in <main>, before the messages and the page's own <h1>: what the "Contenu" skip link reaches.
    assert re.match(r'<main id="contenu"[^>]*> <section class="fr-notice fr-notice--info', main)
    assert 'aria-label="Mandat en cours"' in band and "<h1" not in band
    assert band_sentence(mandate) in band
    assert (
        f'<a class="fr-btn fr-btn--sm fr-btn--secondary" href="/agent/dossier/{camille_file.number}/">'
        in band
    )
    assert f'<form method="post" action="/agent/mandat/{mandate.pk}/terminer/">' in band
    assert page.count('id="mandat-en-cours"') == 1
    assert tool_labels(page) == ["Espace agent", "Déconnexion agent", "English"]


def test_the_bands_button_ends_the_mandate_and_the_band_goes(agent_client, camille_file):
    mandate = record_mandate(agent_client, camille_file)
    page = flat(agent_client.get("/mon-espace/demarches/"))
    action = re.search(r'id="mandat-en-cours".*?<form method="post" action="([^"]+)"', page)[1]
    response = agent_client.post(action, follow=True)
    assert response.redirect_chain == [(f"/agent/dossier/{camille_file.number}/", 302)]
    mandate.refresh_from_db()
    assert mandate.revoked_at is not None and mandate.revoked_at <= timezone.now()
    assert "mandat-en-cours" not in flat(response)
    assert "mandat-en-cours" not in flat(agent_client.get("/agent/"))


def test_an_allocataires_header_is_unchanged_and_has_no_band(client, camille):
    """A guard, not a change: the person's header keeps « Mon espace » and « Se déconnecter »."""
    client.force_login(camille)
    page = flat(client.get("/mon-espace/"))
    assert tool_labels(page) == ["Mon espace", "Se déconnecter", "English"]
    assert "Espace agent" not in page and "/agent/deconnexion/" not in page
    assert "mandat-en-cours" not in page


def refused_early(client, kind: str, settings):
    """A page refused by a middleware before any view runs: a NUL in the address (portal/errors.py, a
    400) or the simulator's rate limit (a 429, benefits/simulator/throttle.py)."""
    if kind == "nul":
        return client.get("/agent/", {"number": "\x00"}), 400
    settings.SIMULATOR_RATE_LIMIT_PER_MINUTE = 0  # the first POST is over: no minute's edge to cross
    return client.post("/simulateur/", {}), 429


EARLY_REFUSALS = ["nul", "rate limit"]


@pytest.mark.parametrize("kind", EARLY_REFUSALS)
def test_a_page_refused_before_any_view_shows_an_agent_the_agents_header(agent_client, kind, settings):
    # These middlewares ran before django-otp's: the header's question "is this an agent in a desk
    # session?" had no is_verified() to ask, and the agent read « Mon espace » and « Se déconnecter ».
    response, status = refused_early(agent_client, kind, settings)
    assert response.status_code == status
    page = flat(response)
    assert tool_labels(page) == ["Espace agent", "Déconnexion agent", "English"]
    assert "/compte/deconnexion/" not in page


@pytest.mark.parametrize("kind", EARLY_REFUSALS)
def test_a_page_refused_before_any_view_gives_nobody_else_the_agents_header(client, camille, kind, settings):
    response, status = refused_early(client, kind, settings)
    assert response.status_code == status
    assert tool_labels(flat(response)) == ["Mon espace", "English"]
    client.force_login(camille)
    response, status = refused_early(client, kind, settings)
    page = flat(response)
    assert tool_labels(page) == ["Mon espace", "Se déconnecter", "English"]
    assert "Espace agent" not in page and "/agent/deconnexion/" not in page
