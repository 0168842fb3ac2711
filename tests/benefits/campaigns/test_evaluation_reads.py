"""The campaign's reads against their plain versions on a generated file: the files read on a plain
cursor, the quarter's incomes shaped by the database, the chunk's neutral households."""

import json
from collections import defaultdict
from decimal import Decimal

import pytest

from benefits.campaigns.feed_models import IncomeRecord
from benefits.campaigns.file_rows import files_decode, files_read, json_text, json_texts
from benefits.campaigns.households import (
    current_rights,
    incomes_by_nir,
    month_filled,
    neutral_household,
    neutral_households,
    quarter,
)
from benefits.campaigns.kinds import needs_core
from benefits.campaigns.models import CampaignKind
from benefits.claims.models import AllocataireFile
from benefits.rules.months import month_index

MONTH = "2026-12"
pytestmark = pytest.mark.django_db


def reference_household(file_row: dict, month: str, incomes: dict) -> dict:
    """The neutral household as it was built before the chunk-wide version (the reference)."""
    last = quarter(month)[-1]
    persons = []
    for member in file_row["members"]:
        person = {"id": member["id"], "role": member["role"], "birth_date": member["birth_date"]}
        if member["role"] != "child":
            series = {
                kind: {**values, month: values[last]} if last in values else dict(values)
                for kind, values in incomes.get(member.get("nir", ""), {}).items()
            }
            if series:
                person["incomes"] = series
            if member.get("taxable_n2"):
                year_n2 = str(month_index(month) // 12 - 2)
                person["yearly_taxable_income"] = {year_n2: {"salary": member["taxable_n2"]}}
            for key in ("activity", "disability_rate"):
                if member.get(key) is not None:
                    person[key] = member[key]
        persons.append(person)
    return {"id": str(file_row["pk"]), "month": month, "persons": persons, "housing": file_row["housing"]}


def reference_incomes(nirs, months) -> dict:
    """{nir: {kind: {month: float of the exact sum}}} summed here from the feed's lines."""
    sums: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(Decimal)))
    for line in IncomeRecord.objects.filter(nir__in=list(nirs), month__in=months):
        sums[line.nir][line.kind][line.month] += line.amount
    return {
        nir: {kind: {m: float(s[m]) for m in sorted(s)} for kind, s in sorted(k.items())}
        for nir, k in sums.items()
    }


def test_files_are_read_as_the_model_has_them(demo_file):
    files = files_read(AllocataireFile.objects.all())
    models = list(AllocataireFile.objects.order_by("pk"))
    assert [row["pk"] for row in files] == [file.pk for file in models]
    for row, file in zip(files, models, strict=True):
        assert (
            row["rights"] == file.rights and row["members"] == file.members and row["housing"] == file.housing
        )
        assert (row["number"], row["given_names"], row["family_name"]) == (
            file.number,
            file.given_names,
            file.family_name,
        )
        assert row["commune"] == file.housing.get("commune_insee")


def test_holders_only_leaves_out_the_members_and_housing_of_the_files_without_a_right_only(demo_file):
    every = files_read(AllocataireFile.objects.all())
    holders = files_read(AllocataireFile.objects.all(), holders_only=True)
    without = [row["pk"] for row in every if not row["rights"]]
    assert without and len(without) < len(every)  # the demo has both
    for full, row in zip(every, holders, strict=True):
        if full["rights"]:
            assert row == full and row["members"] == full["members"] and row["housing"] == full["housing"]
        else:
            assert (row["_members"], row["_housing"]) == (None, None)
            assert {k: v for k, v in row.items() if k[0] != "_"} == {
                k: v for k, v in full.items() if k[0] != "_"
            }
    # Why the chunks may: the kinds it is used for compute no file without a right.
    for kind in (CampaignKind.RECALCULATION, CampaignKind.EXCEPTIONAL_AID):
        assert not any(needs_core(kind, current_rights(row["rights"])) for row in every if not row["rights"])
    assert needs_core(CampaignKind.NON_RECOURS, {})  # which is why a non-recours chunk reads them all


def test_the_quarter_incomes_and_the_chunk_households_are_the_reference_ones(demo_file):
    files = files_read(AllocataireFile.objects.all())
    nirs = {m["nir"] for row in files for m in row["members"] if m.get("nir")}
    months = quarter(MONTH)
    incomes = incomes_by_nir(nirs, months)
    expected = reference_incomes(nirs, months)
    assert incomes == expected and any(len(series) > 1 for series in expected.values())
    for series in incomes.values():  # kinds and months in order (json_object_agg … ORDER BY)
        assert list(series) == sorted(series) and all(list(v) == sorted(v) for v in series.values())
    households = neutral_households(files, MONTH, month_filled(incomes_by_nir(nirs, months), MONTH))
    assert list(households) == [row["pk"] for row in files]
    with_incomes = 0
    for row in files:
        reference = reference_household(row, MONTH, expected)
        # Equal and in the same order of keys (the letter's frozen input is this dict, dumped as is).
        assert json.dumps(households[row["pk"]]) == json.dumps(reference)
        assert json.dumps(neutral_household(row, MONTH, expected)) == json.dumps(reference)
        with_incomes += any("incomes" in person for person in reference["persons"])
    assert with_incomes > 30
    assert incomes_by_nir(nirs, months) == expected  # neutral_household left its incomes unchanged


def test_json_text_is_json_loads():
    for text in ['[{"a": 1.50, "b": "é"}]', ' {"a": 1}', '{"a": 1} ', "null", "12", '"x"', "[]"]:
        assert json_text(text) == json.loads(text)
    for text in ["", "{", '{"a": 1} x', "nope"]:
        with pytest.raises(json.JSONDecodeError):
            json_text(text)


def test_json_texts_is_json_text_of_each_and_shares_the_key_names():
    texts = [
        '{"nir": "1", "role": "applicant"}',
        ' {"nir": "2", "role": "child"}',
        "[]",
        "null",
        '{"a": 1.50}',
    ]
    values = json_texts(texts)
    assert values == [json_text(text) for text in texts]
    first, second = (list(value) for value in values[:2])
    assert first[0] is second[0] and first[1] is second[1]  # one string per key name for the batch
    assert json_texts([]) == []
    # what is not one JSON value per text is decoded one by one: json_text's error, not a wrong list
    for wrong in (["1, 2", "3"], ['"a"]', "1"], ["{", "}"]):
        with pytest.raises(json.JSONDecodeError):
            json_texts(wrong)


def test_the_files_members_and_housing_decoded_at_once_are_those_read_one_by_one(demo_file):
    files, lazy = files_read(AllocataireFile.objects.all()), files_read(AllocataireFile.objects.all())
    files_decode(files)
    assert all("members" in row and "housing" in row for row in files)
    for row, one in zip(files, lazy, strict=True):
        assert (row["members"], row["housing"]) == (one["members"], one["housing"])
