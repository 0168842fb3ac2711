"""Bad input on every screen, as every kind of user: never a server error, and a refused form says why
in French and keeps what the person typed.

The URL configuration is walked (a new page is checked by itself), each route given arguments that
reach a real object of the person walking (their draft, claim, letter, mandate, campaign). Each page
is opened (GET), then its forms are read from the HTML and sent back empty and with garbage: very long
text, NUL bytes, numbers that are not numbers, 30 February, negative amounts. The test client skips
the CSRF check, as a browser holding the token would pass it (tests/robustness/test_csrf_and_public_views.py
checks that a post without it is refused). Every problem of a walk is listed at once.
"""

import html
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Permission
from django.http import HttpResponse
from django.test import Client
from django.urls import get_resolver, reverse

from benefits.campaigns.services import campaign_create
from benefits.claims.models import ClaimDraft
from benefits.desk import mandates
from benefits.desk.access import MANDATE_KEY
from benefits.letters.models import Letter
from tests.agents import agent_factory, sign_in
from tests.benefits.auu.test_auu_pages import file_claim as auu_file_claim
from tests.benefits.claims.conftest import income_emulator  # noqa: F401 - the declaration's prefill
from tests.benefits.claims.factories import file_factory
from tests.benefits.letters.conftest import file_claim
from tests.benefits.simulator.journey import walk as simulator_walk
from tests.cache import cache_clear_own
from tests.factories import UserFactory
from tests.fcplus import fcplus_offline  # noqa: F401 - FranceConnect+ answers in-process
from tests.site_walk import walk

pytestmark = pytest.mark.django_db

GARBAGE = [
    "9" * 5000,
    "a\x00b",
    "douze",
    "2026-02-30",
    "30/02/2026",
    "-1500",
    "1e999",
    "NaN",
    "<b>«\u00a0x\u00a0»</b>",
    "-0,01",
]
# Routes walked last, in this order: each ends what the walk stands on (a mandate, a session).
LAST = ["desk_person:revoke", "desk:mandate_end", "kiosk:end", "kiosk:exit", "accounts:logout", "desk:logout"]
# The layout's own forms (sign out, language) on every page: walked once, as their routes.
LAYOUT_FORMS = {"/compte/deconnexion/", "/agent/deconnexion/", "/langue/", "/kiosque/terminer/"}
# Under a mandate the band (layout/_mandate.html) offers "Terminer le mandat" on every page: posted from
# the first page, it would end the mandate the rest of the agent's walk stands on.
LAYOUT_FORM_ROUTES = re.compile(r"/agent/mandat/\d+/terminer/")
# The admin is Django's, for staff, and its own tests cover it; its pages are many and slow to walk.
SKIPPED_PREFIXES = ("admin:",)
ENGLISH = re.compile(r"This field|Enter a|Select a valid|Ensure this|is required|Null characters", re.I)
ERROR_MARKERS = ("fr-error-text", "fr-message--error", "fr-alert--error", "errorlist")


class Forms(HTMLParser):
    """The forms of a page: method, action, and their fields (name, kind, the submit buttons' values)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.current, self.textarea = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = {"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action")}
            self.current["fields"] = []
            self.forms.append(self.current)
        elif (
            self.current is not None
            and tag in ("input", "select", "textarea", "button")
            and attrs.get("name")
        ):
            kind = tag if tag != "input" else (attrs.get("type") or "text").lower()
            if kind == "button" and (attrs.get("type") or "submit") != "submit":
                return
            self.current["fields"].append((attrs["name"], kind, attrs.get("value")))

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def forms_of(page: str) -> list[dict]:
    parser = Forms()
    parser.feed(page)
    return [form for form in parser.forms if form["fields"]]


def garbage_for(form: dict, offset: int) -> dict:
    """Each typed field gets a garbage value; a choice field gets one too (a value no option has);
    the first submit button's value is kept, as a browser sends it."""
    data, position = {}, offset
    for name, kind, value in form["fields"]:
        if name == "csrfmiddlewaretoken" or kind == "hidden":
            continue
        if kind in ("submit", "button"):
            data.setdefault(name, value or "")
            continue
        data[name] = GARBAGE[position % len(GARBAGE)]
        position += 1
    return data


def typed_fields(form: dict) -> set[str]:
    return {
        name
        for name, kind, _ in form["fields"]
        if kind in ("text", "textarea", "number", "email", "tel", "search", "date")
    }


def values_shown(page: str) -> dict[str, str]:
    """What the page shows in each text field: the value attribute, or the textarea's content."""
    shown = {}
    for tag in re.findall(r"<input\b[^>]*>", page):
        name, value = re.search(r'\sname="([^"]*)"', tag), re.search(r'\svalue="([^"]*)"', tag)
        if name:
            shown[html.unescape(name.group(1))] = html.unescape(value.group(1)) if value else ""
    for name, content in re.findall(r'<textarea\b[^>]*\sname="([^"]*)"[^>]*>(.*?)</textarea>', page, re.S):
        shown[html.unescape(name)] = html.unescape(content).strip("\n")
    return shown


