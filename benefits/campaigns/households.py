"""The neutral household of an allocataire file, with the incomes of the imported feed (pure reads).

A right for month M is computed on the quarter M-3..M-1 (CASF R262-7; CSS R843-4); as in a
declaration (benefits/claims/declaration.py), month M itself is taken equal to M-1, because the core
reads a kind of income missing in M as a lost job and neutralises it.
"""

from collections import defaultdict
from decimal import Decimal

from django.db import connection
from django.db.models import Sum

from benefits.campaigns.feed_models import IncomeRecord
from benefits.campaigns.feed_summary import incomes_summarised
from benefits.campaigns.file_rows import json_texts
from benefits.rules.months import month_index, month_label
from benefits.rules.periods import EARLIEST_MONTH_BACK


def quarter(month: str) -> list[str]:
    index = month_index(month)
    return [month_label(i) for i in range(index - 3, index)]


def feed_window(month: str) -> list[str]:
    """The months of the feed the quarterly rights of month M read: M-16..M-1 (the core's
    EARLIEST_MONTH_BACK: housing aid's twelve months M-13..M-2, CCH R822-3, also for each of the prime
    d'activité's three months back; the RSA's and prime d'activité's quarter M-3..M-1, CASF R262-7,
    CSS R843-4). Reading only the quarter left housing aid ten months without income: it came out far
    too high (308 € instead of 0 for a steady 1 600 € salary)."""
    index = month_index(month)
    return [month_label(i) for i in range(index - EARLIEST_MONTH_BACK, index)]


def departement(commune: str | None) -> str:
    """The département of the home's commune ("69", "2A", "974"), or "" when the commune is unknown."""
    commune = str(commune or "")
    if len(commune) != 5:
        return ""
    return commune[:3] if commune.startswith("97") else commune[:2]


# The quarter's incomes shaped by PostgreSQL, one JSON object per NIR {kind: {month: euros}}: the
# payers of a month summed as exact decimals, each sum written as its JSON number (the decimal text, so
# the float json reads is the float of that exact sum). Python decodes one small text per person
# instead of looping over the feed's rows. `json` (not jsonb) keeps the kinds and months in order.
# The NIRs are sent as one text the server splits (string_to_array): psycopg dumps a list of 700
# strings as an array in Python, a third of this function's CPU; a NIR is digits (and 2A/2B), never a
# comma, and a set holding one falls back to the list.
INCOMES = f"""
SELECT nir, json_object_agg(kind, months ORDER BY kind)::text FROM (
    SELECT nir, kind, json_object_agg(month, total ORDER BY month) AS months FROM (
        SELECT nir, kind, month, sum(amount) AS total FROM {IncomeRecord._meta.db_table}
        WHERE nir = ANY(string_to_array(%s, ',')) AND month = ANY(%s) GROUP BY nir, kind, month
    ) AS sums GROUP BY nir, kind
) AS kinds GROUP BY nir
"""


def incomes_by_nir(
    nirs, months: list[str], texts: dict | None = None
) -> dict[str, dict[str, dict[str, float]]]:
    """{nir: {kind: {month: euros}}} for `months` (feed_window) for a whole chunk: from the summaries
    the import keeps (feed_summary.py, one row a person), and for the NIRs they do not cover, in one
    query over the lines (incomes_from_lines). `texts` gets the summaries' JSON texts that are a NIR's
    series exactly (feed_summary.incomes_summarised), for its letter (letter_freeze.py)."""
    found, left = incomes_summarised(nirs, months, texts)
    if left:
        found.update(incomes_from_lines(left, months))
    return found


def incomes_from_lines(nirs, months: list[str]) -> dict[str, dict[str, dict[str, float]]]:
    """The same from the feed's lines, in one query: the payers of a month summed by the database (exact
    decimals; the float of that sum is the one the core reads)."""
    if connection.vendor == "postgresql":
        joined = ",".join(nirs)
        with connection.cursor() as cursor:
            if joined.count(",") == len(nirs) - 1 or not nirs:
                cursor.execute(INCOMES, [joined, list(months)])
            else:  # a NIR with a comma in it (not one the feed accepts): the array as psycopg dumps it
                cursor.execute(INCOMES.replace("string_to_array(%s, ',')", "%s"), [list(nirs), list(months)])
            rows = cursor.fetchall()
        # decoded in one scan: the months' and kinds' names one string each for the chunk (json_texts)
        return dict(zip([nir for nir, _text in rows], json_texts([text for _nir, text in rows]), strict=True))
    rows = (
        IncomeRecord.objects.filter(nir__in=list(nirs), month__in=months)
        .values_list("nir", "kind", "month")
        .annotate(total=Sum("amount"))
        .order_by("nir", "kind", "month")
    )
    found: dict = defaultdict(dict)
    for nir, kind, month, amount in rows:
        found[nir].setdefault(kind, {})[month] = float(amount)
    return found


def month_filled(incomes: dict, month: str) -> dict:
    """`incomes` (from incomes_by_nir) with month M itself taken equal to M-1 for every kind received in
    M-1 (see the module's docstring), changed in place and returned."""
    last = quarter(month)[-1]
    for series in incomes.values():
        for values in series.values():
            if last in values:
                values[month] = values[last]
    return incomes


def neutral_households(file_rows, month: str, incomes: dict) -> dict[int, dict]:
    """{pk: neutral household} for a chunk's rows, with `incomes` already month_filled: a person's
    incomes are that dict's own series, shared rather than copied (nothing downstream changes them)."""
    year_n2 = str(month_index(month) // 12 - 2)
    return {row["pk"]: household_of(row, month, incomes, year_n2) for row in file_rows}


def neutral_household(file_row: dict, month: str, incomes: dict) -> dict:
    """`file_row` has the file's number, members and housing; `incomes` comes from incomes_by_nir (not
    changed: the household has its own copy)."""
    own = {nir: {kind: dict(values) for kind, values in series.items()} for nir, series in incomes.items()}
    return household_of(file_row, month, month_filled(own, month), str(month_index(month) // 12 - 2))


def household_of(file_row: dict, month: str, incomes: dict, year_n2: str) -> dict:
    """The one way a file becomes the core's input: each member's identity, role and birth date; for an
    adult, the incomes of the feed's window (feed_window, month_filled), the taxable income of year N-2, the activity and the
    disability rate when known."""
    persons = []
    for member in file_row["members"]:
        role = member["role"]
        person = {"id": member["id"], "role": role, "birth_date": member["birth_date"]}
        if role != "child":
            get = member.get
            series = incomes.get(get("nir", ""))
            if series:
                person["incomes"] = series
            taxable = get("taxable_n2")
            if taxable:
                person["yearly_taxable_income"] = {year_n2: {"salary": taxable}}
            # the two optional keys written out rather than looped over (run for every adult)
            value = get("activity")
            if value is not None:
                person["activity"] = value
            value = get("disability_rate")
            if value is not None:
                person["disability_rate"] = value
        persons.append(person)
    return {"id": str(file_row["pk"]), "month": month, "persons": persons, "housing": file_row["housing"]}


def current_rights(rights: list) -> dict[str, Decimal]:
    """The file's rights [{benefit, amount}] as {benefit: Decimal}."""
    if not rights:  # about 40 % of the files hold no right
        return {}
    return {row["benefit"]: Decimal(str(row["amount"])) for row in rights or ()}
