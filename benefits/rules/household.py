"""The household as the rules see it: frozen dataclasses built by `parsing.parse_household`.

Incomes are kept per type as {month index: euros}; yearly taxable incomes (year N-2) are also spread
over the months of their year that carry no monthly figure, as the neutral format specifies
(the yearly total is authoritative).
"""

from dataclasses import dataclass, field
from datetime import date

APPLICANT, PARTNER, CHILD = "applicant", "partner", "child"
HOUSING_STATUSES = (
    "tenant_private",
    "tenant_private_furnished",
    "tenant_social",
    "owner",
    "owner_with_loan",
    "hosted_free",
    "homeless",
)
TENANT_STATUSES = frozenset({"tenant_private", "tenant_private_furnished", "tenant_social"})
ACTIVITIES = ("employed", "unemployed", "student", "retired", "inactive")
MONTHLY_INCOME_TYPES = (
    "salary",
    "salary_taxable",
    "self_employment",
    "unemployment_benefit",
    "unemployment_benefit_taxable",
    "pension",
    "pension_taxable",
    "invalidity_pension",
    "sickness_benefit",
    "alimony_received",
)
YEARLY_INCOME_TYPES = ("salary", "unemployment_benefit", "pension", "self_employment")
# Childcare paid by the family (CMG, CSS L531-5): a registered childminder or a carer employed at home.
CHILDCARE_MODES = ("assistante_maternelle", "home_care")

Series = dict[int, float]


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    role: str
    birth_date: date
    nationality: str = "FR"
    residence_permit_years: int = 0
    activity: str | None = None
    unemployed_since: date | None = None
    disability_rate: float = 0.0
    disability_employment_restriction: bool = False
    aah_couple_calculation_option: bool = False
    # Children only (benefits/rules/extra_parsing.py): the AEEH complement category the CDAPH granted
    # (1 to 6), care in a specialised setting (opens the AEEH at 50 to 79 %), and the day an adopted
    # child arrived in the home (prime à l'adoption).
    aeeh_category: int | None = None
    aeeh_specialised_care: bool = False
    adoption_date: date | None = None
    # Monthly series by income type, net and taxable, yearly amounts already spread (see module doc).
    incomes: dict[str, Series] = field(default_factory=dict)
    # Yearly taxable self-employment profit by year (micro regime, after allowance).
    self_employment_profit: dict[int, float] = field(default_factory=dict)
    # Memos of what depends on the person alone (the series never change once parsed): income sums
    # over month ranges, ages by month, yearly family-benefit bases by year.
    sums: dict[tuple[str, int, int], float] = field(default_factory=dict, compare=False, repr=False)
    ages: dict[int, int] = field(default_factory=dict, compare=False, repr=False)
    bases: dict[int, float] = field(default_factory=dict, compare=False, repr=False)

    # The __init__ the dataclass would write, written out (None stands for "a new dict", as the default
    # factories do): compiled, it stores the fields directly instead of running the dataclass's
    # interpreted one, which cost as much as the rest of a person's parsing (issue 16, fourth pass).
    def __init__(
        self,
        id: str,
        role: str,
        birth_date: date,
        nationality: str = "FR",
        residence_permit_years: int = 0,
        activity: str | None = None,
        unemployed_since: date | None = None,
        disability_rate: float = 0.0,
        disability_employment_restriction: bool = False,
        aah_couple_calculation_option: bool = False,
        aeeh_category: int | None = None,
        aeeh_specialised_care: bool = False,
        adoption_date: date | None = None,
        incomes: dict[str, Series] | None = None,
        self_employment_profit: dict[int, float] | None = None,
        sums: dict | None = None,
        ages: dict | None = None,
        bases: dict | None = None,
    ) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "role", role)
        object.__setattr__(self, "birth_date", birth_date)
        object.__setattr__(self, "nationality", nationality)
        object.__setattr__(self, "residence_permit_years", residence_permit_years)
        object.__setattr__(self, "activity", activity)
        object.__setattr__(self, "unemployed_since", unemployed_since)
        object.__setattr__(self, "disability_rate", disability_rate)
        object.__setattr__(self, "disability_employment_restriction", disability_employment_restriction)
        object.__setattr__(self, "aah_couple_calculation_option", aah_couple_calculation_option)
        object.__setattr__(self, "aeeh_category", aeeh_category)
        object.__setattr__(self, "aeeh_specialised_care", aeeh_specialised_care)
        object.__setattr__(self, "adoption_date", adoption_date)
        object.__setattr__(self, "incomes", {} if incomes is None else incomes)
        object.__setattr__(
            self, "self_employment_profit", {} if self_employment_profit is None else self_employment_profit
        )
        object.__setattr__(self, "sums", {} if sums is None else sums)
        object.__setattr__(self, "ages", {} if ages is None else ages)
        object.__setattr__(self, "bases", {} if bases is None else bases)

    @property
    def is_adult(self) -> bool:
        return self.role != CHILD

    def income(self, kind: str, month: int) -> float:
        series = self.incomes.get(kind)
        return series.get(month, 0.0) if series else 0.0

    def income_sum(self, kind: str, first: int, last: int) -> float:
        series = self.incomes.get(kind)
        if not series:
            return 0.0
        key = (kind, first, last)
        known = self.sums.get(key)
        if known is not None:
            return known
        total = 0.0
        for month in range(first, last + 1):
            total += series.get(month, 0.0)
        self.sums[key] = total
        return total


