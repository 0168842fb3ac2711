"""What a quarterly declaration contains, and the household the core computes from it (pure functions).

A draft's `data` is plain JSON, so that whatever was typed, valid or not, is kept as typed:

    {"figures": {person: {month: [{"employer", "prefilled", "declared_on", "choice", "typed"}]}},
     "other": {person: {month: {income_type: "typed text"}}},
     "prefill": {person: "ok" | reason}, "missing": {person: [months the service could not answer]}}
"""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from benefits.rules.months import month_index, month_label

# Incomes the person types, for each adult and month (neutral format types). "salary" is a salary no
# employer's DSN reported (the service had no data, or an employer is missing from it): the person
# types it and the claim keeps it with the source "declared" (issue 17, D1).
DECLARED_SALARY = "salary"
OTHER_INCOMES = {
    DECLARED_SALARY: _("Salaire (montant net social) non transmis par un employeur"),
    "unemployment_benefit": _("Allocation chômage (ARE)"),
    "self_employment": _("Chiffre d’affaires de micro-entrepreneur"),
    "alimony_received": _("Pension alimentaire reçue"),
    "sickness_benefit": _("Indemnités journalières maladie"),
    "invalidity_pension": _("Pension d’invalidité"),
    "pension": _("Retraite"),
}
CHOICES = ("confirm", "correct")
MAX_AMOUNT = Decimal(100000)
CORRECTED_AMOUNT = _("Indiquez le montant corrigé en euros, par exemple 1250,50.")
OTHER_AMOUNT = _("Indiquez un montant en euros, par exemple 1250,50.")


def quarter(month: str) -> list[str]:
    """The reference quarter of a right computed for `month`: M-3, M-2, M-1 (CASF R262-7; CSS R843-4)."""
    index = month_index(month)
    return [month_label(i) for i in range(index - 3, index)]


def typed_number(text) -> Decimal | None:
    """A typed number ("1 250,50", "1250.5 €") as a finite Decimal, whatever its size, or None."""
    if text is None:
        return None
    cleaned = str(text).strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    try:
        value = Decimal(cleaned.replace(",", ".").removesuffix("€"))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def to_amount(text) -> Decimal | None:
    """A typed amount ("1 250,50", "1250.5 €") as a Decimal, or None when it is not an amount of euros."""
    value = typed_number(text)
    if value is None or value < 0 or value > MAX_AMOUNT or value != value.quantize(Decimal("0.01")):
        return None
    return value


def amount_message(text, default) -> str:
    """Why to_amount refused a typed amount: a number negative, too large or with more than two
    decimals is told so in the simulator's words; anything else ("abc") gets `default`."""
    value = typed_number(text)
    if value is None:
        return str(default)
    if value < 0:
        return str(_("Le montant ne peut pas être négatif."))
    if value > MAX_AMOUNT:
        return str(_("Le montant semble trop élevé : vérifiez-le."))
    return str(_("Indiquez au plus deux chiffres après la virgule."))


