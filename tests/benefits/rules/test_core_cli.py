"""`python -m benefits.rules compute` (same inputs and output as the OpenFisca oracle) and the batch API."""

import itertools
import json
import subprocess
import sys
from pathlib import Path

from benefits.rules import BENEFITS, compute_batch

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = Path("/work/shared/oracle/examples/single_800.json")
EXAMPLE_COPY = [
    {
        "id": "couple_3kids",
        "month": "2026-06",
        "persons": [
            {
                "id": "a",
                "role": "applicant",
                "birth_date": "1985-03-10",
                "incomes": {"salary": {"2026-03": 1600, "2026-04": 1600, "2026-05": 1600, "2026-06": 1600}},
                "yearly_taxable_income": {"2024": {"salary": 20000}},
            },
            {"id": "b", "role": "partner", "birth_date": "1987-07-01", "disability_rate": 0.8},
            {"id": "c1", "role": "child", "birth_date": "2012-01-15"},
            {"id": "c2", "role": "child", "birth_date": "2016-09-01"},
            {"id": "c3", "role": "child", "birth_date": "2020-02-01"},
        ],
        "housing": {"status": "tenant_private", "rent": 750, "zone": 2},
    }
]
SINGLE = {
    "id": "s",
    "persons": [{"id": "a", "role": "applicant", "birth_date": "1980-01-01"}],
    "housing": {"status": "hosted_free"},
}


def cli(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "benefits.rules", "compute", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_rows(rows, ids):
    assert [row["id"] for row in rows] == ids
    for row in rows:
        assert list(row["benefits"]) == list(BENEFITS)
        assert all(isinstance(v, int | float) for v in row["benefits"].values())


def test_the_oracle_example_file():
    source = str(EXAMPLE) if EXAMPLE.exists() else "-"
    stdin = None if EXAMPLE.exists() else json.dumps(EXAMPLE_COPY)
    run = cli(source, "--month", "2026-06", stdin=stdin)
    assert run.returncode == 0, run.stdout + run.stderr
    rows = json.loads(run.stdout)
    assert all(row["month"] == "2026-06" for row in rows)
    assert rows[-1]["id"] == "couple_3kids" and rows[-1]["benefits"]["aah"] > 0


def test_the_oracle_example_as_given_has_a_month_out_of_range():
    if not EXAMPLE.exists():
        return
    run = cli(str(EXAMPLE))
    assert run.returncode == 2
    errors = json.loads(run.stdout)
    assert errors[0]["id"] == "single_800_2024" and errors[0]["errors"][0]["path"] == "month"


def test_list_households_and_cases_inputs():
    households = [dict(SINGLE, id="h1"), dict(SINGLE, id="h2")]
    run = cli("-", "--month", "2026-06", stdin=json.dumps({"households": households}))
    assert run.returncode == 0, run.stderr
    assert_rows(json.loads(run.stdout), ["h1", "h2"])
    cases = [
        {"id": "k1", "month": "2025-03", "household": SINGLE},
        {"id": "k2", "month": "2026-11", "household": SINGLE},
    ]
    run = cli("-", stdin=json.dumps(cases))
    rows = json.loads(run.stdout)
    assert_rows(rows, ["k1", "k2"])
    assert [row["month"] for row in rows] == ["2025-03", "2026-11"]
    one = cli("-", "--month", "2026-06", stdin=json.dumps(SINGLE))
    assert_rows(json.loads(one.stdout), ["s"])


def test_explain_adds_the_steps():
    run = cli("-", "--month", "2026-06", "--explain", stdin=json.dumps(SINGLE))
    assert run.returncode == 0, run.stderr
    row = json.loads(run.stdout)[0]
    rsa = row["explanation"]["rsa"]
    assert rsa["amount"] == row["benefits"]["rsa"] > 0
    assert rsa["steps"][0]["label"]["fr"] and rsa["steps"][0]["legal_basis"]
    assert row["explanation"]["aah"]["blocking_reason"]["fr"]


def test_bad_input_exits_2_with_paths_and_french_messages():
    bad = {
        "persons": [{"id": "a", "role": "applicant", "birth_date": "1980-13-01"}],
        "housing": {"status": "tenant_private"},
    }
    run = cli("-", "--month", "2026-06", stdin=json.dumps(bad))
    assert run.returncode == 2
    paths = {error["path"]: error["message"] for error in json.loads(run.stdout)[0]["errors"]}
    assert {"persons[0].birth_date", "housing.rent"} <= set(paths)
    assert "loyer" in paths["housing.rent"]
    assert cli("-", stdin="{not json").returncode == 2


def test_the_cli_runs_without_django_installed_in_the_path():
    code = (
        "import sys; sys.modules['django'] = None; from benefits.rules.cli import main; "
        "sys.argv = ['x', 'compute', '-', '--month', '2026-06']; sys.exit(main())"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, input=json.dumps(SINGLE), capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


def test_batch_streams_and_survives_bad_rows():
    consumed = []

    def cases():
        for index in itertools.count():
            consumed.append(index)
            if index == 1:
                yield str(index), "2026-06", {"persons": []}
            else:
                yield str(index), "2026-06", SINGLE

    stream = compute_batch(cases())
    first = list(itertools.islice(stream, 3))
    assert len(consumed) <= 4, "compute_batch must not read ahead of what it yields"
    assert first[0]["benefits"]["rsa"] > 0 and first[1]["errors"] and first[2]["benefits"]
    assert first[1]["id"] == "1" and first[1]["errors"][0]["path"] == "persons"


def test_batch_rows_are_the_cli_rows():
    rows = list(compute_batch([("x", "2026-06", SINGLE)], explain=True))
    assert rows[0]["id"] == "x" and rows[0]["month"] == "2026-06" and "explanation" in rows[0]
    missing_month = list(compute_batch([("y", None, SINGLE)]))
    assert missing_month[0]["errors"][0]["path"] == "month"
