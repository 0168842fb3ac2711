"""Incomes of one person in the household format: monthly series by type (AAAA-MM → euros) and the
yearly taxable incomes of N-2, spread on the months of their year without a monthly figure.
"""

import math

from benefits.rules.household import MONTHLY_INCOME_TYPES, YEARLY_INCOME_TYPES
from benefits.rules.input_values import (
    MAX_AMOUNT,
    MAX_MONTHS_PER_INCOME,
    MAX_YEARS,
    MONTH_INDEXES,
    YEAR_RE,
    parse_amount,
    shown,
    valid_month_index,
)

NUMBER_TYPES = frozenset({int, float})  # bool is neither
# Yearly salary, unemployment and pension totals fill the months of their year without a monthly figure.
SPREAD_CATEGORIES = {
    "salary": ("salary", "salary_taxable"),
    "unemployment_benefit": ("unemployment_benefit", "unemployment_benefit_taxable"),
    "pension": ("pension", "pension_taxable"),
}


def parse_incomes(errors, path, raw_incomes, raw_yearly):
    series: dict[str, dict[int, float]] = {}
    if raw_incomes is not None and not isinstance(raw_incomes, dict):
        errors.add(
            f"{path}.incomes", "Les revenus doivent être un objet JSON.", "Incomes must be a JSON object."
        )
        raw_incomes = {}
    for kind, months in (raw_incomes or {}).items():
        # The paths of error messages are formatted on error only (the batch parses valid input).
        if kind not in MONTHLY_INCOME_TYPES:
            errors.add(
                f"{path}.incomes.{shown(kind)}",
                f"Type de revenu inconnu « {shown(kind)} ».",
                f"Unknown income type '{shown(kind)}'.",
            )
            continue
        if not isinstance(months, dict):
            errors.add(
                f"{path}.incomes.{kind}",
                "Les montants doivent être donnés par mois (AAAA-MM).",
                "Amounts must be given by month.",
            )
            continue
        if len(months) > MAX_MONTHS_PER_INCOME:
            errors.add(
                f"{path}.incomes.{kind}",
                f"Au plus {MAX_MONTHS_PER_INCOME} mois par type de revenu.",
                f"At most {MAX_MONTHS_PER_INCOME} months per income type.",
            )
            continue
        values = _parse_series(errors, path, kind, months)
        series[kind] = values
    # Taxable series default to the net amount of the same month (schema), month by month.
    for net, taxable in (
        ("salary", "salary_taxable"),
        ("unemployment_benefit", "unemployment_benefit_taxable"),
        ("pension", "pension_taxable"),
    ):
        if net in series or taxable in series:
            merged = dict(series.get(net, {}))
            merged.update(series.get(taxable, {}))
            series[taxable] = merged
    profit: dict[int, float] = {}
    if raw_yearly is not None and not isinstance(raw_yearly, dict):
        errors.add(
            f"{path}.yearly_taxable_income", "Doit être un objet par année.", "Must be an object by year."
        )
        raw_yearly = {}
    if raw_yearly and len(raw_yearly) > MAX_YEARS:
        errors.add(
            f"{path}.yearly_taxable_income",
            f"Au plus {MAX_YEARS} années de revenus.",
            f"At most {MAX_YEARS} years of income.",
        )
        raw_yearly = {}
    for year, categories in (raw_yearly or {}).items():
        year_path = f"{path}.yearly_taxable_income.{shown(year)}"
        if not isinstance(year, str) or not YEAR_RE.match(year):
            errors.add(
                year_path,
                f"« {shown(year)} » n’est pas une année AAAA.",
                f"'{shown(year)}' is not a YYYY year.",
            )
            continue
        if not isinstance(categories, dict):
            errors.add(year_path, "Doit être un objet par catégorie.", "Must be an object by category.")
            continue
        for category, amount in categories.items():
            if category not in YEARLY_INCOME_TYPES:
                errors.add(
                    f"{year_path}.{shown(category)}",
                    f"Catégorie inconnue « {shown(category)} ».",
                    f"Unknown category '{shown(category)}'.",
                )
                continue
            parsed = parse_amount(errors, f"{year_path}.{category}", amount)
            if parsed is None:
                continue
            if category == "self_employment":
                profit[int(year)] = profit.get(int(year), 0.0) + parsed
            else:
                _spread_yearly(series, int(year), category, parsed)
    return {kind: values for kind, values in series.items() if values}, profit


def _parse_series(errors, path, kind, months) -> dict[int, float]:
    """One income type's {month index: euros}, zero months left out. A series whose months are all
    known "AAAA-MM" and whose amounts are all finite numbers within the limits (the common case) is
    checked at once, in C (set inclusion, min, max, sum); anything else goes through the month-by-month
    loop, which names every wrong month and amount."""
    amounts = months.values()
    if not months:
        return {}
    if (
        months.keys() <= MONTH_INDEXES.keys()
        and {*map(type, amounts)} <= NUMBER_TYPES
        and min(amounts) >= 0
        and max(amounts) <= MAX_AMOUNT
        and math.isfinite(sum(amounts))  # NaN escapes min and max, not the sum
    ):
        return {MONTH_INDEXES[month]: float(amount) for month, amount in months.items() if amount}
    values = {}
    for month, amount in months.items():
        index = valid_month_index(month)  # memoised: fills MONTH_INDEXES for the check above
        if index is None:
            errors.add(
                f"{path}.incomes.{kind}.{shown(month)}",
                f"« {shown(month)} » n’est pas un mois AAAA-MM.",
                f"'{shown(month)}' is not a month.",
            )
            continue
        # A valid amount is the common case: test it inline and build the error path only on error
        # (NaN fails the comparisons and goes to parse_amount, which names it).
        if type(amount) in (int, float) and 0 <= amount <= MAX_AMOUNT:
            parsed = float(amount)
        else:
            parsed = parse_amount(errors, f"{path}.incomes.{kind}.{month}", amount)
        if parsed:
            values[index] = parsed
    return values


def _spread_yearly(series, year, category, amount):
    """The yearly total is authoritative: what the months of that year do not already carry is spread
    evenly on the months without a figure (net and taxable alike, the net being unknown)."""
    net, taxable = SPREAD_CATEGORIES[category]
    months = range(year * 12, year * 12 + 12)
    taxable_series = series.setdefault(taxable, {})
    net_series = series.setdefault(net, {})
    known = [m for m in months if m in taxable_series]
    free = [m for m in months if m not in taxable_series]
    if not free:
        return
    share = (amount - sum([taxable_series[m] for m in known])) / len(free)
    for m in free:
        taxable_series[m] = share
        net_series[m] = net_series.get(m, 0.0) + share