class World:
    """The people of the walk and their objects; `kwargs(name, converters)` picks each route's arguments."""

    def __init__(self):
        self.person = UserFactory(first_name="Camille Marie", last_name="MARTIN")
        self.file = file_factory(user=self.person, partner_nir="1831069123103")
        self.claim = file_claim(self.file, self.person, commit=False)
        self.letter = Letter.objects.filter(file=self.file).first()
        person_client = Client()
        person_client.force_login(self.person)
        person_client.post("/mon-espace/demarches/nouvelle/ppa/")
        self.draft_key = ClaimDraft.objects.open().filter(file=self.file).latest("pk").key
        self.urgent = auu_file_claim(person_client)
        self.simulation_token = simulator_walk(Client()).request["PATH_INFO"].rstrip("/").rsplit("/", 1)[-1]
        self.agent = agent_factory()
        self.mandate = mandates.mandate_create(
            file=self.file,
            agent=self.agent,
            office="Lyon",
            kinds=["dtr", "ppa", "rsa"],
            identity_check="guichet",
            consent="signe",
            duration="journee",
        )
        self.operator = agent_factory(username="operatrice")
        self.operator.user_permissions.add(Permission.objects.get(codename="operate_campaign"))
        self.campaign = campaign_create(kind="non_recours", month="2026-12", threshold=10, by=self.operator)
        self.staff = agent_factory(username="direction", is_superuser=True)

    def kwargs(self, name: str, converters: dict) -> dict:
        by_name = {
            "token": self.simulation_token,
            "kind": "dtr",
            "key": self.draft_key,
            "reference": self.urgent.reference,
            "number": self.file.number,
            "uid": "inconnu",
        }
        pks = {
            "claims:claim": self.claim.pk,
            "desk:mandate_use": self.mandate.pk,
            "desk:mandate_end": self.mandate.pk,
            "desk_person:revoke": self.mandate.pk,
        }
        values = {}
        for key in converters:
            if key == "pk":
                values[key] = pks.get(
                    name, self.letter.pk if name.startswith("letters:") else self.campaign.pk
                )
            elif key == "name":
                values[key] = "pause"
            else:
                values[key] = by_name[key]
        return values

    def client(self, kind: str) -> Client:
        client = Client(raise_request_exception=True)
        if kind == "allocataire":
            client.force_login(self.person)
        elif kind == "agent_mandate":
            assert sign_in(client, self.agent).status_code == 302
            session = client.session
            session[MANDATE_KEY] = self.mandate.pk
            session.save()
        elif kind == "operator":
            assert sign_in(client, self.operator).status_code == 302
        elif kind == "staff":
            assert sign_in(client, self.staff).status_code == 302
        return client


@pytest.fixture
def world(income_emulator, fcplus_offline, settings, tmp_path):  # noqa: F811 - the fixtures imported above
    # Three agents signed in per walk: the default hasher's million rounds would be most of its time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "letters": {**settings.STORAGES["letters"], "OPTIONS": {"location": str(tmp_path / "letters")}},
    }
    return World()


def routes(world):
    found = []
    for name, _route, entry in walk(get_resolver().url_patterns):
        if name.startswith(SKIPPED_PREFIXES):
            continue
        found.append((name, reverse(name, kwargs=world.kwargs(name, entry.pattern.converters))))
    return sorted(found, key=lambda item: LAST.index(item[0]) + 1 if item[0] in LAST else 0)


def kept(shown: str, typed: str) -> bool:
    """The page shows what was typed: as it was, or without its NUL characters, or its first hundreds
    of characters when it was longer than the answer is stored (a draft keeps 500)."""
    cleaned = typed.replace("\x00", "")
    return shown in (typed, cleaned) or (len(shown) >= 100 and cleaned.startswith(shown))


def refusal_problems(response, posted: dict, form: dict) -> list[str]:
    """What is wrong with a form sent back refused: no French error message, or typed text lost."""
    page = response.content.decode()
    problems = []
    if not any(marker in page for marker in ERROR_MARKERS):
        problems.append("refused without an error message")
    if ENGLISH.search(page):
        problems.append(f"English error text: {ENGLISH.search(page).group(0)!r}")
    if 'lang="fr"' not in page[:500]:
        problems.append("page not in French")
    shown = values_shown(page)
    for name in typed_fields(form):
        typed = posted.get(name, "")
        if name in shown and typed and not kept(shown[name], typed):
            problems.append(f"field {name!r} shows {shown[name][:40]!r}, typed {typed[:40]!r}")
    return problems


