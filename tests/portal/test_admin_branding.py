"""/gestion/ carries the portal's name and favicon, not Django's defaults."""

import re

import pytest

from tests.agents import agent_factory, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    sign_in(client, agent_factory(is_superuser=True))
    return client


@pytest.mark.parametrize("url", ["/gestion/", "/gestion/portal/journalentry/"])
def test_every_admin_page_has_the_portals_title_and_favicon(staff_client, url):
    html = staff_client.get(url).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert " ".join(title.split()).endswith("Portail allocataires — gestion")
    assert "Django" not in title and "Django" not in html.split("</header>")[0]
    assert re.search(r'<link rel="icon"\s+href="/static/dsfr/dist/favicon/favicon\.svg"', html)
    assert "Portail allocataires — gestion</a>" in html  # the header's name


def test_in_english_the_admin_says_management(staff_client):
    staff_client.cookies["django_language"] = "en"
    html = staff_client.get("/gestion/").content.decode()
    assert "Portail allocataires — management" in html


def test_a_form_with_errors_starts_the_title_with_erreur(staff_client):
    """As on the portal's own screens (RGAA 8.6): Django's change form says "Erreur :" first, through
    this title block too."""
    html = staff_client.post("/gestion/benefits/allocatairefile/add/", {}).content.decode()
    title = " ".join(re.search(r"<title>(.*?)</title>", html, re.S).group(1).split())
    assert title.startswith("Erreur :") and title.endswith("Portail allocataires — gestion")
