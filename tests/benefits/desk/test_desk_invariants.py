"""The site-wide invariants (one <h1>, a title, no inline script or style) on the agent's pages, signed in."""

import pytest

from tests.portal.test_site_invariants import page_facts
from tests.site_walk import walk

pytestmark = pytest.mark.django_db


def desk_urls(file_number):
    from django.urls import get_resolver

    urls = []
    for name, route, entry in walk(get_resolver().url_patterns):
        if (
            not name.startswith("desk:")
            or getattr(entry.callback, "not_a_page", False)
            or name == "desk:login"
        ):
            continue
        urls.append("/" + route.replace("<str:number>", file_number))
    return urls


def test_every_agent_page_keeps_the_invariants(agent_client, camille_file):
    urls = desk_urls(camille_file.number)
    assert "/agent/" in urls and f"/agent/dossier/{camille_file.number}/" in urls
    titles = set()
    for url in urls + ["/agent/connexion/"]:
        response = agent_client.get(url)
        assert response.status_code == 200, url
        facts = page_facts(response)
        assert facts.h1 == 1 and facts.html_lang == "fr" and facts.title.strip(), url
        assert facts.inline_scripts == 0 and facts.style_attributes == 0 and facts.style_elements == 0, url
        assert facts.title not in titles, url
        titles.add(facts.title)