def send(client, method, url, data, problems, label):
    try:
        response = client.get(url, data) if method == "get" else client.post(url, data)
    except Exception as error:  # noqa: BLE001 - every crash of the walk is listed, not just the first
        problems.append(f"{label} {url}: {type(error).__name__}: {str(error)[:200]}")
        return None
    if response.status_code >= 500:
        problems.append(f"{label} {url}: {response.status_code}")
        return None
    return response


def is_refusal(response, form) -> bool:
    """A form sent back on the same page instead of a redirection: the input was refused."""
    if response.status_code not in (200, 400, 422) or "text/html" not in response.get("Content-Type", ""):
        return False
    page = response.content.decode()
    names = {name for name, kind, _ in form["fields"] if kind not in ("submit", "button", "hidden")}
    return bool(names) and all(f'name="{name}"' in page for name in names)


def refused(response, form) -> bool:
    """A post shown back is refused; a search (a GET form) is refused when it shows an error."""
    return form["method"] == "post" or any(marker in response.content.decode() for marker in ERROR_MARKERS)


def walk_as(kind, world) -> tuple[list[str], int]:
    client = world.client(kind)
    problems, sent = [], 0
    for name, url in routes(world):
        # The rate limits (60 posts, 20 searches a minute) would answer 429 long before the walk ends.
        cache_clear_own()
        opened = send(client, "get", url, {}, problems, f"[{kind}] GET")
        sent += 1
        if opened is None:
            continue
        if opened.status_code == 200 and "html" not in opened.get("Content-Type", ""):
            continue  # a download (PDF, CSV, spreadsheet, JSON): no form posts to it
        forms = [
            form
            for form in forms_of(opened.content.decode())
            if form["action"] not in LAYOUT_FORMS and not LAYOUT_FORM_ROUTES.fullmatch(form["action"] or "")
        ]
        if not any(form["method"] == "post" for form in forms):
            # A route that takes posts without showing a form (an action button elsewhere, an API).
            forms.append({"method": "post", "action": None, "fields": []})
        for form in forms:
            target = form["action"] or url
            if not target.startswith("/") or target.startswith("/gestion/"):
                continue
            for data in ({}, garbage_for(form, 0), garbage_for(form, 3)):
                if form["method"] == "get" and not data:
                    continue
                label = f"[{kind}] {form['method'].upper()}{' empty' if not data else ' garbage'}"
                cache_clear_own()
                response = send(client, form["method"], target, data, problems, label)
                sent += 1
                if response is not None and is_refusal(response, form) and refused(response, form):
                    problems += [
                        f"{label} {target} ({name}): {p}" for p in refusal_problems(response, data, form)
                    ]
    return problems, sent


@pytest.mark.parametrize("kind", ["anonymous", "allocataire", "agent_mandate", "operator", "staff"])
def test_no_screen_crashes_or_loses_input_on_bad_input(world, kind):
    problems, sent = walk_as(kind, world)
    assert problems == [], "\n".join(problems)
    assert sent > 150  # every route, its forms, empty and with garbage: a walk that silently shrank fails


def test_the_walk_reports_a_view_that_crashes(world, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("broken search")

    monkeypatch.setattr("benefits.desk.search.file_search", broken)
    problems = []
    assert send(world.client("agent_mandate"), "get", "/agent/", {"number": "3"}, problems, "GET") is None
    assert problems == ["GET /agent/: RuntimeError: broken search"]


def test_a_refusal_without_message_or_with_the_typed_text_lost_is_reported():
    form = {"method": "post", "action": None, "fields": [("rent", "text", None)]}
    page = '<html lang="fr"><form method="post"><input name="rent" value="640"></form></html>'
    response = HttpResponse(page)
    assert is_refusal(response, form)
    assert refusal_problems(response, {"rent": "douze"}, form) == [
        "refused without an error message",
        "field 'rent' shows '640', typed 'douze'",
    ]
    kept_page = page.replace('value="640"', 'value="douze"').replace(
        "<form", '<p class="fr-error-text">Non</p><form'
    )
    assert refusal_problems(HttpResponse(kept_page), {"rent": "douze"}, form) == []


@pytest.mark.parametrize(
    ("kind", "url", "message"),
    [
        ("anonymous", "/agent/connexion/", "Ce champ est obligatoire."),
        ("agent_mandate", "/agent/dossier/{number}/mandat/", "Choisissez au moins une démarche."),
        ("allocataire", "/mon-espace/demarche/nouvelle/", "Indiquez qui a commis les violences."),
        ("operator", "/operateur/campagnes/", "Ce champ est obligatoire."),
        ("anonymous", "/simulateur/foyer/", "Indiquez si vous vivez en couple."),
    ],
)
def test_a_form_sent_empty_says_what_is_missing(world, kind, url, message):
    """An empty POST once left these forms unbound: the page came back as if never sent, no message."""
    response = world.client(kind).post(url.format(number=world.file.number), {})
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    assert re.search(r"<title>\s*Erreur", page)
