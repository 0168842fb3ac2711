"""Property tests: whatever JSON arrives, the core answers with amounts or with HouseholdInputError —
never with a bare exception — and the amounts it gives are well formed."""

import copy
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benefits.rules import BENEFITS, HouseholdInputError, compute, parse_household
from benefits.rules.explain import replay
from tests.benefits.rules.test_core_parsing import VALID

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


def leaf_paths(node, path=()):
    """Every (path) of the valid household, containers included, so that a mutation can hit any level."""
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaf_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaf_paths(value, (*path, index))


PATHS = [path for path in leaf_paths(VALID) if path]


def mutated(path, value):
    data = copy.deepcopy(VALID)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def check_result(household, month="2026-06"):
    result = compute(household, month)
    assert tuple(result.benefits) == BENEFITS
    for benefit in result.benefits.values():
        assert benefit.amount >= 0 and benefit.amount == benefit.amount.quantize(Decimal("0.01"))
        assert replay(benefit.steps) == benefit.amount if benefit.steps else benefit.amount == 0
        assert benefit.eligible or benefit.blocking_reason is not None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), JSON_VALUES)
def test_any_mutation_of_a_valid_household_gives_amounts_or_typed_errors(path, value):
    data = mutated(path, value)
    try:
        household = parse_household(data, "2026-06")
    except HouseholdInputError as error:
        assert error.errors and all(
            e.path is not None and e.message_fr and e.message_en for e in error.errors
        )
        return
    check_result(household)


@settings(max_examples=150, deadline=None)
@given(
    salary=st.floats(0, 8000),
    rent=st.floats(0, 2000),
    zone=st.sampled_from([1, 2, 3]),
    children=st.integers(0, 5),
    couple=st.booleans(),
    status=st.sampled_from(
        ["tenant_private", "tenant_private_furnished", "tenant_social", "owner", "hosted_free"]
    ),
    month=st.sampled_from(["2025-01", "2025-04", "2025-10", "2026-01", "2026-04", "2026-12"]),
)
def test_random_plausible_households_compute(salary, rent, zone, children, couple, status, month):
    months = [f"{year}-{m:02d}" for year in (2024, 2025, 2026) for m in range(1, 13)]
    adult = {
        "id": "a",
        "role": "applicant",
        "birth_date": "1985-05-05",
        "incomes": {"salary": dict.fromkeys(months, salary)},
    }
    persons = [adult] + ([{"id": "b", "role": "partner", "birth_date": "1986-06-06"}] if couple else [])
    persons += [
        {"id": f"c{i}", "role": "child", "birth_date": f"{2006 + 3 * i}-03-0{i + 1}"} for i in range(children)
    ]
    data = {"persons": persons, "housing": {"status": status, "rent": rent, "zone": zone}}
    check_result(parse_household(data, month), month)
