"""Hypothesis fuzz of the household parser (issue 17 A): any JSON document is either refused with a
HouseholdInputError listing its problems, or parsed into a household the core computes — never another
exception. Documents are valid households with one part replaced by anything JSON can hold."""

import json
import math

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from benefits.rules import HouseholdInputError, compute, parse_household
from tests.robustness.fuzz import EXAMPLES

BASE = {
    "month": "2026-06",
    "persons": [
        {
            "id": "a",
            "role": "applicant",
            "birth_date": "1990-03-10",
            "activity": "employed",
            "incomes": {"salary": {"2026-03": 1100, "2026-04": 1100, "2026-05": 1100}},
        },
        {"id": "b", "role": "partner", "birth_date": "1988-07-01", "activity": "unemployed"},
        {"id": "c1", "role": "child", "birth_date": "2019-09-01"},
    ],
    "housing": {"status": "tenant_private", "rent": 650, "zone": 2},
}
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -0.0, 2.0]),
    st.text(max_size=20),
    st.sampled_from(["2026-06", "2026-13", "1990-02-30", "applicant", "child", "97411", "", "\x00"]),
)
JSON = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*prefix, index))


ALL_PATHS = list(paths(BASE))


def replaced(document, path, value):
    if not path:
        return value
    document = json.loads(json.dumps(document))
    node = document
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return document


def must_parse_or_refuse(document):
    try:
        result = compute(parse_household(document), explain=True)
    except HouseholdInputError as error:  # refused by the parser, or by compute (no month)
        assert error.as_list(), "a refusal names its problems"
        return
    # Never a silently wrong answer: a NaN or an infinity anywhere in the input must be refused, not
    # turned into an amount (issue 17 A; the core's parser enforces it).
    amounts = [benefit.amount for benefit in result.benefits.values()]
    assert all(math.isfinite(amount) for amount in amounts), amounts
    assert math.isfinite(result.total)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(ALL_PATHS), value=JSON)
@example(path=("housing", "rent"), value=math.nan)
@example(path=("housing", "zone"), value=2.0)
@example(path=("persons", 0, "incomes", "salary", "2026-04"), value=math.inf)
def test_a_household_with_any_part_replaced_is_refused_or_computed(path, value):
    must_parse_or_refuse(replaced(BASE, path, value))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=JSON)
def test_any_json_document_is_refused_or_computed(document):
    must_parse_or_refuse(document)
