"""A typed amount that is not an amount ("abc") is said at once, beside its field, and nothing is lost."""

import html
import re

import pytest

from benefits.claims.models import ClaimDraft
from tests.benefits.claims.factories import file_factory

pytestmark = pytest.mark.django_db
AMOUNT_ERROR = "Indiquez un montant en euros, par exemple 1250,50."


def start(client):
    return client.post("/mon-espace/demarches/nouvelle/dtr/")["Location"]


def field_markup(page: str, name: str) -> str:
    return re.search(rf'<input[^>]*\sname="{re.escape(name)}"[^>]*>', page)[0]


def region(page: str, name: str) -> str | None:
    """The error in a field's DSFR messages group (always there, aria-live, named by aria-describedby)."""
    found = re.search(
        rf'<div class="fr-messages-group"\s+id="{re.escape(name)}-messages"\s+aria-live="polite"[^>]*>\s*'
        rf'(?:<p class="fr-message fr-message--error" id="{re.escape(name)}-error">([^<]*)</p>)?\s*</div>',
        page,
    )
    assert found, f"no messages group for {name}"
    return found[1]


def test_a_saved_amount_that_is_not_one_is_shown_beside_its_field_with_the_value_kept(logged_client, user):
    file_factory(user=user)
    url = start(logged_client)
    posted = {
        "a-2026-10-alimony_received": "abc",
        "a-2026-09-unemployment_benefit": "310,40",
        "a-2026-08-0-choice": "correct",
        "a-2026-08-0-typed": "7OO",
        "action": "save",
    }
    response = logged_client.post(url, posted)
    assert response.status_code == 302
    page = logged_client.get(response["Location"]).content.decode()

    alimony = field_markup(page, "a-2026-10-alimony_received")
    assert 'value="abc"' in alimony and 'aria-invalid="true"' in alimony
    assert 'aria-describedby="a-2026-10-alimony_received-messages"' in alimony
    assert region(page, "a-2026-10-alimony_received") == AMOUNT_ERROR
    typed = field_markup(page, "a-2026-08-0-typed")
    assert 'value="7OO"' in typed and 'aria-describedby="a-2026-08-0-messages"' in typed
    assert "Indiquez le montant corrigé en euros, par exemple 1250,50." in page
    # The summary links to each field in error; the other answers are kept and shown.
    assert 'href="#a-2026-10-alimony_received"' in page and 'href="#a-2026-08-0-typed"' in page
    assert 'value="310,40"' in field_markup(page, "a-2026-09-unemployment_benefit")
    data = ClaimDraft.objects.get().data
    assert data["other"]["a"]["2026-10"]["alimony_received"] == "abc"
    assert data["other"]["a"]["2026-09"]["unemployment_benefit"] == "310,40"
    # Corrected, the error is gone.
    logged_client.post(
        url, {"a-2026-10-alimony_received": "25", "a-2026-08-0-typed": "700", "action": "save"}
    )
    page = logged_client.get(url).content.decode()
    assert AMOUNT_ERROR not in page and 'aria-invalid="true"' not in page


def test_an_autosave_says_which_amount_is_not_one(logged_client, user):
    file_factory(user=user)
    url = start(logged_client)
    fragment = logged_client.post(
        url, {"a-2026-10-alimony_received": "abc", "action": "save"}, headers={"HX-Request": "true"}
    ).content.decode()
    text = html.unescape(fragment)
    assert (
        "«\u00a0Pension alimentaire reçue (Camille Marie MARTIN, octobre 2026)\u00a0»\u00a0: "
        "Indiquez un montant en euros, par exemple 1250,50. Votre saisie est gardée dans le brouillon."
    ) in text
    assert "Brouillon enregistré à" in text


def test_a_blank_or_valid_amount_raises_nothing(logged_client, user):
    file_factory(user=user)
    url = start(logged_client)
    logged_client.post(url, {"a-2026-10-alimony_received": " 1 250,50 € ", "action": "save"})
    page = logged_client.get(url).content.decode()
    assert "fr-error-text" not in page and 'id="erreurs"' not in page


