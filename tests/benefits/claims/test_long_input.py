"""A first claim's text typed longer than its field allows: kept whole in the draft and shown back, and the
error gives the length the person typed, not a truncated one."""

import pytest

from benefits.claims.models import ClaimDraft
from tests.benefits.claims.factories import file_factory
from tests.benefits.claims.test_first_claim import VALID, start

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("field", "limit", "length"), [("household_changes", 500, 612), ("holder", 120, 600)]
)
def test_a_text_too_long_is_kept_whole_and_its_real_length_given(logged_client, user, field, limit, length):
    file_factory(user=user)
    url = start(logged_client, "ppa")
    typed = ("Arrivée de ma mère le 3 mars." * 30)[:length]
    posted = VALID | {"household_confirmed": "non", "household_changes": "Ma mère", field: typed}
    page = logged_client.post(url, posted | {"action": "continue"}).content.decode()
    assert ClaimDraft.objects.get().data["claim"][field] == typed  # nothing lost
    assert f"au plus {limit} caractères (actuellement {length})" in page
    assert f'value="{typed}"' in page  # shown back, to be shortened
    # A plain save (no "continuer") keeps it too and shows the same error at once.
    page = logged_client.get(url).content.decode()
    assert f"(actuellement {length})" in page
