"""{% rendered_once %}: a layout block rendered once per process and language, forgotten on a setting change."""

from django.template import Context, Template
from django.test import override_settings

from portal.templatetags import layout_tags

SOURCE = (
    "{% load layout_tags %}{% rendered_once test-block lang %}{{ value }}-{{ lang }}{% endrendered_once %}"
)


def render(**context):
    return Template(SOURCE).render(Context(context))


def test_rendered_once_per_value_of_what_it_varies_on():
    layout_tags._rendered.clear()
    assert render(value="first", lang="fr") == "first-fr"
    # Same key: the block is not rendered again (a per-request value would be wrong here: not allowed).
    assert render(value="second", lang="fr") == "first-fr"
    assert render(value="second", lang="en") == "second-en"


def test_forgotten_when_a_setting_changes():
    layout_tags._rendered.clear()
    assert render(value="first", lang="fr") == "first-fr"
    with override_settings(STATIC_URL="/other/"):
        assert render(value="second", lang="fr") == "second-fr"


def test_the_layout_still_carries_the_footer_and_stylesheets(client):
    for language in ("fr", "en"):
        page = client.get("/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert 'id="pied-de-page"' in page and "portal/portal.css" in page and "dsfr" in page
    assert "Plan du site" in client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Site map" in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
