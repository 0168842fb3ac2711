"""Hypothesis fuzz of every form (issue 17 A): whatever is posted, no page answers a server error.

Each page is fetched, the names of its fields read from its HTML (so a new field is fuzzed by itself),
then posted with hostile values: any text, NUL, huge numbers, non-ASCII digits, NaN. The questionnaire
is walked first so each step has the answers it needs. FUZZ_EXAMPLES=N draws more.
"""

import re
from copy import deepcopy
from importlib import import_module

import pytest
from django.conf import settings as django_settings
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benefits.claims.models import ClaimDraft
from benefits.simulator.models import Simulation
from tests.benefits.claims.factories import file_factory
from tests.benefits.simulator.journey import walk
from tests.cache import cache_clear_own
from tests.factories import UserFactory
from tests.robustness.fuzz import EXAMPLES

pytestmark = pytest.mark.django_db
NAME = re.compile(r'<(?:input|select|textarea|button)[^>]*\sname="([^"]+)"')
VALUE = re.compile(r'<button[^>]*\sname="action"[^>]*\svalue="([^"]+)"')
HOSTILE = st.sampled_from(
    [
        "",
        "\x00",
        "a\x00b",
        "9" * 5000,
        "1e999",
        "NaN",
        "-Infinity",
        "-0",
        "²",
        "٣٤",
        "１２",
        "31/02/2020",
        "00/00/0000",
        "01/01/10000",
        "2026-13",
        "12/2025",
        "1 200,50",
        "<script>",
        "../../",
        "remove_child_" + "9" * 5000,
        "remove_child_²",
        "add_child",
        "oui",
        "non",
        "employed",
    ]
)
# Text a browser can send: any character but lone surrogates (not encodable in a form post).
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
VALUES = st.one_of(HOSTILE, TEXT)


def field_names(html: str) -> list[str]:
    return sorted({name for name in NAME.findall(html) if name != "csrfmiddlewaretoken"})


def assert_no_server_error(client, url, data):
    response = client.post(url, data)
    assert response.status_code < 500, (url, data)
    return response


STEPS = ["/simulateur/foyer/", "/simulateur/personnes/", "/simulateur/logement/", "/simulateur/revenus/"]
SLOW = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


class Questionnaire:
    """A questionnaire answered to the end, taken once per test: its session's answers and the field
    names of each page. Every example starts from a copy of that session in a new client, and draws
    from the field names read here: what an example posts (a child added, a couple answered) never
    changes what the next one draws or starts from, so an example replays the same (no "inconsistent
    data generation", whatever the .hypothesis database holds)."""

    def __init__(self):
        # One client for the whole test (a new Client loads the middleware again, WhiteNoise's scan of
        # the static files included: about a second); each example gets a new session and no cookie.
        self.browser = client = Client(raise_request_exception=True)
        walk(client)
        self.answers = deepcopy(dict(client.session.items()))
        self.names = {url: field_names(client.get(url).content.decode()) for url in STEPS}
        self.names["/simulateur/verifier/"] = field_names(
            client.get("/simulateur/verifier/").content.decode()
        )
        self.names["/langue/"] = ["language", "next"]
        self.result_url = f"/simulateur/resultat/{Simulation.objects.order_by('pk').first().token}/"
        self.names[self.result_url] = field_names(client.get(self.result_url).content.decode())

    def client(self) -> Client:
        # The rate-limit counters too: past 60 posts a minute every example would meet the 429 page.
        cache_clear_own()
        self.browser.cookies.clear()
        session = import_module(django_settings.SESSION_ENGINE).SessionStore()
        session.update(deepcopy(self.answers))
        session.create()
        self.browser.cookies[django_settings.SESSION_COOKIE_NAME] = session.session_key
        return self.browser


@pytest.fixture
def questionnaire():
    return Questionnaire()


@pytest.mark.parametrize("url", [*STEPS, "/simulateur/verifier/", "/langue/"])
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=SLOW)
@given(data=st.data())
def test_the_questionnaire_never_answers_a_server_error(questionnaire, url, data):
    if url == "/simulateur/logement/" and data.draw(st.integers(0, 3), label="sampled") != 0:
        # A commune search scans every commune (about 0.3 s, benefits/rules/communes.py): one
        # example in four posts here, so the page's share of the run stays bounded.
        return
    posted = {name: data.draw(VALUES, label=name) for name in questionnaire.names[url]}
    if data.draw(st.booleans(), label="with action"):
        posted["action"] = data.draw(HOSTILE, label="action")
    assert_no_server_error(questionnaire.client(), url, posted)


def test_every_example_starts_from_the_walked_answers(questionnaire):
    """What an example posts stays in its own session: two children added in one are not in the next."""
    first = questionnaire.client()
    first.post("/simulateur/personnes/", {"action": "add_child"})
    first.post("/simulateur/personnes/", {"action": "add_child"})
    grown = field_names(first.get("/simulateur/personnes/").content.decode())
    assert len(grown) > len(questionnaire.names["/simulateur/personnes/"])
    again = field_names(questionnaire.client().get("/simulateur/personnes/").content.decode())
    assert again == questionnaire.names["/simulateur/personnes/"]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=SLOW)
@given(data=st.data())
def test_the_result_page_forms_never_answer_a_server_error(questionnaire, data):
    url = questionnaire.result_url
    posted = {name: data.draw(VALUES, label=name) for name in questionnaire.names[url]}
    headers = {"HTTP_HX_REQUEST": "true"} if data.draw(st.booleans(), label="htmx") else {}
    assert questionnaire.client().post(url, posted, **headers).status_code < 500


@pytest.fixture
def draft_client():
    user = UserFactory()
    file_factory(user=user)
    client = Client(raise_request_exception=True)
    client.force_login(user)
    url = client.post("/mon-espace/demarches/nouvelle/dtr/")["Location"]
    return client, url, field_names(client.get(url).content.decode())


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=SLOW)
@given(data=st.data())
def test_the_draft_forms_never_answer_a_server_error(draft_client, data):
    client, url, names = draft_client
    posted = {name: data.draw(VALUES, label=name) for name in names}
    posted["revision"] = data.draw(st.one_of(HOSTILE, st.integers(-5, 10**12).map(str)), label="revision")
    step = data.draw(st.sampled_from(["", "verifier/"]), label="step")
    headers = {"HTTP_HX_REQUEST": "true"} if data.draw(st.booleans(), label="htmx") else {}
    assert client.post(url + step, posted, **headers).status_code < 500
    # Whatever was refused, the draft still loads (or, once filed, shows its claim).
    assert client.get(url).status_code in (200, 302)
    assert ClaimDraft.objects.filter(key=url.rstrip("/").split("/")[-1]).exists()
