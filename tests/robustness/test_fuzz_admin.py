"""Hypothesis fuzz of /gestion/ (the staff admin): whatever staff post, no page answers a server error.

Every model registered in the admin is walked, so a newly registered one is fuzzed by itself: its add
page and the change page of one object, each fetched first and the names of its fields read from its
HTML, then posted with hostile values (NUL, 5 000 characters, huge numbers, NaN, non-ASCII digits, bad
dates, bad JSON, a NIR with a wrong key...). A refused form leaves nothing saved, half or whole, and
its page title starts with "Erreur : " (RGAA 8.6). Each example runs in a savepoint rolled back after
it, so every example starts from the same objects. FUZZ_EXAMPLES=N draws more.
"""

import json
import re
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.test import Client
from dsfr.models import DsfrConfig
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benefits.auu.models import UrgentClaim
from benefits.claims.models import AllocataireFile
from benefits.claims.services import claim_draft_open, claim_save_draft, claim_submit
from benefits.letters.models import Letter
from portal.journal import journal_record
from tests.agents import agent_factory, sign_in
from tests.benefits.claims.conftest import income_emulator  # noqa: F401 - a claim is filed from its figures
from tests.benefits.claims.factories import confirm_all, file_factory
from tests.factories import UserFactory
from tests.robustness.fuzz import EXAMPLES
from tests.robustness.test_fuzz_forms import HOSTILE, TEXT

pytestmark = pytest.mark.django_db
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
# What staff may type in a JSON field or a NIR that the public forms never see.
ADMIN_HOSTILE = st.sampled_from(
    [
        "{",
        "[",
        "null",
        "1e999",
        "NaN",
        '"\\u0000"',
        "[1, 2]",
        '{"a": 1}',
        "[{}]",
        '[{"id": "a"}]',
        '[{"id": "a", "role": "applicant", "nir": "2850375056199"}]',  # the key is wrong
        '[{"id": "a", "role": "applicant", "nir": "285037505610166"}]',  # 13 characters and a wrong key
        '[{"id": "a", "role": "applicant", "nir": "' + "9" * 5000 + '"}]',
        '[{"id": "a", "role": "applicant", "nir": "\\u0000"}]',
        '[{"id": "a", "role": "applicant", "nir": 2850375056101}]',
        '[{"id": "' + "a" * 5000 + '", "role": "applicant", "nir": "1850575123456"}]',
        '[{"role": "applicant", "nir": "1850575123456"}]',
        '{"nir": "1850575123456"}',
        "[" * 5000,
        "9" * 5000,
        "2850375056199",
        "a\x00b",
        "\x00" * 10,
        "-1",
        "99999999999999999999",
        "1985-02-30",
        "0000-00-00",
        "10000-01-01",
        "on",
    ]
)
VALUES = st.one_of(HOSTILE, ADMIN_HOSTILE, TEXT)
SLOW = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
# Rows whose change would be a half-save too: the NIR index of a file, a claim's history.
SIDE_TABLES = ["benefits.PersonNir", "benefits.StatusChange"]


class FormValues(HTMLParser):
    """The fields of a page and what a browser would post for each as it stands: its submit buttons and
    its inlines' management forms included, an unticked box or a select with nothing chosen sent empty
    (so a fuzzed field can always be drawn)."""

    def __init__(self, html: str):
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self.select = self.textarea = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "option" and self.select and "selected" in attrs:
            self.values[self.select].append(attrs.get("value") or "")
        if not name or name == "csrfmiddlewaretoken":
            return
        kept = self.values.setdefault(name, [])
        if tag == "select":
            self.select = name
        elif tag == "textarea":
            self.textarea = name
            kept.append("")
        elif tag in ("input", "button") and attrs.get("type") not in ("checkbox", "radio"):
            kept.append(attrs.get("value") or "")
        elif "checked" in attrs:
            kept.append(attrs.get("value") or "on")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            # A browser drops the newline that follows <textarea> (Django writes one).
            kept = self.values[self.textarea]
            kept[-1] = kept[-1].removeprefix("\n")
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.values[self.textarea][-1] += data


@pytest.fixture
def registered_objects() -> None:
    """One object of each model registered in the admin, for its change page."""
    user = UserFactory()
    file = file_factory(user=user)
    draft = claim_draft_open(file=file, by=user, kind="dtr", channel="home")
    draft = claim_save_draft(draft=draft, values=confirm_all(draft), by=user, channel="home")
    claim_submit(draft=draft, by=user, channel="home")
    UrgentClaim.objects.create(
        short_reference="7K3MQ9AB",
        user=user,
        perpetrator="spouse",
        proof="complaint",
        proof_date=date(2026, 11, 2),
        monthly_resources=Decimal("800.00"),
        children=1,
        amount=Decimal("300.00"),
        decision={},
        parameters_version="2026-04",
        due_by=date(2026, 12, 10),
    )
    Letter.objects.create(file=file, kind="eligibility", subject="Votre droit")
    journal_record(action="fuzz", target=f"dossier {file.pk}", by=user, channel="home")
    app = SocialApp.objects.create(provider="fcplus", name="FranceConnect+", client_id="portail")
    account = SocialAccount.objects.create(user=user, provider="fcplus", uid="sub-1", extra_data={})
    SocialToken.objects.create(app=app, account=account, token="t")
    EmailAddress.objects.create(user=user, email="camille@example.org")
    DsfrConfig.objects.get_or_create(language="fr")


