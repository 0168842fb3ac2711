"""Expert fast entry: the whole household on one page, for professionals (social workers, France services
advisers, CAF agents). Nothing is written: the page is the simulator's own forms side by side (same
fields, same validation messages) and the simulator's service for the computation (same core).
"""

from types import SimpleNamespace

from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from benefits.desk.expert_family import ExpertFamily, with_defaults
from benefits.rules import HouseholdInputError
from benefits.simulator import forms as simulator_forms
from benefits.simulator import presenters, services
from benefits.simulator.assumptions import assumption_lines
from benefits.simulator.extra_results import extra_benefits
from benefits.simulator.formatting import euros, month_name
from benefits.simulator.household_builder import history_months, recent_months, taxable_year
from benefits.simulator.periods import period_text
from benefits.simulator.result_page import in_display_order, step_lines

# Enough rows for nearly every household without a round trip; an empty row is not a child.
CHILD_ROWS = 6


class ExpertHouseholdForm(simulator_forms.HouseholdForm):
    """The simulator's "couple" question; the number of children is the rows filled in below."""

    children = None


def typed(data, prefix: str, form_class=None) -> dict:
    """What was typed under a prefix, as it is, to redisplay in a form that is not checked."""
    if not data:
        return {}
    start = f"{prefix}-"
    names = form_class.base_fields if form_class else None
    return {
        key.removeprefix(start): value
        for key, value in data.items()
        if key.startswith(start) and (names is None or key.removeprefix(start) in names)
    }


