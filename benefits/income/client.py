"""Client of the monthly income data service (DRM: "dispositif de ressources mensuelles").

It returns the montant net social that employers declared (DSN) for one person, by NIR, for some
months. Short time-outs, a bounded retry on time-outs and server errors, and a typed
IncomeUnavailable otherwise: a declaration never blocks on this service, people then type the amounts.

The NIR travels in the JSON body of a POST, never in the URL, so that no access log, proxy log or
urllib3 debug line ever holds it; this module logs reasons and counts, never the person.
"""

import logging
import time
from dataclasses import dataclass

import requests
from django.conf import settings

logger = logging.getLogger(__name__)

MAX_RESPONSE_BYTES = 256 * 1024
ENDPOINT = "montants-nets-sociaux"


@dataclass(frozen=True)
class IncomeLine:
    month: str  # YYYY-MM
    employer: str  # the employer's name, as declared in its DSN
    amount: str  # euros, as a decimal string ("1234.56")
    declared_on: str  # date the employer declared it (DSN), YYYY-MM-DD


@dataclass(frozen=True)
class IncomeReport:
    lines: tuple[IncomeLine, ...]
    # Months the service cannot answer for yet (an employer's DSN not received): not the same as a
    # month without pay, so the page asks the person instead of showing "nothing declared".
    missing_months: tuple[str, ...] = ()

    def lines_for(self, month: str) -> list[IncomeLine]:
        return [line for line in self.lines if line.month == month]


class IncomeUnavailable(Exception):
    """reason: "timeout", "server_error", "no_data", "invalid_response", "refused", "not_configured"."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def session() -> requests.Session:
    """The HTTP session; tests mount an adapter on it to reach the emulator in-process."""
    return requests.Session()


def fetch_net_social_amounts(
    nir: str, months: list[str], http: requests.Session | None = None
) -> IncomeReport:
    """The montant net social of `nir` for `months`, or IncomeUnavailable (never another exception)."""
    base = settings.INCOME_API_URL
    if not base:
        raise IncomeUnavailable("not_configured")
    http = http or session()
    headers = {"Accept": "application/json"}
    if settings.INCOME_API_TOKEN:
        headers["Authorization"] = f"Bearer {settings.INCOME_API_TOKEN}"
    started = time.monotonic()
    try:
        report = call_with_retries(http, f"{base.rstrip('/')}/{ENDPOINT}", headers, nir, months)
    except IncomeUnavailable as unavailable:
        logger.warning("income data unavailable: %s", unavailable.reason)
        raise
    logger.info(
        "income data: %d line(s), %d month(s) missing, %.0f ms",
        len(report.lines),
        len(report.missing_months),
        (time.monotonic() - started) * 1000,
    )
    return report


def call_with_retries(http, url: str, headers: dict, nir: str, months: list[str]) -> IncomeReport:
    last_error = "server_error"
    for _attempt in range(1 + settings.INCOME_API_RETRIES):
        try:
            response = http.post(
                url, json={"nir": nir, "mois": months}, headers=headers, timeout=settings.INCOME_API_TIMEOUT
            )
        except requests.Timeout:
            last_error = "timeout"
            continue
        except requests.RequestException:
            last_error = "server_error"
            continue
        if response.status_code == 404:
            raise IncomeUnavailable("no_data")
        if response.status_code in (401, 403):
            raise IncomeUnavailable("refused")
        if response.status_code >= 500:
            last_error = "server_error"
            continue
        if response.status_code != 200 or len(response.content) > MAX_RESPONSE_BYTES:
            raise IncomeUnavailable("invalid_response")
        return parse(response, months)
    raise IncomeUnavailable(last_error)


def parse(response, months: list[str]) -> IncomeReport:
    try:
        body = response.json()
        lines = tuple(
            IncomeLine(
                month=str(row["mois"]),
                employer=str(row["employeur"])[:120],
                amount=checked_amount(row["montant_net_social"]),
                declared_on=str(row["date_declaration"])[:10],
            )
            for row in body["montants"]
            if row["mois"] in months
        )
        missing = tuple(m for m in body.get("mois_sans_donnees", []) if m in months)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise IncomeUnavailable("invalid_response") from None
    return IncomeReport(lines=lines, missing_months=missing)


def checked_amount(value) -> str:
    """A non-negative amount with at most two decimals, as a string; anything else is a bad answer."""
    text = str(value)
    whole, _, cents = text.partition(".")
    if not whole.isdigit() or (cents and not (cents.isdigit() and len(cents) <= 2)):
        raise ValueError("not an amount")
    return f"{whole}.{cents.ljust(2, '0')}"