def cents(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")))


def line_value(line: dict) -> Decimal | None:
    """The amount a prefilled line declares: the prefilled one if confirmed, the typed one if corrected."""
    if line.get("choice") == "correct":
        return to_amount(line.get("typed"))
    return to_amount(line.get("prefilled"))


def other_typed(data: dict, person: str, month: str, kind: str) -> str:
    return data.get("other", {}).get(person, {}).get(month, {}).get(kind, "")


def problems(data: dict, adults: list[str], months: list[str]) -> list[tuple[str, str]]:
    """(field name, French message) for every answer that stops the filing; saving never needs this."""
    found = []
    for person in adults:
        for month in months:
            for position, line in enumerate(data.get("figures", {}).get(person, {}).get(month, [])):
                name = f"{person}-{month}-{position}"
                if line.get("choice") not in CHOICES:
                    found.append((f"{name}-choice", str(_("Confirmez ce montant ou corrigez-le."))))
                elif line.get("choice") == "confirm" and str(line.get("typed") or "").strip():
                    # "C'est exact" with an amount typed (even "-12"): which one is meant cannot be guessed.
                    found.append(
                        (
                            f"{name}-typed",
                            str(
                                _(
                                    "Vous avez confirmé ce montant et saisi un montant corrigé : "
                                    "choisissez « Je corrige ce montant » ou effacez le montant saisi."
                                )
                            ),
                        )
                    )
                elif line.get("choice") == "correct" and to_amount(line.get("typed")) is None:
                    found.append((f"{name}-typed", amount_message(line.get("typed") or "", CORRECTED_AMOUNT)))
            for kind in OTHER_INCOMES:
                typed = other_typed(data, person, month, kind)
                if typed not in ("", None) and to_amount(typed) is None:
                    found.append((f"{person}-{month}-{kind}", amount_message(typed, OTHER_AMOUNT)))
    return found


def amount_problems(data: dict, adults: list[str], months: list[str]) -> list[tuple[str, str]]:
    """(field name, French message) for every typed amount that is not an amount of euros ("abc"): the
    page says so at each save, beside the field, while the draft keeps what was typed."""
    found = []
    for person in adults:
        for month in months:
            for position, line in enumerate(data.get("figures", {}).get(person, {}).get(month, [])):
                typed = str(line.get("typed") or "")
                if typed.strip() and to_amount(typed) is None:
                    found.append(
                        (f"{person}-{month}-{position}-typed", amount_message(typed, CORRECTED_AMOUNT))
                    )
            for kind in OTHER_INCOMES:
                typed = other_typed(data, person, month, kind)
                if typed not in ("", None) and to_amount(typed) is None:
                    found.append((f"{person}-{month}-{kind}", amount_message(typed, OTHER_AMOUNT)))
    return found


def figure_rows(data: dict, adults: list[str], months: list[str]) -> list[dict]:
    """Every declared figure with its source, as filed: what the claim keeps for the instruction and audit.

    Prefilled lines keep the employer's value beside the declared one; other incomes are the person's.
    Amounts are decimal strings. Call it on a draft without problems.
    """
    rows = []
    for person in adults:
        for month in months:
            for line in data.get("figures", {}).get(person, {}).get(month, []):
                rows.append(
                    {
                        "person": person,
                        "month": month,
                        "type": "salary",
                        "source": "employer",
                        "employer": line.get("employer", ""),
                        "declared_on": line.get("declared_on", ""),
                        "prefilled": line.get("prefilled"),
                        "declared": cents(line_value(line)),
                        "corrected": line.get("choice") == "correct"
                        and line_value(line) != to_amount(line["prefilled"]),
                    }
                )
            for kind in OTHER_INCOMES:
                value = to_amount(other_typed(data, person, month, kind))
                if value:
                    rows.append(
                        {
                            "person": person,
                            "month": month,
                            "type": kind,
                            "source": "declared" if kind == DECLARED_SALARY else "person",
                            "declared": cents(value),
                        }
                    )
    return rows


def declares_no_income(rows: list[dict]) -> bool:
    """True when the figures (figure_rows) declare nothing over the quarter: every field blank or 0, as
    when the income service is down and the person typed nothing. Filing it needs an explicit "no income"."""
    return not any(Decimal(row["declared"]) > 0 for row in rows)


def household(file, data: dict, month: str) -> dict:
    """The neutral household of the file with the declared figures of the quarter.

    A declaration covers the past quarter only; the month M itself is taken equal to M-1, because the
    core (like OpenFisca) reads a type of income missing in M as a lost job and neutralises it.
    """
    months = quarter(month)
    rows = figure_rows(data, file.adult_ids, months)
    persons = []
    for member in file.members:
        person = {"id": member["id"], "role": member["role"], "birth_date": member["birth_date"]}
        if member["role"] != "child":
            incomes: dict[str, dict[str, float]] = {}
            for row in rows:
                if row["person"] == member["id"]:
                    series = incomes.setdefault(row["type"], {})
                    series[row["month"]] = round(series.get(row["month"], 0) + float(row["declared"]), 2)
            for series in incomes.values():
                if months[-1] in series:
                    series[month] = series[months[-1]]
            if incomes:
                person["incomes"] = incomes
            if member.get("taxable_n2"):
                year_n2 = str(month_index(month) // 12 - 2)
                person["yearly_taxable_income"] = {year_n2: {"salary": member["taxable_n2"]}}
            if member.get("activity"):
                person["activity"] = member["activity"]
        persons.append(person)
    return {"id": file.number, "month": month, "persons": persons, "housing": file.housing}
