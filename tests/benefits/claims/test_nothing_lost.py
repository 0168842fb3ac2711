"""Nothing typed is ever lost: random sequences of saves, invalid saves, logouts, logins and filing."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benefits.claims.models import ClaimDraft
from tests.benefits.claims.factories import confirm_all, file_factory
from tests.factories import UserFactory

FIELDS = [
    "a-2026-08-0-typed",
    "a-2026-09-1-typed",
    "a-2026-10-unemployment_benefit",
    "a-2026-08-alimony_received",
]
VALID = st.decimals(min_value=0, max_value=5000, places=2).map(lambda d: str(d).replace(".", ","))
INVALID = st.sampled_from(["douze", "-5", "1,234,5", "€€", "9" * 12, ""])
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("save"), st.sampled_from(FIELDS), VALID),
        st.tuples(st.just("save"), st.sampled_from(FIELDS), INVALID),
        st.tuples(st.just("continue"), st.sampled_from(FIELDS), INVALID),
        st.tuples(st.just("logout")),
        st.tuples(st.just("login")),
        st.tuples(st.just("file")),
    ),
    min_size=1,
    max_size=12,
)


def stored(draft: ClaimDraft, field: str) -> str:
    person, year, month, rest = field.split("-", 3)
    when = f"{year}-{month}"
    if rest.endswith("-typed"):
        return draft.data["figures"][person][when][int(rest.split("-")[0])]["typed"]
    return draft.data.get("other", {}).get(person, {}).get(when, {}).get(rest, "")


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
def test_every_accepted_value_survives(operations):
    user = UserFactory()
    file_factory(user=user)
    client = Client()
    client.force_login(user)
    edit_url = client.post("/mon-espace/demarches/nouvelle/dtr/")["Location"]
    client.post(edit_url, confirm_all(ClaimDraft.objects.get(user=user)) | {"action": "save"})
    expected: dict[str, str] = {}
    filed, logged_in = False, True
    for operation in operations:
        if operation[0] in ("save", "continue"):
            name, field, value = operation
            response = client.post(edit_url, {field: value, "action": name})
            # Logged out: the login page; filed: the claim. Either way the draft must not change.
            assert response.status_code in (200, 302)
            if logged_in and not filed:
                expected[field] = value
        elif operation[0] == "logout":
            client.logout()
            logged_in = False
        elif operation[0] == "login":
            client.force_login(user)
            logged_in = True
        elif operation[0] == "file" and logged_in and not filed:
            client.post(edit_url + "verifier/")
            filed = hasattr(ClaimDraft.objects.get(user=user), "claim")
        draft = ClaimDraft.objects.get(user=user)
        for field, value in expected.items():
            assert stored(draft, field) == value, (field, operations)
        if filed:
            assert draft.claim.inputs == draft.data
