"""Two tabs on one draft never silently undo each other (issue 17 B): revisions and field-level merge."""

import html
import os
import re

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from benefits.claims.models import ClaimDraft
from benefits.claims.save_messages import field_label
from tests.benefits.claims.factories import file_factory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "") or 20)
FIELDS = [
    "a-2026-08-0-typed",
    "a-2026-09-1-typed",
    "a-2026-10-unemployment_benefit",
    "a-2026-08-alimony_received",
]
REVISION = re.compile(r'name="revision"\s+value="([0-9]+)"')
PAGE = re.compile(r'name="page" value="([A-Za-z0-9_-]+)"')


class Tab:
    """A browser tab: it posts its whole form (every field as it last rendered it), like the real page."""

    def __init__(self, client, url):
        self.client, self.url = client, url
        self.reload()

    def reload(self):
        html = self.client.get(self.url).content.decode()
        self.revision, self.page = REVISION.search(html)[1], PAGE.search(html)[1]
        self.form = {name: value_in(html, name) for name in FIELDS}

    def save(self, field, value, htmx=False):
        self.form[field] = value
        headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        posted = dict(self.form, revision=self.revision, page=self.page, action="save")
        response = self.client.post(self.url, posted, **headers)
        if htmx:
            html = response.content.decode()
            assert (REVISION.search(html)[1], PAGE.search(html)[1]) == (self.revision, self.page)
            return html
        page = self.client.get(response["Location"]).content.decode()
        self.revision, self.page = REVISION.search(page)[1], PAGE.search(page)[1]
        self.form = {name: value_in(page, name) for name in FIELDS}
        return page


def value_in(html: str, name: str) -> str:
    match = re.search(rf'name="{re.escape(name)}"\s+value="([^"]*)"', html)
    return match[1] if match else ""


def stored(draft, field):
    return (
        draft.data["figures"]["a"][field[2:9]][int(field.split("-")[3])]["typed"]
        if field.endswith("-typed")
        else draft.data.get("other", {}).get("a", {}).get(field[2:9], {}).get(field.split("-", 3)[3], "")
    )


def two_tabs():
    user = UserFactory()
    file_factory(user=user)
    client = Client()
    client.force_login(user)
    url = client.post("/mon-espace/demarches/nouvelle/dtr/")["Location"]
    return user, Tab(client, url), Tab(client, url)


@pytest.mark.parametrize("htmx", [False, True], ids=["no-js", "htmx"])
def test_a_stale_tab_keeps_the_field_saved_by_the_other(htmx):
    user, tab1, tab2 = two_tabs()
    for round_ in range(5):
        tab2.save("a-2026-10-unemployment_benefit", f"{300 + round_},00", htmx=htmx)
        tab1.save("a-2026-08-0-typed", f"{700 + round_},00", htmx=htmx)
        draft = ClaimDraft.objects.get(user=user)
        assert stored(draft, "a-2026-10-unemployment_benefit") == f"{300 + round_},00"
        assert stored(draft, "a-2026-08-0-typed") == f"{700 + round_},00"


def test_the_same_field_changed_in_both_tabs_is_named_and_the_first_value_kept():
    user, tab1, tab2 = two_tabs()
    tab2.save("a-2026-10-unemployment_benefit", "300,00")
    page = tab1.save("a-2026-10-unemployment_benefit", "450,00")
    assert "Allocation chômage (ARE) (Camille Marie MARTIN, octobre 2026)" in page
    assert "a été modifié entre-temps dans un autre onglet" in page and "Brouillon enregistré." not in page
    assert stored(ClaimDraft.objects.get(user=user), "a-2026-10-unemployment_benefit") == "300,00"
    # Reloaded, the tab shows the saved value and may change it knowingly.
    tab1.save("a-2026-10-unemployment_benefit", "450,00")
    assert stored(ClaimDraft.objects.get(user=user), "a-2026-10-unemployment_benefit") == "450,00"


def test_htmx_conflict_is_said_in_the_status_region_and_repeated_until_reload():
    user, tab1, tab2 = two_tabs()
    tab2.save("a-2026-09-1-typed", "10,00", htmx=True)
    fragment = tab1.save("a-2026-09-1-typed", "20,00", htmx=True)
    assert "modifié entre-temps" in fragment
    fragment = tab1.save("a-2026-08-alimony_received", "5,00", htmx=True)
    assert "modifié entre-temps" in fragment
    draft = ClaimDraft.objects.get(user=user)
    assert (stored(draft, "a-2026-09-1-typed"), stored(draft, "a-2026-08-alimony_received")) == (
        "10,00",
        "5,00",
    )


