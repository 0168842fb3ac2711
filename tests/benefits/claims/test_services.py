"""Claims services without the web layer: prefill, drafts that never lose anything, filing once."""

import pytest

from benefits.claims import declaration
from benefits.claims.models import Claim, StatusChange
from benefits.claims.services import (
    NotReadyToFile,
    StatusNotAllowed,
    claim_draft_open,
    claim_draft_refresh_prefill,
    claim_estimate,
    claim_save_draft,
    claim_set_status,
    claim_submit,
)
from benefits.rules import compute, parse_household
from portal.models import JournalEntry
from tests.benefits.claims.conftest import DECLARATION_MONTH, QUARTER
from tests.benefits.claims.factories import confirm_all, file_factory

pytestmark = pytest.mark.django_db


def open_draft(user, **file_fields):
    file = file_factory(user=user, **file_fields)
    return claim_draft_open(file=file, by=user, kind="dtr", channel="home")


def test_draft_is_prefilled_with_source_and_reused(user):
    draft = open_draft(user)
    assert draft.month == DECLARATION_MONTH and list(draft.data["figures"]["a"]) == QUARTER
    lines = draft.data["figures"]["a"]["2026-08"]
    assert [(line["employer"], line["prefilled"]) for line in lines] == [
        ("Boulangerie du Centre", "742.18"),
        ("Nettoyage Services SARL", "311.40"),
    ]
    assert all(line["declared_on"] == "2026-09-05" for line in lines)
    assert claim_draft_open(file=draft.file, by=user, kind="dtr", channel="home").pk == draft.pk


def test_each_adult_of_a_couple_is_prefilled(user):
    draft = open_draft(user, partner_nir="1831069123103")
    assert set(draft.data["figures"]) == {"a", "b"}
    assert draft.data["figures"]["b"]["2026-09"][0]["employer"] == "Intérim Plus Agence Lyon-Est"


@pytest.mark.parametrize(
    ("suffix", "reason"),
    [("91", "server_error"), ("92", "no_data"), ("93", "invalid_response"), ("90", "timeout")],
)
def test_unavailable_income_data_gives_a_usable_empty_form(user, settings, suffix, reason):
    settings.INCOME_API_TIMEOUT, settings.INCOME_API_RETRIES = 1, 0
    draft = open_draft(user, nir="28503750561" + suffix)
    assert draft.data["prefill"]["a"] == reason
    assert draft.data["figures"]["a"] == {m: [] for m in QUARTER}
    claim_save_draft(draft=draft, values={"a-2026-08-unemployment_benefit": "820"}, by=user, channel="home")
    claim = claim_submit(draft=draft, by=user, channel="home")
    assert claim.household["persons"][0]["incomes"]["unemployment_benefit"]["2026-08"] == 820.0


def test_a_refresh_fills_in_when_the_service_is_back_without_touching_answers(user, settings):
    settings.INCOME_API_URL = ""
    draft = open_draft(user)
    assert draft.data["prefill"]["a"] == "not_configured"
    claim_save_draft(draft=draft, values={"a-2026-08-alimony_received": "150"}, by=user, channel="home")
    settings.INCOME_API_URL = "http://127.0.0.1:8000/_revenus/api/v1"
    draft = claim_draft_refresh_prefill(draft=draft, by=user, channel="home")
    assert draft.data["prefill"]["a"] == "ok" and len(draft.data["figures"]["a"]["2026-08"]) == 2
    assert draft.data["other"]["a"]["2026-08"]["alimony_received"] == "150"


def test_invalid_saves_keep_what_was_typed_and_block_filing(user):
    draft = open_draft(user)
    values = {"a-2026-08-0-choice": "correct", "a-2026-08-0-typed": "douze", "a-2026-09-pension": "x"}
    claim_save_draft(draft=draft, values=values, by=user, channel="home")
    draft.refresh_from_db()
    line = draft.data["figures"]["a"]["2026-08"][0]
    assert line["typed"] == "douze" and line["prefilled"] == "742.18"
    assert draft.data["other"]["a"]["2026-09"]["pension"] == "x"
    with pytest.raises(NotReadyToFile) as raised:
        claim_submit(draft=draft, by=user, channel="home")
    assert {"a-2026-08-0-typed", "a-2026-09-pension", "a-2026-08-1-choice"} <= dict(
        raised.value.problems
    ).keys()
    assert not Claim.objects.exists()