@dataclass(frozen=True, slots=True)
class Housing:
    status: str
    rent: float = 0.0
    zone: int | None = None
    commune_insee: str | None = None

    def __init__(
        self, status: str, rent: float = 0.0, zone: int | None = None, commune_insee: str | None = None
    ) -> None:  # written out, as Person's
        object.__setattr__(self, "status", status)
        object.__setattr__(self, "rent", rent)
        object.__setattr__(self, "zone", zone)
        object.__setattr__(self, "commune_insee", commune_insee)

    @property
    def is_tenant(self) -> bool:
        return self.status in TENANT_STATUSES


@dataclass(frozen=True, slots=True)
class Childcare:
    mode: str
    monthly_cost: float
    monthly_hours: float

    def __init__(self, mode: str, monthly_cost: float, monthly_hours: float) -> None:  # as Person's
        object.__setattr__(self, "mode", mode)
        object.__setattr__(self, "monthly_cost", monthly_cost)
        object.__setattr__(self, "monthly_hours", monthly_hours)


@dataclass(frozen=True, slots=True)
class Household:
    id: str
    month: int | None
    persons: tuple[Person, ...]
    housing: Housing
    single_parent_since: int | None = None
    childcare: Childcare | None = None
    # Whether the other parent pays a maintenance (pension alimentaire) for the children: the amount is
    # in the persons' `alimony_received`; None when the question was not asked (the ASF then assumes not).
    other_parent_pays_maintenance: bool | None = None
    # Derived once: the rules ask for them thousands of times per household.
    adults: tuple[Person, ...] = field(init=False, compare=False, repr=False)
    children: tuple[Person, ...] = field(init=False, compare=False, repr=False)
    partner: Person | None = field(init=False, compare=False, repr=False)
    in_couple: bool = field(init=False, compare=False, repr=False)

    def __init__(
        self,
        id: str,
        month: int | None,
        persons: tuple[Person, ...],
        housing: Housing,
        single_parent_since: int | None = None,
        childcare: Childcare | None = None,
        other_parent_pays_maintenance: bool | None = None,
    ) -> None:  # written out, as Person's, with what a __post_init__ derived
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "persons", persons)
        object.__setattr__(self, "housing", housing)
        object.__setattr__(self, "single_parent_since", single_parent_since)
        object.__setattr__(self, "childcare", childcare)
        object.__setattr__(self, "other_parent_pays_maintenance", other_parent_pays_maintenance)
        partner = next((p for p in persons if p.role == PARTNER), None)
        object.__setattr__(self, "adults", tuple(p for p in persons if p.role != CHILD))
        object.__setattr__(self, "children", tuple(p for p in persons if p.role == CHILD))
        object.__setattr__(self, "partner", partner)
        object.__setattr__(self, "in_couple", partner is not None)

    @property
    def applicant(self) -> Person:
        return self.persons[0]
