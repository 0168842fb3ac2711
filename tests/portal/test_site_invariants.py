"""Invariants that every page of the portal keeps; new pages join the walk by themselves."""

import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from tests.site_walk import argument_free_pages

PAGES = argument_free_pages()


class PageFacts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1 = 0
        self.html_lang = None
        self.title = ""
        self.in_title = False
        self.inline_scripts = 0
        self.style_attributes = 0
        self.style_elements = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self.h1 += 1
        elif tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "title":
            self.in_title = True
        elif tag == "script" and not attrs.get("src") and attrs.get("type") != "application/json":
            self.inline_scripts += 1
        elif tag == "style":
            self.style_elements += 1
        if "style" in attrs:
            self.style_attributes += 1

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data


def fetch(client, logged_client, url):
    response = client.get(url)
    if response.status_code == 302:
        response = logged_client.get(url)
    return response


def page_facts(response) -> PageFacts:
    facts = PageFacts()
    facts.feed(response.content.decode())
    return facts


def test_the_walk_finds_the_public_pages():
    assert {"portal:home", "portal:accessibility", "portal:legal", "portal:privacy", "portal:sitemap"} <= set(
        PAGES
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_page_invariants(client, logged_client, url):
    response = fetch(client, logged_client, url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    facts = page_facts(response)
    assert facts.h1 == 1, f"{url} has {facts.h1} <h1>"
    assert facts.html_lang in {"fr", "en"}
    assert facts.title.strip(), f"{url} has no <title>"
    assert facts.inline_scripts == 0, f"{url} has an inline <script>"
    assert facts.style_attributes == 0 and facts.style_elements == 0, f"{url} has inline style"


@pytest.mark.django_db
def test_titles_are_unique(client, logged_client):
    titles = {}
    for name, url in PAGES.items():
        title = " ".join(page_facts(fetch(client, logged_client, url)).title.split())
        assert title not in titles, f"{name} and {titles.get(title)} share the title {title!r}"
        titles[title] = name


@pytest.mark.django_db
def test_no_pending_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_english_catalogue_translates_the_home_page():
    client = Client(headers={"accept-language": "en"})
    response = client.get("/")
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Estimate my entitlements" in html
    with translation.override("en"):
        assert translation.gettext("Mon espace") == "My account"


@pytest.mark.django_db
def test_language_switch_keeps_the_current_page(client):
    response = client.post("/langue/", {"language": "en", "next": "/accessibilite/"})
    assert response.status_code == 302
    assert response["Location"] == "/accessibilite/"
    assert "<h1>Accessibility statement</h1>" in client.get("/accessibilite/").content.decode()


@pytest.mark.django_db
def test_language_switch_refuses_an_external_next(client):
    response = client.post("/langue/", {"language": "en", "next": "https://evil.example/"})
    assert not re.match(r"https?://evil", response.get("Location", ""))