def test_two_tabs_saving_different_fields_keep_both(user):
    draft = open_draft(user)
    stale_copy = type(draft).objects.get(pk=draft.pk)
    claim_save_draft(draft=draft, values={"a-2026-08-pension": "100"}, by=user, channel="home")
    claim_save_draft(draft=stale_copy, values={"a-2026-09-pension": "200"}, by=user, channel="home")
    draft.refresh_from_db()
    assert draft.data["other"]["a"]["2026-08"]["pension"] == "100"
    assert draft.data["other"]["a"]["2026-09"]["pension"] == "200"


def test_a_correction_keeps_the_prefilled_value_and_the_estimate_is_the_cores(user):
    draft = open_draft(user)
    values = confirm_all(draft) | {"a-2026-09-0-choice": "correct", "a-2026-09-0-typed": "600,50"}
    draft = claim_save_draft(draft=draft, values=values, by=user, channel="home")
    household, result = claim_estimate(draft=draft)
    assert household["persons"][0]["incomes"]["salary"]["2026-09"] == pytest.approx(600.50 + 311.40)
    expected = compute(parse_household(household, DECLARATION_MONTH), DECLARATION_MONTH)
    assert result.to_dict() == expected.to_dict()
    claim = claim_submit(draft=draft, by=user, channel="kiosk")
    assert claim.estimate["benefits"]["ppa"] == float(expected.benefits["ppa"].amount)
    assert claim.estimate["benefits"]["rsa"] == float(expected.benefits["rsa"].amount)
    assert (claim.engine_version, claim.parameters_version) == (
        expected.engine_version,
        expected.parameters_version,
    )
    corrected = [f for f in claim.figures if f["corrected"]]
    assert corrected == [
        {
            "person": "a",
            "month": "2026-09",
            "type": "salary",
            "source": "employer",
            "employer": "Boulangerie du Centre",
            "declared_on": "2026-10-05",
            "prefilled": "742.18",
            "declared": "600.50",
            "corrected": True,
        }
    ]
    assert claim.inputs["figures"]["a"]["2026-09"][0]["typed"] == "600,50"
    assert list(StatusChange.objects.filter(claim=claim).values_list("status", flat=True)) == ["deposee"]
    actions = list(JournalEntry.objects.values_list("action", "channel"))
    assert ("figure_corrected", "home") in actions and ("claim_filed", "kiosk") in actions


def test_filing_twice_gives_the_same_claim_and_a_filed_draft_is_frozen(user):
    draft = open_draft(user)
    claim_save_draft(draft=draft, values=confirm_all(draft), by=user, channel="home")
    first = claim_submit(draft=draft, by=user, channel="home")
    second = claim_submit(draft=draft, by=user, channel="home")
    assert first.pk == second.pk and Claim.objects.count() == 1
    claim_save_draft(draft=draft, values={"a-2026-08-pension": "999"}, by=user, channel="home")
    draft.refresh_from_db()
    assert "pension" not in draft.data["other"].get("a", {}).get("2026-08", {})
    assert JournalEntry.objects.filter(action="claim_filed").count() == 1


def test_status_history_follows_the_allowed_transitions(user):
    draft = open_draft(user)
    claim_save_draft(draft=draft, values=confirm_all(draft), by=user, channel="home")
    claim = claim_submit(draft=draft, by=user, channel="home")
    with pytest.raises(StatusNotAllowed):
        claim_set_status(claim=claim, status="acceptee", by=user, channel="agent")
    claim_set_status(claim=claim, status="en_instruction", by=user, channel="agent")
    claim_set_status(claim=claim, status="acceptee", by=user, channel="agent")
    with pytest.raises(StatusNotAllowed):
        claim_set_status(claim=claim, status="refusee", by=user, channel="agent")
    assert [c.status for c in claim.history.all()] == ["deposee", "en_instruction", "acceptee"]
    assert JournalEntry.objects.filter(action="claim_status", channel="agent").count() == 2


def test_the_reference_quarter_is_the_three_months_before():
    assert declaration.quarter("2026-01") == ["2025-10", "2025-11", "2025-12"]


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1 250,50", "1250.50"), ("1250.5 €", "1250.5"), ("0", "0"), ("-3", None), ("1,2,3", None)],
)
def test_typed_amounts(typed, value):
    parsed = declaration.to_amount(typed)
    assert (str(parsed) if parsed is not None else None) == value
