"""Monthly montant net social of the demo people, as the income data service would return them.

Deterministic: the same person and month always give the same figures. The last two digits of the
NIR choose the profile, and a few NIRs trigger the service's failures, for the tests and the demo.
"""

import hashlib
from datetime import date

PROFILES = {
    "01": "two_employers",
    "02": "month_without_pay",
    "03": "interim",
    "04": "partial_months",
}
FAULTS = {
    "90": "slow",  # answers after the client's time-out
    "91": "server_error",  # 503, every time
    "92": "not_found",  # 404: no data for this person (no permanent NIR, never employed...)
    "93": "invalid",  # 200 with a body that is not what the contract says
    "94": "flaky",  # 503 on the first call, then the figures (the client's retry succeeds)
}
FAULT_NAMES = frozenset(FAULTS.values())


def noise(nir: str, month: str) -> float:
    digest = hashlib.sha256(f"{nir}:{month}".encode()).digest()
    return digest[0] / 255


def declared_on(month: str) -> str:
    """Employers file the DSN of month M by the 5th or 15th of M+1 (CSS R133-14); the demo says the 5th."""
    year, number = int(month[:4]), int(month[5:7])
    year, number = (year + 1, 1) if number == 12 else (year, number + 1)
    return date(year, number, 5).isoformat()


def profile_of(nir: str) -> str:
    return PROFILES.get(nir[-2:], "steady")


def amounts_for(nir: str, months: list[str]) -> tuple[list[dict], list[str]]:
    """(rows, months the service has no declaration for yet)."""
    profile = profile_of(nir)
    rows, missing = [], []
    for position, month in enumerate(months):
        if profile == "two_employers":
            rows.append(row(month, "Boulangerie du Centre", 742.18))
            rows.append(row(month, "Nettoyage Services SARL", 311.40))
        elif profile == "month_without_pay":
            if position % 3 != 1:
                rows.append(row(month, "Supermarché des Lilas", 1180.55))
        elif profile == "interim":
            rows.append(row(month, "Intérim Plus Agence Lyon-Est", round(350 + 1300 * noise(nir, month), 2)))
        elif profile == "partial_months":
            if position == len(months) - 1:
                missing.append(month)
            else:
                rows.append(row(month, "Restaurant Le Midi", 905.00))
        else:
            rows.append(row(month, "Mairie de Villeurbanne", 1432.67))
    return rows, missing


def row(month: str, employer: str, amount: float) -> dict:
    return {
        "mois": month,
        "employeur": employer,
        "montant_net_social": f"{amount:.2f}",
        "date_declaration": declared_on(month),
    }
