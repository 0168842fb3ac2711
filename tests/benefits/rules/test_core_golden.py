"""Byte-identical outputs before and after the core's speed work (issue 16): the batch row and the
explained result of every fixture household and of 3,000 generated ones match their golden digests.
A change meant to move outputs regenerates them (tests/benefits/rules/golden.py says how)."""

import json

import pytest

from tests.benefits.rules.golden import OUTPUTS, all_cases, cached_outputs, generated_cases

pytestmark = pytest.mark.xdist_group("oracle_agreement")


def test_golden_covers_the_fixtures_and_3000_generated_households():
    assert len(generated_cases()) == 3000
    assert len(json.loads(OUTPUTS.read_text())) == len(all_cases())


def test_batch_rows_and_explained_results_are_byte_identical():
    golden = json.loads(OUTPUTS.read_text())
    now = cached_outputs()  # on the compiled core when built (test_compiled_core.py checks both)
    changed = sorted(key for key in golden if now.get(key) != golden[key])
    batch = [key for key in changed if now.get(key, [None])[0] != golden[key][0]]
    assert not changed, (
        f"{len(changed)} households changed ({len(batch)} batch rows), e.g. {changed[:5]}; if the change"
        " is meant, regenerate with `.venv/bin/python tests/benefits/rules/golden.py`"
    )
