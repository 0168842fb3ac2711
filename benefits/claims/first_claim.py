"""A first claim of prime d'activité or RSA: the household, the home, each adult's situation, the bank
account and the sworn statement, on top of the quarter's incomes (issue 17, D4).

The answers are kept as typed in the draft's data["claim"] (nothing lost, like the figures) and checked
by FirstClaimForm when the person continues and again when the claim is filed. They are prefilled from
the allocataire file where it knows them. The IBAN and the BIC are checked with python-stdnum (ISO
13616 check digits and each country's format; ISO 9362).
"""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from stdnum import bic, iban
from stdnum.exceptions import ValidationError as NumberError

from benefits.choices import PAYS_RENT, YES_NO, housing_choices, radio
from benefits.claims import declaration
from benefits.claims.models import Kind

FIRST_CLAIMS = (Kind.PPA, Kind.RSA)
HOUSING = housing_choices(homeless=_("Sans domicile stable (domiciliation)"))
RENTS = PAYS_RENT
# Each adult's situation; "self_employed" is computed as work (its turnover is declared with the incomes).
SITUATIONS = [
    ("employed", _("Salarié ou salariée (CDI, CDD, intérim, apprentissage)")),
    ("self_employed", _("À votre compte : travail indépendant ou micro-entreprise")),
    ("unemployed", _("Demandeur ou demandeuse d’emploi")),
    ("student", _("Étudiant ou étudiante")),
    ("retired", _("À la retraite")),
    ("inactive", _("Sans activité")),
]
ACTIVITY_OF = {"self_employed": "employed"}


def is_first_claim(kind: str) -> bool:
    return kind in FIRST_CLAIMS