class ExpertEntry:
    """Every form of the page, bound to one POST (or unbound), and the answers they make together."""

    def __init__(self, data, month: str):
        data = with_defaults(data, CHILD_ROWS)
        self.month = month
        self.months = recent_months(month)
        income = {
            "recent_months": self.months,
            "since": month_name(history_months(month)[0]),
            "taxable_year": taxable_year(month),
            "initial": {"salary": "0"},
        }
        self.household = ExpertHouseholdForm(data, prefix="foyer", initial={"couple": "non"})
        self.couple = bool(data) and data.get("foyer-couple") == "oui"
        # The forms that do not apply (the partner's for a person alone, the single parent's for a
        # couple) keep what was typed, unbound, so they show no error and are not read.
        partner_data = data if self.couple else None
        alone_data = None if self.couple else data
        self.applicant = simulator_forms.PersonForm(data, prefix="demandeur")
        self.partner = simulator_forms.PersonForm(
            partner_data, prefix="conjoint", initial=typed(data, "conjoint", simulator_forms.PersonForm)
        )
        self.children = [
            simulator_forms.ChildForm(
                data, prefix=f"enfant{number}", empty_permitted=True, use_required_attribute=False
            )
            for number in range(1, CHILD_ROWS + 1)
        ]
        self.single_parent = simulator_forms.SingleParentForm(
            alone_data, prefix="isolement", initial=typed(data, "isolement", simulator_forms.SingleParentForm)
        )
        self.housing = simulator_forms.HousingForm(data, prefix="logement")
        self.applicant_incomes = simulator_forms.IncomeForm(data, prefix="revenus-demandeur", **income)
        partner_income = dict(income, initial=dict(income["initial"], **typed(data, "revenus-conjoint")))
        self.partner_incomes = simulator_forms.IncomeForm(
            partner_data, prefix="revenus-conjoint", **partner_income
        )
        # The N-2 taxable income is the whole household's: asked once, with the applicant's incomes.
        del self.partner_incomes.fields["taxable_n2"]
        self.family = ExpertFamily(data, month, CHILD_ROWS)
        self.compute_errors = []
        self._name_sections()

    def _name_sections(self):
        """The two adults share field labels ("Date de naissance"): the error summary names the section."""
        sections = {
            self.household: _("Foyer"),
            self.applicant: _("Demandeur ou demandeuse"),
            self.partner: _("Conjoint ou conjointe"),
            self.single_parent: _("Foyer"),
            self.housing: _("Logement"),
            self.applicant_incomes: _("Revenus du demandeur ou de la demandeuse"),
            self.partner_incomes: _("Revenus du conjoint ou de la conjointe"),
        }
        for form, section in sections.items():
            form.section = section
        for number, form in enumerate(self.children, start=1):
            form.section = _("Enfants")
            form.fields["birth_date"].label = format_lazy(
                _("Enfant {number} : date de naissance"), number=number
            )
            form.fields["birth_date"].help_text = ""

    @property
    def adults(self) -> list[tuple]:
        return [
            (self.applicant, self.applicant_incomes, _("Demandeur ou demandeuse")),
            (self.partner, self.partner_incomes, _("Conjoint ou conjointe (seulement pour un couple)")),
        ]

    def checked_forms(self) -> list:
        """The forms the answers read: the partner's only for a couple, the single parent's only alone."""
        forms = [self.household, self.applicant, self.applicant_incomes, *self.children, self.housing]
        if self.couple:
            forms += [self.partner, self.partner_incomes]
        elif any(f.has_changed() for f in self.children):
            forms.append(self.single_parent)  # asked of a person alone with children, as in the simulator
        return forms + self.family.checked_forms(self.filled_rows())

    def filled_rows(self) -> list[int]:
        """Numbers (from 1) of the child rows with a birth date: a row left empty is not a child."""
        return [
            n
            for n, f in enumerate(self.children, start=1)
            if f.is_valid() and f.cleaned_data.get("birth_date")
        ]

    def filled_children(self) -> list:
        return [self.children[row - 1] for row in self.filled_rows()]

    def is_valid(self) -> bool:
        if not self.household.is_bound:
            return False
        valid = all([form.is_valid() for form in self.checked_forms()])  # every form: every message
        partner = self.partner if self.couple else None
        return valid and presenters.check_ages(self.applicant, partner, self.filled_children())

    def with_errors(self) -> list:
        return [f for f in self.checked_forms() if f.is_bound and f.errors]

    def answers(self) -> dict:
        """The simulator's answers format (benefits/simulator/household_builder.py), from valid forms."""
        housing = self.housing.cleaned_data
        children = self.filled_children()
        answers = {
            "couple": self.couple,
            "applicant": presenters.person_answers(self.applicant),
            "children": [{"birth_date": f.cleaned_data["birth_date"].isoformat()} for f in children],
            "housing": {
                "status": housing["status"],
                "rent": "" if housing.get("rent") is None else str(housing["rent"]),
                "commune": housing.get("commune_code", ""),
                "zone": housing.get("zone", ""),
            },
            "incomes": {"applicant": self.applicant_incomes.answers()},
            "family": self.family.answers(self.filled_rows()),
        }
        if self.couple:
            answers["partner"] = presenters.person_answers(self.partner)
            answers["incomes"]["partner"] = self.partner_incomes.answers()
        elif children:
            answers["single_parent_since"] = self.single_parent.cleaned_data["since"]
            answers["other_parent_maintenance"] = self.single_parent.cleaned_data.get("maintenance", "")
        return answers

    def compute(self) -> dict | None:
        """The explained result (the result page's presentation), or None with compute_errors set."""
        try:
            household, result = services.simulation_compute(answers=self.answers(), month=self.month)
        except HouseholdInputError as error:
            self.compute_errors = error.errors
            return None
        return presentation(household, result.to_dict(explain=True), self.month)


def presentation(household: dict, result: dict, month: str) -> dict:
    language = "en" if get_language() == "en" else "fr"
    benefits = []
    for name, detail in in_display_order(result["explanation"]):
        benefits.append(
            {
                "name": name,
                "label": detail["label"][language],
                "amount": detail["amount"],
                "amount_text": euros(detail["amount"]),
                "period_text": period_text(name, detail["period"], month),
                "reason": (detail["blocking_reason"] or {}).get(language),
                "steps": step_lines(detail["steps"], language),
            }
        )
    stored = SimpleNamespace(result=result, household=household)
    return {
        "month_name": month_name(month),
        "benefits": benefits,
        "total": result["total_monthly"],
        "total_text": euros(result["total_monthly"]),
        "assumptions": assumption_lines(result, household, language),
        "extras": extra_benefits(stored, language, step_lines),
        "engine_version": result["engine_version"],
        "parameters_version": result["parameters_version"],
    }
