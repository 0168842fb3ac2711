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

    @property
    def is_tenant(self) -> bool:
        return self.status in TENANT_STATUSES


@dataclass(frozen=True, slots=True)
class Childcare:
    mode: str
    monthly_cost: float
    monthly_hours: float


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

    def __post_init__(self):
        adults = tuple(p for p in self.persons if p.role != CHILD)
        partner = next((p for p in self.persons if p.role == PARTNER), None)
        object.__setattr__(self, "adults", adults)
        object.__setattr__(self, "children", tuple(p for p in self.persons if p.role == CHILD))
        object.__setattr__(self, "partner", partner)
        object.__setattr__(self, "in_couple", partner is not None)

    @property
    def applicant(self) -> Person:
        return self.persons[0]
