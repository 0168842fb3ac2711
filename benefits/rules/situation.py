"""One household seen at one or several months, with the facts several benefits share, computed once.

Benefits ask the situation for ages, dependent children, resources... A situation memoises every
answer per month, because the prime d'activité looks back on three months and each of them needs the
family benefits and the housing aid of that month.
"""

from datetime import date

from benefits.rules.ages import age_months, age_years
from benefits.rules.household import CHILD, Household, Person
from benefits.rules.months import first_day
from benefits.rules.parameter_tree import Parameters
from benefits.rules.params import parameters_at

HOURS_PER_MONTH = 169  # legal monthly duration (35 h × 52 / 12), used for SMIC-based thresholds


# Month index → parameters in force on its first day, loaded on first use (Situation.params).
_PARAMS_BY_MONTH: dict[int, Parameters] = {}


class Situation:
    def __init__(self, household: Household, month: int):
        self.household = household
        self.month = month
        self.memo: dict = {}

    # --- calendar and parameters -------------------------------------------------------------
    @staticmethod
    def day(month: int) -> date:
        return first_day(month)

    @staticmethod
    def params(month: int) -> Parameters:
        """The parameters in force on the first day of `month`: the rules ask ~170 times per household."""
        values = _PARAMS_BY_MONTH.get(month)
        if values is None:
            values = _PARAMS_BY_MONTH[month] = parameters_at(first_day(month))
        return values

    @staticmethod
    def params_on(day: date) -> Parameters:
        return parameters_at(day)

    # --- persons ----------------------------------------------------------------------------
    @staticmethod
    def age(person: Person, month: int) -> int:
        # Memoised on the person: asked ~100 times per household, always for a few months.
        value = person.ages.get(month)
        if value is None:
            value = person.ages[month] = age_years(person.birth_date, first_day(month))
        return value

    def age_in_months(self, person: Person, month: int) -> int:
        return age_months(person.birth_date, first_day(month))

    def financially_autonomous(self, person: Person, month: int) -> bool:
        """A young person earning, on average over the six previous months, at least 55 % of the
        monthly SMIC (169 h) is no longer a dependent child (CSS R512-2)."""
        if "salary" not in person.incomes:  # no salary ever: an average of 0 is under any threshold
            return False
        key = ("autonomous", person.id, month)
        if key not in self.memo:
            p = self.params(month)
            average = person.income_sum("salary", month - 6, month - 1) / 6
            threshold = (
                p.prestations_familiales.plafond_remuneration_enfant * p.smic_horaire_brut * HOURS_PER_MONTH
            )
            self.memo[key] = average >= threshold
        return self.memo[key]

    def pf_dependent(self, person: Person, month: int) -> bool:
        """Dependent child in the sense of family benefits (CSS L512-3, R512-2): under 16, or under 20
        and not financially autonomous."""
        if person.role != CHILD:
            return False
        key = ("pf_dependent", person.id, month)
        if key not in self.memo:
            p = self.params(month).prestations_familiales
            age = self.age(person, month)
            self.memo[key] = 0 <= age < p.age_fin_obligation_scolaire or (
                p.age_fin_obligation_scolaire <= age < p.age_limite
                and not self.financially_autonomous(person, month)
            )
        return self.memo[key]

    def pf_children(self, month: int) -> list[Person]:
        return [c for c in self.household.children if self.pf_dependent(c, month)]

    def expecting(self, month: int) -> bool:
        """A child of the household born in the next six months means a pregnancy in `month` (it opens
        the single-parent RSA and prime d'activité, and the couple scale of housing aid)."""
        key = ("expecting", month)  # asked ~10 times per household and month
        value = self.memo.get(key)
        if value is None:
            ages = [self.age_in_months(c, month) for c in self.household.children]
            value = self.memo[key] = bool(ages) and -6 < min(ages) < 0
        return value

    def children_aged(self, month: int, low: int, high: int) -> int:
        """Children aged low..high (inclusive) who are not financially autonomous."""
        return sum(
            [
                1
                for c in self.household.children
                if low <= self.age(c, month) <= high and not self.financially_autonomous(c, month)
            ]
        )
