"""Answers of the "Votre famille" step → the household fields of the PAJE, CMG and AEEH (pure, no Django).

An expected child becomes a `child` whose birth date is the expected date of birth (the core's
convention, benefits/rules/extra_parsing.py); a child's disability and AEEH category go on that child;
the childcare goes to the household's `childcare`.
"""

from decimal import Decimal

DISABILITY_RATES = {"50": 0.5, "80": 0.8}


def add_family(household: dict, family: dict | None) -> dict:
    if not family:
        return household
    children = {p["id"]: p for p in household["persons"] if p["role"] == "child"}
    for number, child in (family.get("children") or {}).items():
        person = children.get(f"c{number}")
        if person is None or child.get("disability", "none") == "none":
            continue
        person["disability_rate"] = DISABILITY_RATES[child["disability"]]
        if child["disability"] == "50":
            person["aeeh_specialised_care"] = True
        if child.get("category"):
            person["aeeh_category"] = int(child["category"])
    if family.get("due_date"):
        household["persons"].append({"id": "attendu", "role": "child", "birth_date": family["due_date"]})
    care = family.get("childcare") or {}
    if care.get("mode") not in (None, "none"):
        household["childcare"] = {
            "mode": care["mode"],
            "monthly_cost": float(Decimal(care.get("cost") or "0")),
            "monthly_hours": float(Decimal(care.get("hours") or "0")),
        }
    return household
