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


def test_words_typed_in_an_amount_are_kept_whole_with_their_error(logged_client, user):
    """They were cut at 32 characters: the page showed back "1150 euros mais ça dépend des mo"."""
    file_factory(user=user)
    url = logged_client.post("/mon-espace/demarches/nouvelle/dtr/")["Location"]
    typed = "1150 euros mais ça dépend des mois, parfois 1300"
    other = "environ 300 euros, je n’ai pas encore le relevé de septembre"
    posted = {
        "a-2026-08-0-choice": "correct",
        "a-2026-08-0-typed": typed,
        "a-2026-09-unemployment_benefit": other,
    }
    response = logged_client.post(url, posted | {"action": "save"})
    draft = ClaimDraft.objects.get()
    assert draft.data["figures"]["a"]["2026-08"][0]["typed"] == typed
    assert draft.data["other"]["a"]["2026-09"]["unemployment_benefit"] == other
    page = logged_client.get(response["Location"]).content.decode()
    assert f'value="{typed}"' in page and f'value="{other}"' in page
    assert "Indiquez un montant en euros" in page
