"""Writes and computations of the simulator: views call these and render."""

import copy

from benefits.rules import ENGINE_VERSION, HouseholdInputError, compute, parameters_version, parse_household
from benefits.simulator.family_builder import add_family
from benefits.simulator.household_builder import build_household
from benefits.simulator.models import Simulation


def simulation_compute(*, answers: dict, month: str):
    """Builds the household from the answers and computes it; raises HouseholdInputError."""
    household = add_family(build_household(answers, month), answers.get("family"))
    return household, compute(parse_household(household, month), explain=True, extra=True)


def simulation_save(*, answers: dict, month: str) -> Simulation:
    household, result = simulation_compute(answers=answers, month=month)
    return Simulation.objects.create(
        month=month,
        answers=answers,
        household=household,
        result=result.to_dict(explain=True),
        engine_version=result.engine_version,
        parameters_version=result.parameters_version,
    )


def simulation_replay(*, simulation: Simulation) -> dict:
    """Recomputes a stored simulation. With the same engine and parameters the numbers must be the
    same; with newer versions the stored result stays the reference and the difference is reported."""
    same_versions = (
        simulation.engine_version == ENGINE_VERSION and simulation.parameters_version == parameters_version()
    )
    try:
        result = compute(
            parse_household(simulation.household, simulation.month), explain=True, extra=True
        ).to_dict(explain=True)
    except HouseholdInputError:
        return {"same_versions": same_versions, "identical": False, "result": None}
    return {
        "same_versions": same_versions,
        "identical": result["benefits"] == simulation.result["benefits"],
        "result": result,
    }


def simulation_what_if(*, simulation: Simulation, salary, rent=None) -> Simulation:
    """A new simulation from a stored one with another monthly salary (and rent): "et si…" on the result
    page. The stored one is left as it was, so its link keeps showing what was computed that day."""
    answers = copy.deepcopy(simulation.answers)
    incomes = answers.setdefault("incomes", {}).setdefault("applicant", {})
    incomes["salary"] = str(salary)
    incomes["salary_by_month"] = {}
    if rent is not None and answers.get("housing", {}).get("rent") not in (None, ""):
        answers["housing"]["rent"] = str(rent)
    return simulation_save(answers=answers, month=simulation.month)
