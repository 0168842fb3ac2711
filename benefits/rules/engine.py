"""compute(): one household, one month, eight benefits, each with its explanation."""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import cast

from benefits.rules.aah import allocation_adulte_handicape
from benefits.rules.af import allocations_familiales
from benefits.rules.aides_logement import aide_logement
from benefits.rules.ars import allocation_rentree_scolaire
from benefits.rules.asf import allocation_soutien_familial
from benefits.rules.assumptions import GENERAL, household_assumptions
from benefits.rules.cf import complement_familial
from benefits.rules.errors import HouseholdInputError, InputError
from benefits.rules.explain import SILENT, BenefitResult, Trace
from benefits.rules.extra_benefits import EXTRA_CALCULATORS
from benefits.rules.household import Household
from benefits.rules.months import month_index, month_label
from benefits.rules.params import parameters_version
from benefits.rules.parsing import FIRST_SUPPORTED, LAST_SUPPORTED, MONTH_RE
from benefits.rules.prime_activite import prime_activite
from benefits.rules.rsa import revenu_solidarite_active
from benefits.rules.situation import Situation
from benefits.rules.text import Text

ENGINE_VERSION = "2026.11.0"
BENEFITS = ("ppa", "rsa", "aide_logement", "aah", "af", "cf", "asf", "ars")
# Computed in this order: housing aid first, as the CAF does (RSA of last month neutralises its
# resources, and RSA/PPA deduct it as "forfait logement"), then the benefits that depend on it.
CALCULATORS = {
    "aide_logement": aide_logement,
    "af": allocations_familiales,
    "cf": complement_familial,
    "asf": allocation_soutien_familial,
    "aah": allocation_adulte_handicape,
    "rsa": revenu_solidarite_active,
    "ppa": prime_activite,
    "ars": allocation_rentree_scolaire,
}
ASSUMPTIONS = GENERAL  # the general assumptions; compute() adds the household's own


@dataclass(frozen=True, slots=True)
class SimulationResult:
    month: str
    household_id: str
    benefits: dict[str, BenefitResult]
    engine_version: str
    parameters_version: str
    assumptions: tuple[Text, ...] = field(default=ASSUMPTIONS)
    # The benefits of extra_benefits.py, only when compute(..., extra=True) asked for them.
    extras: dict[str, BenefitResult] = field(default_factory=dict)

    @property
    def total(self) -> Decimal:
        return sum((b.amount for b in self.benefits.values() if b.period == "month"), Decimal(0))

    def to_dict(self, explain: bool = True) -> dict:
        out: dict = {
            "id": self.household_id,
            "month": self.month,
            "benefits": {name: float(result.amount) for name, result in self.benefits.items()},
        }
        if explain:
            out["total_monthly"] = float(self.total)
            out["engine_version"] = self.engine_version
            out["parameters_version"] = self.parameters_version
            out["assumptions"] = [text.as_dict() for text in self.assumptions]
            out["explanation"] = {
                name: result.as_dict(explain=True) for name, result in self.benefits.items()
            }
        if self.extras:
            out["extra"] = {name: float(result.amount) for name, result in self.extras.items()}
            if explain:
                out["extra_explanation"] = {
                    name: result.as_dict(explain=True) for name, result in self.extras.items()
                }
        return out


def resolve_month(household: Household, month: str | None) -> int:
    """The month to compute; a missing, malformed or unsupported month is an input error like the others
    (HouseholdInputError, a ValueError), never a bare exception."""
    if month is not None and not (isinstance(month, str) and MONTH_RE.match(month)):
        raise HouseholdInputError(
            [
                InputError(
                    "month",
                    f"« {month} » n’est pas un mois au format AAAA-MM.",
                    f"'{month}' is not a YYYY-MM month.",
                )
            ]
        )
    index = month_index(month) if month else household.month
    if index is None:
        raise HouseholdInputError(
            [InputError("month", "Le mois est obligatoire (AAAA-MM).", "The month is required (YYYY-MM).")]
        )
    if not FIRST_SUPPORTED <= index <= LAST_SUPPORTED:
        label = month_label(index)
        raise HouseholdInputError(
            [
                InputError(
                    "month",
                    f"Le mois {label} n’est pas couvert : les calculs vont de 2025-01 à 2026-12.",
                    f"Month {label} is not supported: computations cover 2025-01 to 2026-12.",
                )
            ]
        )
    return index


def compute(
    household: Household, month: str | None = None, explain: bool = True, extra: bool = False
) -> SimulationResult:
    index = resolve_month(household, month)
    situation = Situation(household, index)
    results = {name: CALCULATORS[name](situation, Trace(explain)) for name in CALCULATORS}
    extras = (
        {name: calculate(situation, Trace(explain)) for name, calculate in EXTRA_CALCULATORS.items()}
        if extra
        else {}
    )
    return SimulationResult(
        month=month_label(index),
        household_id=household.id,
        benefits={name: results[name] for name in BENEFITS},
        engine_version=ENGINE_VERSION,
        parameters_version=parameters_version(),
        assumptions=household_assumptions(household, index),
        extras=extras,
    )


def compute_amounts(household: Household) -> dict[str, float]:
    """The batch's path (explanation off, no extra benefits): the eight amounts as floats, equal to
    `compute(household, explain=False).to_dict(explain=False)["benefits"]`, without building what only
    a result shows (BenefitResult, blocking reasons, assumptions, Decimals). `household.month` must be
    set and supported, as parse_household makes it."""
    situation = Situation(household, cast(int, household.month))
    amounts = {name: calculate(situation, SILENT) for name, calculate in CALCULATORS.items()}
    return {name: amounts[name] for name in BENEFITS}