def test_a_nul_character_refuses_its_field_only():
    user, tab, _other = two_tabs()
    tab.form["a-2026-08-alimony_received"] = "12,00"
    page = tab.save("a-2026-10-unemployment_benefit", "3\x0000")
    draft = ClaimDraft.objects.get(user=user)
    assert stored(draft, "a-2026-08-alimony_received") == "12,00"
    assert stored(draft, "a-2026-10-unemployment_benefit") == ""
    assert "contient un caractère interdit" in page


def refused_fields(draft, answer: str) -> set[str]:
    """The fields an answer says were not saved (changed in another tab, or a forbidden character): a
    conflict on one field says nothing about the other fields of the same save, which are kept."""
    text = html.unescape(answer)
    return {
        name
        for name in FIELDS
        if f"«\u00a0{field_label(draft, name)}\u00a0» a été modifié entre-temps" in text
        or f"«\u00a0{field_label(draft, name)}\u00a0» contient un caractère interdit" in text
    }


def test_a_save_after_a_conflict_on_another_field_is_kept_and_says_so():
    """The sequence a random draw found (2026-12-01): the stale tab's conflict on August is told again
    at its next save, but that save changes September, which nobody else touched: it is kept, and the
    page says that the other answers are saved."""
    user, tab0, tab1 = two_tabs()
    tab0.save("a-2026-09-1-typed", "117,63")
    tab1.save("a-2026-08-0-typed", "5,00")
    fragment = tab0.save("a-2026-08-0-typed", "6,00", htmx=True)
    assert "Montant corrigé (Camille Marie MARTIN, août 2026)" in html.unescape(fragment)
    fragment = html.unescape(tab0.save("a-2026-09-1-typed", "0,00", htmx=True))
    draft = ClaimDraft.objects.get(user=user)
    assert (stored(draft, "a-2026-08-0-typed"), stored(draft, "a-2026-09-1-typed")) == ("5,00", "0,00")
    assert refused_fields(draft, fragment) == {"a-2026-08-0-typed"}
    assert "Vos autres saisies sont enregistrées" in fragment


VALUE = st.decimals(min_value=0, max_value=5000, places=2).map(lambda d: str(d).replace(".", ","))
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("save"), st.sampled_from([0, 1]), st.sampled_from(FIELDS), VALUE, st.booleans()),
        st.tuples(st.just("reload"), st.sampled_from([0, 1])),
    ),
    min_size=1,
    max_size=10,
)


# Random draws: the strategy depends on nothing but itself (no session, no database), and every
# example starts from a new person and a new draft, so a failure is a real sequence that replays. The
# sequence a draw found on 2026-12-01 stays pinned below. A longer local run:
# FUZZ_EXAMPLES=2000 .venv/bin/pytest tests/benefits/claims/test_two_tabs.py
@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=STEPS)
@example(
    steps=[
        ("save", 0, "a-2026-09-1-typed", "117,63", False),
        ("save", 1, "a-2026-08-0-typed", "0,00", False),
        ("save", 0, "a-2026-08-0-typed", "1,00", True),
        ("save", 0, "a-2026-09-1-typed", "0,00", False),
    ]
)
def test_two_writers_never_lose_an_accepted_value(steps):
    """Every value a tab was told is saved stays saved until someone changes that field knowingly."""
    user, *tabs = two_tabs()
    expected: dict[str, str] = {}
    for step in steps:
        if step[0] == "reload":
            tabs[step[1]].reload()
            continue
        _, which, field, value, htmx = step
        # Typing the value the tab already shows changes nothing: the saved value (maybe newer,
        # from the other tab) stays, as it should.
        typed = tabs[which].form[field] != value
        before = ClaimDraft.objects.get(user=user)
        answer = tabs[which].save(field, value, htmx=htmx)
        draft = ClaimDraft.objects.get(user=user)
        if typed and field not in refused_fields(draft, answer):
            expected[field] = value
        elif typed:
            # Refused, and said so: the saved value did not move.
            assert stored(draft, field) == stored(before, field), (field, steps)
        for name, kept in expected.items():
            assert stored(draft, name) == kept, (name, steps)