def test_a_first_claims_rent_typed_wrong_is_shown_at_the_save_and_missing_answers_wait(logged_client, user):
    file_factory(user=user)
    url = logged_client.post("/mon-espace/demarches/nouvelle/rsa/")["Location"]
    response = logged_client.post(url, {"rent": "abc", "iban": "", "action": "save"})
    assert response.status_code == 302
    page = logged_client.get(url).content.decode()
    rent = field_markup(page, "rent")
    assert 'value="abc"' in rent and 'aria-invalid="true"' in rent and "id_rent-error" in rent
    assert "Indiquez un montant en euros, par exemple 650 ou 1\u00a0200,50." in html.unescape(page)
    # The IBAN left blank is not an error yet: it is asked for after "continuer".
    assert "Indiquez l’IBAN du compte." not in html.unescape(page)
    assert ClaimDraft.objects.get().data["claim"]["rent"] == "abc"


def oob_regions(fragment: str) -> dict[str, str]:
    """The error regions an autosave sends out of band, by id, as htmx swaps them (without the attribute)."""
    found = re.findall(
        r'(<div class="fr-messages-group"\s+id="([^"]+)"[^>]*data-hx-swap-oob="true">.*?</div>)',
        fragment,
        re.S,
    )
    return {
        element_id: markup.replace(' data-hx-swap-oob="true"', "").replace("\n     >", ">")
        for markup, element_id in found
    }


def test_an_autosave_shows_the_error_beside_its_field_at_once_as_a_full_render_would(logged_client, user):
    from tests.htmx import outer_html

    file_factory(user=user)
    url = start(logged_client)
    page = logged_client.get(url).content.decode()
    assert region(page, "a-2026-10-alimony_received") is None  # present and empty before any error
    hx = {"HX-Request": "true"}
    fragment = logged_client.post(url, {"a-2026-10-alimony_received": "abc"}, headers=hx).content.decode()
    regions = oob_regions(fragment)
    assert region(fragment, "a-2026-10-alimony_received") == AMOUNT_ERROR
    fresh = logged_client.get(url).content.decode()
    # Every amount of the page has its region in the answer, drawn as the next full render draws it.
    assert set(regions) == set(re.findall(r'id="([^"]+-messages)"', fresh))
    for element_id, markup in regions.items():
        assert " ".join(markup.split()) == " ".join(outer_html(fresh, element_id).split())
    # Corrected, the error goes at once.
    fragment = logged_client.post(url, {"a-2026-10-alimony_received": "25"}, headers=hx).content.decode()
    assert region(fragment, "a-2026-10-alimony_received") is None
    assert AMOUNT_ERROR not in fragment


def test_after_continue_the_autosave_keeps_every_answer_to_complete(logged_client, user):
    file_factory(user=user)
    url = start(logged_client)
    page = logged_client.post(url, {"action": "continue"}).content.decode()
    assert '<input type="hidden" name="checked" value="1">' in page
    unanswered = "Confirmez ce montant ou corrigez-le."
    assert region(page, "a-2026-08-0") == unanswered
    hx = {"HX-Request": "true"}
    fragment = logged_client.post(url, {"a-2026-08-0-choice": "confirm", "checked": "1"}, headers=hx)
    fragment = fragment.content.decode()
    assert region(fragment, "a-2026-08-0") is None and region(fragment, "a-2026-09-0") == unanswered
    # A page that did not ask to continue shows only the amounts typed wrong.
    fragment = logged_client.post(url, {"a-2026-08-0-choice": "confirm"}, headers=hx).content.decode()
    assert region(fragment, "a-2026-09-0") is None
    assert "checked" not in ClaimDraft.objects.get().data


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("99999999999", "Le montant semble trop élevé\u00a0: vérifiez-le."),
        ("-12", "Le montant ne peut pas être négatif."),
        ("12,345", "Indiquez au plus deux chiffres après la virgule."),
        ("sept cents", "Indiquez le montant corrigé en euros, par exemple 1250,50."),
    ],
)
def test_a_refused_amount_that_is_a_number_says_what_is_wrong_with_it(logged_client, user, typed, message):
    # 99 999 999 999 € was answered "Indiquez le montant corrigé en euros, par exemple 1250,50.",
    # as if it were not a number: the person could not see what to change.
    file_factory(user=user)
    url = start(logged_client)
    posted = {
        "a-2026-08-0-choice": "correct",
        "a-2026-08-0-typed": typed,
        "a-2026-09-pension": typed,
        "action": "save",
    }
    page = logged_client.get(logged_client.post(url, posted)["Location"]).content.decode()
    assert html.unescape(region(page, "a-2026-08-0")) == message
    other = message.replace("le montant corrigé", "un montant")
    assert html.unescape(region(page, "a-2026-09-pension")) == other
