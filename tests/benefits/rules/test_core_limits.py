"""The core's share of issue 17: hostile or out-of-scope input is refused by the household parser with
a clear message (so the simulator, the API and the CLI all refuse it), never computed into a wrong
amount; AAH ↔ ASI never crashes; ages count calendar birthdays; the rounding step is a real rounding."""

import copy
import json
import math
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from benefits.rules import HouseholdInputError, compute, parse_household
from benefits.rules.ages import age_months, age_months_in_month, age_years, age_years_in_month
from benefits.rules.explain import ROUNDING_GAP, Trace
from benefits.rules.months import first_day
from benefits.rules.parsing import MAX_MONTHS_PER_INCOME, MAX_PERSONS, MAX_YEARS, OVERSEAS_FR
from benefits.rules.text import Text
from tests.benefits.rules.handmade_households import cases as handmade_cases
from tests.benefits.rules.test_core_parsing import VALID, errors_of

ROOT = Path(__file__).resolve().parents[3]


def changed(**paths):
    data = copy.deepcopy(VALID)
    for path, value in paths.items():
        node = data
        *parents, leaf = path.split("/")
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        node[leaf] = value
    return data


NON_FINITE = [math.nan, math.inf, -math.inf]


@pytest.mark.parametrize("value", NON_FINITE, ids=["nan", "inf", "-inf"])
@pytest.mark.parametrize(
    "where, path",
    [
        ("persons/0/incomes/salary/2026-04", "persons[0].incomes.salary.2026-04"),
        ("housing/rent", "housing.rent"),
        ("persons/0/yearly_taxable_income/2024/salary", "persons[0].yearly_taxable_income.2024.salary"),
        ("persons/1/disability_rate", "persons[1].disability_rate"),
    ],
)
def test_nan_and_infinity_are_refused_with_their_path(where, path, value):
    errors = errors_of(changed(**{where: value}))
    assert path in errors
    if where != "persons/1/disability_rate":
        assert "fini" in errors[path].message_fr


def test_nan_amount_never_reaches_the_rules_as_zero():
    """Before, NaN passed validation and the RSA came out 0.0 where 0 € gives the full lump sum."""
    with pytest.raises(HouseholdInputError):
        parse_household(changed(**{"persons/0/incomes/salary/2026-04": math.nan}))


@pytest.mark.parametrize("zone", [2.0, True, "2", 4])
def test_a_zone_is_an_integer_1_2_or_3(zone):
    assert "housing.zone" in errors_of(changed(**{"housing/zone": zone}))


def test_too_many_persons_are_refused_before_any_work():
    children = [{"id": f"c{i}", "role": "child", "birth_date": "2015-01-01"} for i in range(9000)]
    data = changed(persons=VALID["persons"][:2] + children)
    errors = errors_of(data)
    assert str(MAX_PERSONS) in errors["persons"].message_fr
    at_limit = changed(persons=VALID["persons"][:2] + children[: MAX_PERSONS - 2])
    assert len(parse_household(at_limit).persons) == MAX_PERSONS


def test_bounded_months_and_years():
    many = {f"{2000 + i // 12}-{i % 12 + 1:02d}": 100 for i in range(MAX_MONTHS_PER_INCOME + 1)}
    assert "persons[0].incomes.salary" in errors_of(changed(**{"persons/0/incomes/salary": many}))
    years = {str(2000 + i): {"salary": 1} for i in range(MAX_YEARS + 1)}
    assert "persons[0].yearly_taxable_income" in errors_of(
        changed(**{"persons/0/yearly_taxable_income": years})
    )
    assert "persons[0].residence_permit_years" in errors_of(
        changed(**{"persons/0/residence_permit_years": 10**5000})
    )


@pytest.mark.parametrize("commune", ["97411", "97101", "97209", "97302", "97611"])
def test_overseas_communes_are_refused_until_their_rules_exist(commune):
    data = changed(housing={"status": "tenant_private", "rent": 500, "commune_insee": commune})
    errors = errors_of(data)
    assert OVERSEAS_FR in errors["housing.commune_insee"].message_fr
    assert "les départements d'outre-mer ne sont pas encore couverts par ce simulateur" in OVERSEAS_FR
    with_zone = changed(
        housing={"status": "tenant_private", "rent": 500, "commune_insee": commune, "zone": 1}
    )
    assert "housing.commune_insee" in errors_of(with_zone)


@pytest.mark.parametrize(
    "where, value",
    [
        ("id", "\ud800"),
        ("persons/0/id", "a\x00"),
        ("persons/0/role", "\udfff"),
        ("persons/0/activity", "x" * 10_000),
        ("month", "\ud83d-01"),
        ("persons/0/incomes/\ud800", {}),
        ("housing/status", "\x00"),
        ("id", "x" * 101),
    ],
)
def test_lone_surrogates_and_control_characters_are_refused_in_encodable_messages(where, value):
    errors = errors_of(changed(**{where: value}))
    text = json.dumps([e.__dict__ if hasattr(e, "__dict__") else e.as_dict() for e in errors.values()])
    for error in errors.values():
        for part in (error.path, error.message_fr, error.message_en):
            part.encode("utf-8")  # raises on a lone surrogate
            assert "\x00" not in part and len(part) < 300
    assert text


