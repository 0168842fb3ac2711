"""The claim checks one by one, on hand-made claims (no token, no network)."""

import datetime

import pytest

from portal.accounts.fcplus.config import FCPlusConfig
from portal.accounts.fcplus.errors import LEVEL, FCPlusError
from portal.accounts.fcplus.pivot import pivot_identity
from portal.accounts.fcplus.token_claims import check_id_token, check_userinfo

SCOPES = ("openid", "given_name", "family_name", "birthdate", "birthplace", "birthcountry", "email")
CONFIG = FCPlusConfig(
    issuer="https://auth.franceconnect.gouv.fr/api/v2",
    client_id="portail",
    client_secret="secret",
    acr="eidas2",
    scopes=SCOPES,
    timeout=5,
    leeway=30,
)
NOW = 1_800_000_000
NONCE = "n" * 43


def id_token(**changes):
    claims = {
        "iss": CONFIG.issuer,
        "aud": "portail",
        "sub": "a" * 64 + "v1",
        "iat": NOW,
        "exp": NOW + 60,
        "nonce": NONCE,
        "acr": "eidas2",
        "amr": ["pop", "mfa"],
        "auth_time": NOW - 5,
    }
    claims.update(changes)
    return {name: value for name, value in claims.items() if value is not None}


def check(claims, required_acr="eidas2"):
    return check_id_token(
        claims, config=CONFIG, nonce=NONCE, required_acr=required_acr, started_at=NOW - 20, now=NOW
    )


def refusal(claims, **kwargs) -> FCPlusError:
    with pytest.raises(FCPlusError) as caught:
        check(claims, **kwargs)
    return caught.value


def test_a_good_id_token():
    facts = check(id_token())
    assert (facts.acr, facts.amr) == ("eidas2", ("pop", "mfa"))


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"iss": "https://auth.franceconnect.gouv.fr/api/v2/"}, "id_token_iss_mismatch"),
        ({"aud": ["portail", "autre"]}, "id_token_azp_mismatch"),
        ({"aud": ["portail", "autre"], "azp": "autre"}, "id_token_azp_mismatch"),
        ({"aud": "autre", "azp": "portail"}, "id_token_aud_mismatch"),
        ({"exp": NOW - 31}, "id_token_expired"),
        ({"exp": True}, "id_token_expired"),
        ({"exp": None}, "id_token_times_missing"),
        ({"iat": NOW + 31}, "id_token_iat_in_future"),
        ({"iat": "1800000000"}, "id_token_iat_in_future"),
        ({"nonce": "n" * 42 + "m"}, "id_token_nonce_mismatch"),
        ({"nonce": ""}, "id_token_nonce_missing"),
        ({"sub": "../../etc"}, "id_token_sub_invalid"),
        ({"sub": None}, "id_token_sub_invalid"),
        ({"amr": []}, "id_token_amr_missing"),
        ({"amr": "pop"}, "id_token_amr_missing"),
        ({"amr": ["<script>"]}, "id_token_amr_missing"),
        ({"auth_time": NOW - 3600}, "id_token_auth_time_stale"),
    ],
)
def test_id_token_refusals(changes, code):
    assert refusal(id_token(**changes)).code == code


def test_the_leeway_is_small_but_real():
    check(id_token(exp=NOW - 30, iat=NOW - 90))
    check(id_token(iat=NOW + 30, exp=NOW + 90))


def test_several_audiences_with_our_azp_are_accepted():
    check(id_token(aud=["portail", "autre"], azp="portail"))


@pytest.mark.parametrize(
    ("acr", "required", "code"),
    [
        ("eidas1", "eidas2", "id_token_acr_insufficient"),
        ("eidas2", "eidas3", "id_token_acr_insufficient"),
        ("eidas4", "eidas2", "id_token_acr_unknown"),
        ("", "eidas2", "id_token_acr_missing"),
        (["eidas3"], "eidas2", "id_token_acr_missing"),
    ],
)
def test_the_level_must_reach_the_request(acr, required, code):
    error = refusal(id_token(acr=acr), required_acr=required)
    assert (error.code, error.kind) == (code, LEVEL)


def test_eidas3_satisfies_eidas2():
    assert check(id_token(acr="eidas3")).acr == "eidas3"


def test_userinfo_must_be_about_the_same_person():
    claims = {"iss": CONFIG.issuer, "aud": "portail", "sub": "a" * 64 + "v1"}
    check_userinfo(claims, config=CONFIG, sub="a" * 64 + "v1", now=NOW)
    with pytest.raises(FCPlusError, match="userinfo_sub_mismatch"):
        check_userinfo({**claims, "sub": "b" * 64 + "v1"}, config=CONFIG, sub="a" * 64 + "v1", now=NOW)
    with pytest.raises(FCPlusError, match="userinfo_aud_mismatch"):
        check_userinfo({**claims, "aud": "autre"}, config=CONFIG, sub="a" * 64 + "v1", now=NOW)


PIVOT = {
    "sub": "x",
    "given_name": "Jean-Pierre  Louis",
    "family_name": "DUPONT-DURAND",
    "birthdate": "1978-11-02",
    "birthplace": "69123",
    "birthcountry": "99100",
    "email": "jp@example.fr",
    "gender": "male",
}


def test_a_good_pivot_identity():
    identity = pivot_identity(PIVOT, scopes=SCOPES)
    assert identity.given_names == "Jean-Pierre Louis"  # spaces normalised
    assert identity.birth_date == datetime.date(1978, 11, 2)


@pytest.mark.parametrize(
    "changes",
    [
        {"birthplace": "2A004"},
        {"birthplace": "2B033", "birthdate": "1962-01-01"},
        {"birthplace": "", "birthcountry": "99350"},
    ],
)
def test_pivot_edge_cases_that_are_valid(changes):
    pivot_identity({**PIVOT, **changes}, scopes=SCOPES)


@pytest.mark.parametrize(
    ("changes", "detail"),
    [
        ({"birthdate": "1985-13-45"}, "birthdate"),
        ({"birthdate": "12/03/1985"}, "birthdate"),
        ({"birthdate": "2999-01-01"}, "birthdate"),
        ({"birthplace": "2C004"}, "birthplace"),
        ({"birthplace": "751"}, "birthplace"),
        ({"birthcountry": "FR"}, "birthcountry"),
        ({"birthplace": "", "birthcountry": "99100"}, "birthplace_country"),
        ({"birthplace": "75120", "birthcountry": "99350"}, "birthplace_country"),
        ({"given_name": ""}, "given_name"),
        ({"given_name": "Jean\u0000"}, "given_name"),
        ({"family_name": "X" * 256}, "family_name"),
        ({"family_name": ["DUPONT"]}, "family_name"),
        ({"email": "not-an-email"}, "email"),
        ({"email": None}, "email"),
    ],
)
def test_malformed_pivot_identities_are_refused(changes, detail):
    with pytest.raises(FCPlusError) as caught:
        pivot_identity({**PIVOT, **changes}, scopes=SCOPES)
    assert (caught.value.code, caught.value.detail) == ("userinfo_pivot_invalid", detail)


def test_a_requested_claim_must_be_there_and_others_need_not():
    with pytest.raises(FCPlusError) as caught:
        pivot_identity({k: v for k, v in PIVOT.items() if k != "email"}, scopes=SCOPES)
    assert caught.value.detail == "email_missing"
    assert (
        pivot_identity({"sub": "x", "email": "a@example.fr"}, scopes=("openid", "email")).email
        == "a@example.fr"
    )
