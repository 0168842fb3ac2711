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
from benefits.rules.months import month_index, month_label


def quarter(month: str) -> list[str]:
    index = month_index(month)
    return [month_label(i) for i in range(index - 3, index)]


def departement(commune: str | None) -> str:
    """The département of the home's commune ("69", "2A", "974"), or "" when the commune is unknown."""
    commune = str(commune or "")
    if len(commune) != 5:
        return ""
    return commune[:3] if commune.startswith("97") else commune[:2]


INCOMES = f"""
SELECT nir, kind, month, sum(amount)::float8 FROM {IncomeRecord._meta.db_table}
WHERE nir = ANY(%s) AND month = ANY(%s) GROUP BY nir, kind, month
"""


def incomes_by_nir(nirs, months: list[str]) -> dict[str, dict[str, dict[str, float]]]:
    """{nir: {kind: {month: euros}}} for the quarter, in one query for a whole chunk: the payers of a
    month summed by the database (exact decimals; the float of that sum is the one the core reads)."""
    found: dict = defaultdict(dict)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(INCOMES, [list(nirs), list(months)])
            rows = cursor.fetchall()
    else:
        rows = (
            IncomeRecord.objects.filter(nir__in=list(nirs), month__in=months)
            .values_list("nir", "kind", "month")
            .annotate(total=Sum("amount"))
            .order_by()
        )
    for nir, kind, month, amount in rows:
        found[nir].setdefault(kind, {})[month] = float(amount)
    return found


def neutral_household(file_row: dict, month: str, incomes: dict) -> dict:
    """`file_row` has the file's number, members and housing; `incomes` comes from incomes_by_nir."""
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


def current_rights(rights: list) -> dict[str, Decimal]:
    """The file's rights [{benefit, amount}] as {benefit: Decimal}."""
    return {row["benefit"]: Decimal(str(row["amount"])) for row in rights or ()}