def cli(payload: str):
    return subprocess.run(
        [sys.executable, "-m", "benefits.rules", "compute", "-", "--explain"],
        cwd=ROOT,
        input=payload.encode("utf-8", "surrogatepass"),
        capture_output=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "payload",
    [
        json.dumps(changed(**{"persons/0/incomes/salary/2026-04": math.nan})),  # NaN literal
        json.dumps(changed(**{"housing/rent": math.inf})),  # Infinity literal
        json.dumps(VALID).replace('"rent": 750', '"rent": ' + "9" * 5000),  # > 4,300 digits
        '{"id": "\\ud800", "persons": []}',
        '{"households": 3}',
        "[" * 100_000,
    ],
    ids=["nan", "infinity", "huge-int", "surrogate", "wrong-shape", "deep"],
)
def test_the_cli_answers_hostile_files_with_a_message_and_exit_2(payload):
    result = cli(payload)
    assert result.returncode == 2, result.stderr.decode()
    assert result.stderr == b""
    answer = json.loads(result.stdout)
    assert answer


def test_aah_with_couple_option_and_partner_asi_computes_early_2025():
    """Issue 17 F: the AAH ↔ ASI chain used to reach months without loaded parameters (AttributeError)."""
    households = [(cid, m, h) for cid, m, h in handmade_cases() if "partner-asi" in cid]
    assert len(households) >= 3
    base = households[0][2]
    for month in ("2025-01", "2025-02", "2025-03", "2025-04", "2025-05"):
        data = copy.deepcopy(base)
        data["month"] = month
        result = compute(parse_household(data), explain=True)
        assert result.benefits["aah"].amount > 0


@pytest.mark.parametrize(
    "birth, day, years",
    [
        ("1961-06-02", "2026-06-01", 64),  # OpenFisca's days / 365.2425 says 65
        ("1961-06-01", "2026-06-01", 65),
        ("2006-10-02", "2026-10-01", 19),
        ("2000-02-29", "2026-02-28", 25),
        ("2000-02-29", "2026-03-01", 26),
        ("1990-01-01", "2025-12-31", 35),
    ],
)
def test_ages_count_calendar_birthdays(birth, day, years):
    assert age_years(date.fromisoformat(birth), date.fromisoformat(day)) == years


def test_age_in_months_counts_calendar_months():
    assert age_months(date(2026, 1, 15), date(2026, 6, 1)) == 4
    assert age_months(date(2026, 1, 1), date(2026, 6, 1)) == 5
    assert age_months(date(2026, 6, 2), date(2026, 6, 1)) == -1  # not born yet on the 1st
    assert age_months(date(2026, 9, 15), date(2026, 6, 1)) == -4


def test_ages_in_a_month_are_the_ages_on_its_first_day():
    # The situation asks ages by month index (no date built): the same as on the month's first day,
    # for every birth day of 1999-2001 (29 February included) and every month of 2000-2026.
    births = [date(1999, 1, 1).fromordinal(date(1999, 1, 1).toordinal() + n) for n in range(3 * 366)]
    for month in range(2000 * 12, 2027 * 12, 5):
        day = first_day(month)
        for birth in births[::7] + [date(2000, 2, 29), date(2000, 3, 1), date(2000, 1, 31)]:
            assert age_years_in_month(birth, month) == age_years(birth, day), (birth, month)
            assert age_months_in_month(birth, month) == age_months(birth, day), (birth, month)


def test_every_birth_date_of_the_period_gets_its_calendar_age():
    day = date(2026, 6, 1)
    for ordinal in range(date(1955, 1, 1).toordinal(), day.toordinal()):
        birth = date.fromordinal(ordinal)
        had_birthday = (day.month, day.day) >= (birth.month, birth.day)
        assert age_years(birth, day) == day.year - birth.year - (not had_birthday)


def trace_with_gap(gap: str):
    trace = Trace(True)
    trace.step("=", "Base", "Base", 100.0, "CSS L512-1")
    return trace.result("x", Text("x", "x"), 100.0 + float(gap))


def test_the_rounding_step_only_absorbs_a_real_rounding():
    assert Decimal("0.02") == ROUNDING_GAP
    rounded = trace_with_gap("0.02")
    assert rounded.steps[-1].label.fr == "Arrondi au centime"
    assert rounded.steps[-1].amount == Decimal("0.02")
    for gap in ("0.03", "0.05", "-0.04"):
        steps = trace_with_gap(gap).steps
        assert all(step.label.fr != "Arrondi au centime" for step in steps), gap
