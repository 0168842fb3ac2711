"""Prefilled figures of a declaration: the montant net social of each adult, from the imported monthly
feed where it covers the quarter, else from the income data service."""

from benefits.claims.models import AllocataireFile
from benefits.income.client import IncomeUnavailable, fetch_net_social_amounts
from benefits.income.imported import imported_report


def prefill_person(nir: str, months: list[str]) -> tuple[dict, str, list[str]]:
    """({month: [line, ...]}, "ok" or the reason it is unavailable, months the service has no data for)."""
    report = imported_report(nir, months)
    if report is None:
        try:
            report = fetch_net_social_amounts(nir, months)
        except IncomeUnavailable as unavailable:
            return {m: [] for m in months}, unavailable.reason, []
    figures = {
        m: [
            {
                "employer": line.employer,
                "prefilled": line.amount,
                "declared_on": line.declared_on,
                "choice": "",
                "typed": "",
            }
            for line in report.lines_for(m)
        ]
        for m in months
    }
    return figures, "ok", list(report.missing_months)


def prefill_file(file: AllocataireFile, months: list[str]) -> dict:
    """The prefilled part of a new draft's data for every adult of the file."""
    data = {"figures": {}, "prefill": {}, "missing": {}, "other": {}}
    for adult in file.adults:
        figures, status, missing = prefill_person(adult.get("nir", ""), months)
        data["figures"][adult["id"]] = figures
        data["prefill"][adult["id"]] = status
        data["missing"][adult["id"]] = missing
    return data


def is_untouched(figures: dict) -> bool:
    """No prefilled line was confirmed, corrected or typed in yet: a refresh cannot lose an answer."""
    return not any(line.get("choice") or line.get("typed") for lines in figures.values() for line in lines)
