"""Generates the differential fixtures of the extra benefits (PAJE base and prime, MVA, ASPA).

Run with the oracle's own environment (a minute or two):
    .oracle-venv/bin/python tests/benefits/rules/make_extra_fixtures.py [--check]

Writes tests/benefits/rules/fixtures/extra_<month>.json: households of gen_households.py (seeded),
each reshaped by a seeded profile so that the extra benefits occur often — an expected child (due in
1 to 9 months, half of them in M+2, the month OpenFisca pays the prime), a child under 3, a person of
60 to 85 with a small pension, an adult with a disability of 80 % or more without work — and
OpenFisca-France's amounts for them (`oracle.compute(..., extra=True)`: "extra" = paje_base,
paje_naissance, mva, aspa). The file name does not match oracle_*.json: the main differential test
does not read these households. Same layout as make_oracle_fixtures.py, byte-identical on re-runs.

Input mapping (the new fields the oracle's format lacks): an expected child is sent as it is (a child
born after M: the oracle's own convention, README quirk E1); `childcare`, `aeeh_category`,
`aeeh_specialised_care` and `adoption_date` are removed (the oracle computes neither the CMG nor the
AEEH), see `to_oracle`.
"""

import argparse
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_oracle_fixtures import FIXTURES, encode, import_oracle, versions  # noqa: E402

MONTHS = {"2025-03": 15_202_503, "2025-09": 15_202_509, "2026-06": 15_202_606, "2026-11": 15_202_611}
PER_MONTH = 300
PROFILES = ("expected_child", "young_child", "elderly", "disabled_alone")
NEW_PERSON_FIELDS = ("aeeh_category", "aeeh_specialised_care", "adoption_date")


def to_oracle(household: dict) -> dict:
    """The household in the oracle's format: the fields it does not know are dropped."""
    out = {k: v for k, v in household.items() if k != "childcare"}
    out["persons"] = [
        {k: v for k, v in p.items() if k not in NEW_PERSON_FIELDS} for p in household["persons"]
    ]
    return out


def months_of(month: str) -> list[str]:
    year = int(month[:4])
    last = year * 12 + int(month[5:7]) - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range((year - 1) * 12, last + 1)]


def shift(month: str, offset: int, day: int) -> str:
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + offset
    return f"{index // 12:04d}-{index % 12 + 1:02d}-{day:02d}"


def reshape(household: dict, month: str, rng: random.Random) -> None:
    profile = rng.choice(PROFILES)
    persons = household["persons"]
    applicant = persons[0]
    if profile == "expected_child":
        offset = 2 if rng.random() < 0.5 else rng.randint(1, 9)
        persons.append(
            {"id": "unborn", "role": "child", "birth_date": shift(month, offset, rng.randint(1, 28))}
        )
    elif profile == "young_child":
        persons.append(
            {
                "id": "baby",
                "role": "child",
                "birth_date": shift(month, -rng.randint(0, 40), rng.randint(1, 28)),
            }
        )
    elif profile == "elderly":
        year = int(month[:4]) - rng.randint(60, 85)
        applicant["birth_date"] = f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        applicant["activity"] = "retired"
        pension = round(rng.choice([0, rng.uniform(100, 1600)]), 2)
        applicant["incomes"] = {"pension": dict.fromkeys(months_of(month), pension)} if pension else {}
        applicant["yearly_taxable_income"] = {str(int(month[:4]) - 2): {"pension": round(pension * 12)}}
        applicant.pop("unemployed_since", None)
        household["persons"] = [p for p in persons if p["role"] != "child" or rng.random() < 0.3]
    else:
        applicant["disability_rate"] = rng.choice([0.8, 0.85, 0.9, 0.95])
        applicant["activity"] = "inactive"
        applicant.pop("unemployed_since", None)
        keep = {
            k: v
            for k, v in applicant.get("incomes", {}).items()
            if k in ("invalidity_pension", "alimony_received")
        }
        applicant["incomes"] = keep
        applicant["yearly_taxable_income"] = {}
        if rng.random() < 0.7:
            household["persons"] = [p for p in persons if p["role"] == "applicant"]
            household.pop("single_parent_since", None)


def items_for(gen_households, month: str, seed: int) -> list[tuple[str, str, dict]]:
    rng = random.Random(seed)
    households = gen_households.generate(PER_MONTH, month, seed)
    out = []
    for household in households:
        household["id"] = f"x{month}-{household['id']}"
        reshape(household, month, rng)
        out.append((household["id"], month, household))
    return out


def document(source: dict, items, oracle) -> dict:
    results = oracle.compute([(i, m, to_oracle(h)) for i, m, h in items], extra=True)
    cases = [
        {
            "id": i,
            "month": m,
            "household": h,
            "expected": result["benefits"],
            "expected_extra": result["extra"],
        }
        for (i, m, h), result in zip(items, results, strict=True)
    ]
    return {"source": source, "oracle": versions(), "cases": cases}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed files, write nothing"
    )
    args = parser.parse_args(argv)
    gen_households, _, oracle = import_oracle()
    stale = []
    for month, seed in MONTHS.items():
        source = {"generator": "make_extra_fixtures.py", "month": month, "seed": seed, "n": PER_MONTH}
        text = encode(document(source, items_for(gen_households, month, seed), oracle))
        path = FIXTURES / f"extra_{month}.json"
        if args.check:
            stale += [] if path.exists() and path.read_text() == text else [path.name]
            continue
        partial = path.with_suffix(".json.partial")
        partial.write_text(text)
        os.replace(partial, path)
        print(f"{path.name}: {PER_MONTH} households, {len(text) / 1e6:.2f} MB")
    if stale:
        print(f"regenerate: {', '.join(stale)}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