class FirstClaimForm(forms.Form):
    """Validates data["claim"]; built for the adults of the file (one situation question each)."""

    household_confirmed = radio(
        _("Ces personnes sont-elles bien celles qui vivent avec vous ?"),
        YES_NO,
        _("Indiquez si votre foyer est bien celui-ci."),
    )
    household_changes = forms.CharField(
        label=_("Si non : qui est arrivé ou parti, et depuis quand ?"),
        required=False,
        max_length=500,
    )
    housing_status = radio(_("Votre logement"), HOUSING, _("Indiquez votre situation de logement."))
    rent = forms.CharField(
        label=_("Loyer ou mensualité de prêt, par mois, sans les charges (en euros)"),
        help_text=_("Seulement si vous êtes locataire ou remboursez un prêt. Par exemple 650 ou 1 200,50."),
        required=False,
        max_length=32,
    )
    iban = forms.CharField(
        label=_("IBAN du compte où verser l’aide"),
        help_text=_("27 caractères pour un compte en France, par exemple FR76 3000 6000 0112 3456 7890 189."),
        max_length=42,
        error_messages={"required": _("Indiquez l’IBAN du compte.")},
    )
    bic = forms.CharField(
        label=_("BIC (code de la banque)"),
        help_text=_("8 ou 11 caractères, sur votre relevé d’identité bancaire (RIB), par exemple BNPAFRPP."),
        max_length=14,
        error_messages={"required": _("Indiquez le BIC de la banque.")},
    )
    holder = forms.CharField(
        label=_("Nom du titulaire du compte"),
        help_text=_("Tel qu’il figure sur le RIB : le vôtre, ou celui de votre conjoint ou conjointe."),
        max_length=120,
        error_messages={"required": _("Indiquez le nom du titulaire du compte.")},
    )

    def __init__(self, *args, adults=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.adults = list(adults)
        for adult in self.adults:
            name = f"{adult['given_names']} {adult['family_name']}".strip()
            self.fields[f"situation_{adult['id']}"] = radio(
                format_lazy(_("Situation actuelle de {name}"), name=name),
                SITUATIONS,
                _("Indiquez la situation de cette personne."),
            )

    def clean_rent(self):
        typed = self.cleaned_data["rent"]
        if typed.strip() == "":
            return ""
        value = declaration.to_amount(typed)
        if value is None:
            raise forms.ValidationError(_("Indiquez un montant en euros, par exemple 650 ou 1 200,50."))
        return declaration.cents(value)

    def clean_iban(self):
        try:
            return iban.validate(self.cleaned_data["iban"])
        except NumberError:
            raise forms.ValidationError(
                _("Cet IBAN n’est pas valide : vérifiez chaque caractère sur votre RIB.")
            ) from None

    def clean_bic(self):
        try:
            return bic.validate(self.cleaned_data["bic"])
        except NumberError:
            raise forms.ValidationError(
                _("Ce BIC n’est pas valide : 8 ou 11 lettres et chiffres, par exemple BNPAFRPP.")
            ) from None

    def clean(self):
        data = super().clean()
        if data.get("household_confirmed") == "non" and not (data.get("household_changes") or "").strip():
            self.add_error("household_changes", _("Dites ce qui a changé dans votre foyer."))
        if data.get("housing_status") in RENTS and not data.get("rent") and "rent" not in self.errors:
            self.add_error("rent", _("Indiquez le loyer ou la mensualité, sans les charges."))
        return data


def initial_answers(file) -> dict:
    """What the file already knows, as the form's values: the person confirms or changes it."""
    housing = file.housing or {}
    answers = {"housing_status": housing.get("status", "")}
    if housing.get("rent"):
        answers["rent"] = str(housing["rent"]).replace(".", ",")
    for adult in file.adults:
        if adult.get("activity"):
            answers[f"situation_{adult['id']}"] = adult["activity"]
    holder = f"{file.given_names.split()[0] if file.given_names else ''} {file.family_name}".strip()
    answers["holder"] = holder
    return answers


def claim_form(draft, data=None) -> FirstClaimForm:
    answers = draft.data.get("claim", {}) if data is None else data
    return FirstClaimForm(answers, adults=draft.file.adults)


def typed_answers_form(draft) -> FirstClaimForm:
    """The saved answers, with the errors of what was typed wrong ("abc" as the rent, an IBAN with a
    typo) shown at each save; answers still missing are asked for after "continuer" only."""
    form = claim_form(draft)
    if not form.is_valid():
        for name in list(form.errors):
            if not str(form.data.get(name) or "").strip():
                del form.errors[name]
    return form


def field_names(draft) -> list[str]:
    return list(FirstClaimForm(adults=draft.file.adults).fields)


def claim_problems(draft) -> list[tuple[str, str]]:
    """(field id, message) of a first claim's answers; none for a quarterly declaration."""
    if not is_first_claim(draft.kind):
        return []
    form = claim_form(draft)
    if form.is_valid():
        return []
    return [(f"id_{name}", str(errors[0])) for name, errors in form.errors.items()]


def cleaned_answers(draft) -> dict:
    form = claim_form(draft)
    return form.cleaned_data if form.is_valid() else {}


def apply_answers(household: dict, draft) -> dict:
    """The household the core computes, with the home and each adult's situation as now declared."""
    answers = cleaned_answers(draft)
    if not answers:
        return household
    housing = {k: v for k, v in household.get("housing", {}).items() if k in ("zone", "commune_insee")}
    housing["status"] = answers["housing_status"]
    if answers["housing_status"] in RENTS:
        housing["rent"] = float(answers["rent"])
    household["housing"] = housing
    for person in household["persons"]:
        situation = answers.get(f"situation_{person['id']}")
        if situation:
            person["activity"] = ACTIVITY_OF.get(situation, situation)
    return household


def answer_rows(draft) -> list[dict]:
    """The claim's own answers for the check page, each with the id of its field ("Modifier")."""
    answers = cleaned_answers(draft)
    if not answers:
        return []
    form = FirstClaimForm(adults=draft.file.adults)
    choices = {name: dict(field.choices) for name, field in form.fields.items() if hasattr(field, "choices")}
    rows = []
    for name, field in form.fields.items():
        value = answers.get(name, "")
        if value in ("", None):
            continue
        if name in choices:
            value = choices[name].get(value, value)
        elif name == "iban":
            value = iban.format(value)
        elif name == "rent":
            value = declaration.to_amount(value)
            from benefits.simulator.formatting import euros

            value = euros(value)
        rows.append({"label": field.label, "value": value, "anchor": f"id_{name}"})
    return rows
