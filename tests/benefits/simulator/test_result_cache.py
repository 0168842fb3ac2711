"""The result's explanation is rendered once per simulation and language, then served by token."""

import pytest
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key

from benefits.simulator.models import Simulation
from benefits.simulator.result_page import explanation_version
from tests.benefits.simulator.journey import walk

pytestmark = pytest.mark.django_db


def fragment_key(token, language):
    return make_template_fragment_key(
        "simulation-explanation", [token, language, explanation_version(), "home"]
    )


def test_explanation_is_cached_by_token_and_language_and_served_again(client):
    first = walk(client)
    token = Simulation.objects.get().token
    cached = cache.get(fragment_key(token, "fr"))
    assert cached and "Le calcul, aide par aide" in cached
    assert cache.get(fragment_key(token, "en")) is None
    # Served from the cache: what is stored is what the page shows, and a second view is identical.
    cache.set(fragment_key(token, "fr"), cached.replace("Le calcul, aide par aide", "Calcul servi du cache"))
    again = client.get(first.wsgi_request.path).content.decode()
    assert "Calcul servi du cache" in again
    # Another simulation ("et si…") has its own fragment, never the first one's.
    response = client.post(f"/simulateur/resultat/{token}/", {"salary": "1500", "rent": "650"}, follow=True)
    other = Simulation.objects.exclude(token=token).get()
    assert "Calcul servi du cache" not in response.content.decode()
    assert "Le calcul, aide par aide" in cache.get(fragment_key(other.token, "fr"))


@pytest.mark.parametrize(
    "included",
    [
        "benefits/simulator/includes/extra_benefits.html",
        "benefits/includes/benefit_table.html",
        "benefits/includes/benefit_explanation.html",
        "benefits/includes/explanation_steps.html",
    ],
)
def test_a_change_in_any_template_of_the_cached_region_gives_a_new_key(included):
    """A deploy that changes an include of the explanation must not serve the fragments of before."""
    from django.template.loader import get_template

    template = get_template(included).template
    original = template.source
    explanation_version.cache_clear()
    before = explanation_version()
    try:
        template.source = original + "<!-- changed -->"
        explanation_version.cache_clear()
        assert explanation_version() != before
    finally:
        template.source = original
        explanation_version.cache_clear()
    assert explanation_version() == before
