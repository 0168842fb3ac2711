"""The calculation core of Portail allocataires: pure Python, no Django.

household = parse_household(data, "2026-06")      # HouseholdInputError lists every problem
result = compute(household)                         # eight benefits, each explained step by step
"""

# First: decides whether the compiled modules may load (they never shadow an edited source).
from benefits.rules import core_build  # noqa: F401

# isort: split
from benefits.rules.batch import compute_batch
from benefits.rules.communes import housing_zone_for_commune
from benefits.rules.engine import BENEFITS, ENGINE_VERSION, SimulationResult, compute
from benefits.rules.errors import HouseholdInputError, InputError
from benefits.rules.params import parameters_version
from benefits.rules.parsing import SUPPORTED_MONTHS, parse_household
from benefits.rules.periods import required_months
from benefits.rules.text import Text

__all__ = [
    "BENEFITS",
    "ENGINE_VERSION",
    "SUPPORTED_MONTHS",
    "HouseholdInputError",
    "InputError",
    "SimulationResult",
    "Text",
    "compute",
    "compute_batch",
    "housing_zone_for_commune",
    "parameters_version",
    "parse_household",
    "required_months",
]