def admin_pages(client) -> dict[str, dict[str, list[str]]]:
    """Each add and change page this client may open, with its fields and their values."""
    pages = {}
    for model in admin.site._registry:
        base = f"/gestion/{model._meta.app_label}/{model._meta.model_name}/"
        urls = [base + "add/"]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            urls.append(f"{base}{first.pk}/change/")
        for url in urls:
            response = client.get(url)
            assert response.status_code < 500, url
            if response.status_code == 200:
                pages[url] = FormValues(response.content.decode()).values
    return pages


def snapshot() -> dict[str, list[dict]]:
    """Every row of every admin's model and of the side tables: what a refused post must leave alone."""
    models = [*admin.site._registry, *map(apps.get_model, SIDE_TABLES), Group.permissions.through]
    return {m._meta.label: list(m._default_manager.order_by("pk").values()) for m in models}


def typed_fields(fields: dict) -> int:
    return sum(1 for name in fields if not name.startswith("_") and not name.endswith("FORMS"))


class Staff:
    """A signed-in staff member and the admin pages they may open, read once per test."""

    def __init__(self, agent):
        self.client = Client(raise_request_exception=True)
        sign_in(self.client, agent)
        self.pages = admin_pages(self.client)
        # Each page drawn as often as it has fields to type in: a read-only page (its buttons and its
        # inlines' management form) once, the files' change page a dozen times.
        self.weighted = [url for url in sorted(self.pages) for _ in range(1 + typed_fields(self.pages[url]))]


@pytest.fixture
def superuser(registered_objects):
    return Staff(agent_factory(is_superuser=True))


@pytest.fixture
def limited_staff(registered_objects):
    """A staff member who may change files and claims and read the journal, nothing else."""
    agent = agent_factory()
    agent.groups.clear()
    codenames = ["change_allocatairefile", "view_allocatairefile", "view_claim", "change_claim"]
    agent.user_permissions.set(Permission.objects.filter(codename__in=codenames + ["view_journalentry"]))
    return Staff(agent)


def fuzz_one(staff, data):
    url = data.draw(st.sampled_from(staff.weighted), label="url")
    fields = staff.pages[url]
    # A few fields hostile and the rest as the page holds them (the form then gets past its other
    # checks, to the save: where the NIR index and the database answer), or every field hostile.
    names = sorted(fields)
    few = st.sets(st.sampled_from(names), min_size=1, max_size=3) if names else st.just(set())
    hostile = data.draw(st.one_of(few, st.just(set(names))), label="hostile fields")
    posted = {name: data.draw(VALUES, label=name) if name in hostile else fields[name] for name in names}
    with transaction.atomic():
        before = snapshot()
        response = staff.client.post(url, posted)
        assert response.status_code < 500, (url, posted)
        if response.status_code == 200:  # refused: the form again, with its errors
            html = response.content.decode()
            title = " ".join(TITLE.search(html).group(1).split())
            assert title.startswith("Erreur : "), (url, title)
            assert snapshot() == before, (url, posted)
        transaction.set_rollback(True)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=SLOW)
@given(data=st.data())
def test_no_admin_form_answers_a_server_error_or_half_saves(superuser, data):
    fuzz_one(superuser, data)


@settings(max_examples=max(EXAMPLES // 4, 10), deadline=None, suppress_health_check=SLOW)
@given(data=st.data())
def test_a_staff_member_with_some_permissions_meets_no_server_error_either(limited_staff, data):
    fuzz_one(limited_staff, data)


def test_the_fuzz_reaches_every_editable_admin_form(superuser, limited_staff):
    """The walk finds the forms (not a silent empty list): the files' add and change pages at least,
    the read-only models' change pages, and for the limited staff member only what they may open."""
    pages = superuser.pages
    assert {"members", "housing", "number", "birth_date"} <= set(
        pages["/gestion/benefits/allocatairefile/add/"]
    )
    # The change page's values are read as they stand: a form posted unchanged is saved.
    file = AllocataireFile.objects.get()
    change = f"/gestion/benefits/allocatairefile/{file.pk}/change/"
    assert json.loads(pages[change]["members"][0]) == file.members
    assert pages[change]["birth_date"] == ["10/03/1985"]
    assert superuser.client.post(change, pages[change]).status_code == 302
    assert "/gestion/auth/group/add/" in pages and "/gestion/otp_totp/totpdevice/add/" in pages
    assert any(url.startswith("/gestion/benefits/claim/") for url in pages)
    limited = {url.split("/")[3] for url in limited_staff.pages}
    assert limited == {"allocatairefile", "claim", "journalentry"}
    assert not any(url.endswith("/add/") for url in limited_staff.pages)
