"""One household seen at one or several months, with the facts several benefits share, computed once.

Benefits ask the situation for ages, dependent children, resources... A situation memoises every
answer per month, because the prime d'activité looks back on three months and each of them needs the
family benefits and the housing aid of that month. The memo tables are typed, one per kind of answer,
keyed by a small int (`slot(month)`, `person_slot(person, month)`): no tuple key is built, hashed and
freed per question, and the compiled core keeps the values' types.
"""

from datetime import date

from benefits.rules.ages import age_months_in_month, age_years_in_month
from benefits.rules.household import CHILD, Household, Person
from benefits.rules.months import first_day
from benefits.rules.parameter_tree import Parameters
from benefits.rules.params import parameters_at

HOURS_PER_MONTH = 169  # legal monthly duration (35 h × 52 / 12), used for SMIC-based thresholds


# Parameters in force on the first day of each month from 2000-01 to 2049-12, loaded on first use
# (Situation.params): a list indexed by the month, so that a look-up allocates nothing.
_PARAMS_FIRST_MONTH = 2000 * 12
_PARAMS_BY_MONTH: list[Parameters | None] = [None] * (50 * 12)
# Year → parameters in force on its 31 December (Situation.params_year_end).
_PARAMS_BY_YEAR_END: dict[int, Parameters] = {}
# The memo keys count months from this many months before the situation's month, so that the months the
# rules ask (a year back at most) give small ints, which CPython never allocates; any month still works.
SLOT_ORIGIN = 32


class Situation:
    def __init__(self, household: Household, month: int):
        self.household = household
        self.month = month
        self.origin = month - SLOT_ORIGIN
        self.positions: dict[str, int] = {person.id: i for i, person in enumerate(household.persons)}
        self.stride = len(household.persons)
        # By slot(month):
        self.expecting_months: dict[int, bool] = {}
        self.rsa_children: dict[int, list[Person]] = {}
        self.rsa_amounts: dict[int, float] = {}  # slot * 2 + housing_aid_known
        self.ppa_fictive: dict[int, float] = {}
        self.housing_aid: dict[int, float] = {}
        self.housing_dependants: dict[int, int] = {}
        self.housing_resources: dict[int, float] = {}
        self.aspa_for_rsa: dict[int, float] = {}
        self.af_parts: dict[int, dict[str, float]] = {}
        self.cf_parts: dict[int, dict[str, float]] = {}
        self.asf_amounts: dict[int, float] = {}
        self.paje_bases: dict[int, float] = {}
        self.family_bases: dict[str, dict[int, float]] = {}  # by the children's test, then by slot
        # By person_slot(person, month):
        self.autonomous: dict[int, bool] = {}
        self.pf_dependents: dict[int, bool] = {}
        self.activity_incomes: dict[int, float] = {}
        self.other_incomes: dict[int, float] = {}
        self.ppa_earned: dict[int, float] = {}
        self.aah_amounts: dict[int, float] = {}
        self.asi_amounts: dict[int, float] = {}

    def slot(self, month: int) -> int:
        """The key of `month` in the memo tables by month."""
        return month - self.origin

    def person_slot(self, person: Person, month: int) -> int:
        """The key of (`person`, `month`) in the memo tables by person and month."""
        return (month - self.origin) * self.stride + self.positions[person.id]

    # --- calendar and parameters -------------------------------------------------------------
    @staticmethod
    def day(month: int) -> date:
        return first_day(month)

    @staticmethod
    def params(month: int) -> Parameters:
        """The parameters in force on the first day of `month`: the rules ask ~170 times per household."""
        position = month - _PARAMS_FIRST_MONTH
        if not 0 <= position < len(_PARAMS_BY_MONTH):
            return parameters_at(first_day(month))
        values = _PARAMS_BY_MONTH[position]
        if values is None:
            values = _PARAMS_BY_MONTH[position] = parameters_at(first_day(month))
        return values

    @staticmethod
    def params_year_end(year: int) -> Parameters:
        """The parameters in force on 31 December of `year`."""
        values = _PARAMS_BY_YEAR_END.get(year)
        if values is None:
            values = _PARAMS_BY_YEAR_END[year] = parameters_at(date(year, 12, 31))
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
            value = person.ages[month] = age_years_in_month(person.birth_date, month)
        return value

    def age_in_months(self, person: Person, month: int) -> int:
        return age_months_in_month(person.birth_date, month)

    def financially_autonomous(self, person: Person, month: int) -> bool:
        """A young person earning, on average over the six previous months, at least 55 % of the
        monthly SMIC (169 h) is no longer a dependent child (CSS R512-2)."""
        if "salary" not in person.incomes:  # no salary ever: an average of 0 is under any threshold
            return False
        key = self.person_slot(person, month)
        if key not in self.autonomous:
            p = self.params(month)
            average = person.income_sum("salary", month - 6, month - 1) / 6
            threshold = (
                p.prestations_familiales.plafond_remuneration_enfant * p.smic_horaire_brut * HOURS_PER_MONTH
            )
            self.autonomous[key] = average >= threshold
        return self.autonomous[key]

    def pf_dependent(self, person: Person, month: int) -> bool:
        """Dependent child in the sense of family benefits (CSS L512-3, R512-2): under 16, or under 20
        and not financially autonomous."""
        if person.role != CHILD:
            return False
        key = self.person_slot(person, month)
        if key not in self.pf_dependents:
            p = self.params(month).prestations_familiales
            age = self.age(person, month)
            self.pf_dependents[key] = 0 <= age < p.age_fin_obligation_scolaire or (
                p.age_fin_obligation_scolaire <= age < p.age_limite
                and not self.financially_autonomous(person, month)
            )
        return self.pf_dependents[key]

    def pf_children(self, month: int) -> list[Person]:
        return [c for c in self.household.children if self.pf_dependent(c, month)]

    def expecting(self, month: int) -> bool:
        """A child of the household born in the next six months means a pregnancy in `month` (it opens
        the single-parent RSA and prime d'activité, and the couple scale of housing aid)."""
        key = self.slot(month)  # asked ~10 times per household and month
        value = self.expecting_months.get(key)
        if value is None:
            ages = [self.age_in_months(c, month) for c in self.household.children]
            value = self.expecting_months[key] = bool(ages) and -6 < min(ages) < 0
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
