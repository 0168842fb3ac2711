"""Forms of the questionnaire: they parse and validate, and hand out plain values for the answers."""

import re
from datetime import date
from decimal import Decimal

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from benefits.choices import HOUSING, TENANTS, YES_NO, radio
from benefits.date_hints import BIRTH_DATE_HINT
from benefits.simulator.communes import resolve_commune
from benefits.simulator.formatting import month_name

ACTIVITIES = [
    ("employed", _("Je travaille (salariat, intérim, apprentissage, à mon compte)")),
    ("unemployed", _("Je suis au chômage")),
    ("student", _("Je fais des études")),
    ("retired", _("Je suis à la retraite")),
    ("inactive", _("Sans activité")),
]
DISABILITY = [
    ("none", _("Non")),
    ("50", _("Oui, taux de 50 à 79 %")),
    ("80", _("Oui, taux d’au moins 80 %")),
]
NATIONALITY = [
    ("fr", _("Française")),
    ("eee", _("D’un pays de l’Union européenne, de l’EEE ou Suisse")),
    ("autre", _("D’un autre pays")),
]
ZONES = [
    ("", _("Je ne sais pas")),
    ("1", _("Zone 1 : Paris et sa proche banlieue")),
    ("2", _("Zone 2 : grandes villes et leur agglomération")),
    ("3", _("Zone 3 : ailleurs")),
]
MAX_EUROS = Decimal("100000")
PLAIN_AMOUNT = re.compile(r"-?\d+(\.\d+)?")
MAX_CHILDREN = 12


class EurosField(forms.DecimalField):
    """An amount as the site writes it: "1 200,50", "1 200,50 €", "550 €" (spaces, no-break spaces, a
    decimal comma and a trailing euro sign are accepted; anything else is still refused)."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removesuffix("€").strip()
            for space in (" ", "\u00a0", "\u202f"):
                value = value.replace(space, "")
            value = value.replace(",", ".")
        return super().to_python(value)

    def prepare_value(self, value):
        """A saved amount comes back as typed in French, "520,50": "520.50" (how the answers store it)
        looked like another number to a person who had typed a comma. English keeps the point."""
        if isinstance(value, (Decimal, int, float)):
            value = str(value)
        if (
            isinstance(value, str)
            and PLAIN_AMOUNT.fullmatch(value)
            and (get_language() or "fr").startswith("fr")
        ):
            return value.replace(".", ",")
        return value


def euros(label, help_text="", required=False):
    return EurosField(
        label=label,
        help_text=help_text,
        required=required,
        min_value=Decimal(0),
        max_value=MAX_EUROS,
        decimal_places=2,
        error_messages={
            "invalid": _("Indiquez un montant en euros, par exemple 1250 ou 1250,50."),
            "min_value": _("Le montant ne peut pas être négatif."),
            "max_value": _("Le montant semble trop élevé : vérifiez-le."),
            "max_decimal_places": _("Indiquez au plus deux chiffres après la virgule."),
            "required": _("Indiquez un montant (0 si vous ne recevez rien)."),
        },
    )


def birth_date(label):
    return forms.DateField(
        label=label,
        help_text=BIRTH_DATE_HINT,
        input_formats=["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"],
        error_messages={
            "required": _("Indiquez la date de naissance."),
            "invalid": _("Indiquez une date réelle au format JJ/MM/AAAA, par exemple 25/03/1990."),
        },
    )


class HouseholdForm(forms.Form):
    couple = radio(
        _("Vivez-vous en couple ?"),
        YES_NO,
        _("Indiquez si vous vivez en couple."),
        help_text=_("Mariage, Pacs ou concubinage."),
    )
    children = forms.IntegerField(
        label=_("Combien d’enfants vivent avec vous et sont à votre charge ?"),
        min_value=0,
        max_value=12,
        initial=0,
        error_messages={
            "required": _("Indiquez le nombre d’enfants (0 si aucun)."),
            "invalid": _("Indiquez un nombre entier."),
            "min_value": _("Le nombre d’enfants ne peut pas être négatif."),
            "max_value": _("Au plus 12 enfants dans ce simulateur."),
        },
    )


class PersonForm(forms.Form):
    birth_date = birth_date(_("Date de naissance"))
    activity = radio(_("Situation actuelle"), ACTIVITIES, _("Choisissez une situation."))
    disability = radio(
        _("Un handicap est-il reconnu par la CDAPH (MDPH) ?"),
        DISABILITY,
        _("Indiquez si un handicap est reconnu."),
        initial="none",
    )
    rsdae = forms.BooleanField(
        label=_("La CDAPH a reconnu une restriction substantielle et durable d’accès à l’emploi"),
        required=False,
    )
    nationality = radio(_("Nationalité"), NATIONALITY, _("Indiquez la nationalité."), initial="fr")
    permit_years = forms.IntegerField(
        label=_("Depuis combien d’années avez-vous un titre de séjour ?"),
        help_text=_("Seulement si vous n’êtes pas de nationalité française."),
        required=False,
        min_value=0,
        max_value=80,
        error_messages={
            "invalid": _("Indiquez un nombre d’années."),
            "min_value": _("Le nombre ne peut pas être négatif."),
        },
    )

    unemployed_since = forms.DateField(
        label=_("Si vous êtes au chômage : depuis quelle date ?"),
        help_text=_(
            "Format JJ/MM/AAAA. Après deux mois de chômage, l’aide au logement compte moins vos revenus passés."
        ),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"],
        error_messages={
            "invalid": _("Indiquez une date réelle au format JJ/MM/AAAA, par exemple 01/02/2026.")
        },
    )

    def clean_birth_date(self):
        value = self.cleaned_data["birth_date"]
        if value > date.today():
            raise forms.ValidationError(_("La date de naissance ne peut pas être dans le futur."))
        if value.year < 1900:
            raise forms.ValidationError(_("Vérifiez l’année de naissance."))
        return value

    def clean(self):
        data = super().clean()
        since = data.get("unemployed_since")
        if since and data.get("activity") != "unemployed":
            data["unemployed_since"] = None  # only read with the "chômage" situation
        elif since and since > date.today():
            self.add_error("unemployed_since", _("Cette date ne peut pas être dans le futur."))
        elif since and data.get("birth_date") and since <= data["birth_date"]:
            self.add_error("unemployed_since", _("Cette date doit être après la date de naissance."))
        return data


class ChildForm(forms.Form):
    birth_date = birth_date(_("Date de naissance"))

    def clean_birth_date(self):
        value = self.cleaned_data["birth_date"]
        if value > date.today():
            raise forms.ValidationError(_("La date de naissance ne peut pas être dans le futur."))
        return value


class HousingForm(forms.Form):
    status = radio(_("Votre logement"), HOUSING, _("Choisissez votre situation de logement."))
    rent = euros(
        _("Loyer mensuel hors charges (ou mensualité du prêt)"),
        _("Sans les charges : les aides au logement comptent les charges de façon forfaitaire."),
    )
    commune = forms.CharField(
        label=_("Commune du logement"),
        help_text=_("Nom de la commune ou code postal, par exemple « Saint-Étienne », « Lyon 3e » ou 69003."),
        required=False,
        max_length=80,
    )
    # The commune picked among those a postal code or a name covers (radio buttons, without JavaScript).
    commune_pick = forms.CharField(label=_("Votre commune"), required=False, max_length=120)
    zone = forms.ChoiceField(
        label=_("Si vous ne trouvez pas votre commune : zone du logement"), choices=ZONES, required=False
    )

    def clean(self):
        data = super().clean()
        status = data.get("status")
        # A rent typed but refused already has its message ("Indiquez un montant en euros…"): a second
        # one saying it is missing would contradict what the person sees in the field.
        if (
            status in TENANTS | {"owner_with_loan"}
            and data.get("rent") in (None, "")
            and "rent" not in self.errors
        ):
            self.add_error("rent", _("Indiquez le montant du loyer (ou de la mensualité)."))
        commune = (data.get("commune_pick") or data.get("commune") or "").strip()
        if data.get("commune_pick"):
            data["commune"] = commune
        data["commune_code"] = ""
        if commune:
            code, problem = resolve_commune(commune)
            if code:
                data["commune_code"] = code
            elif not data.get("zone"):
                self.add_error("commune", problem)
        if (
            status in TENANTS
            and not data["commune_code"]
            and not data.get("zone")
            and "commune" not in self.errors
        ):
            self.add_error(
                "commune", _("Indiquez la commune du logement (ou sa zone) pour estimer l’aide au logement.")
            )
        return data


class IncomeForm(forms.Form):
    salary = euros(
        _("Salaire : montant net social par mois"),
        _("Sur votre fiche de paie, ligne « montant net social ». 0 si vous n’avez pas de salaire."),
        required=True,
    )
    unemployment = euros(_("Allocation chômage (ARE) par mois"))
    pension = euros(_("Retraite par mois"))
    invalidity = euros(_("Pension d’invalidité par mois"))
    alimony = euros(_("Pension alimentaire reçue par mois"))
    self_employment = euros(_("Chiffre d’affaires mensuel de micro-entrepreneur"))
    taxable_n2 = euros(_("Revenu net imposable de l’année N-2"))

    def __init__(self, *args, recent_months=(), since="", taxable_year="", **kwargs):
        super().__init__(*args, **kwargs)
        self.recent_months = list(recent_months)
        if since:
            self.fields["salary"].help_text = format_lazy(
                _(
                    "Sur votre fiche de paie, ligne « montant net social ». Le même montant est compté chaque "
                    "mois depuis {since} ; s’il a changé ces derniers mois, détaillez-le plus bas. 0 si vous "
                    "n’avez pas de salaire."
                ),
                since=since,
            )
        if taxable_year:
            self.fields["taxable_n2"].label = format_lazy(
                _("Revenu net imposable de {year} (tout le foyer)"), year=taxable_year
            )
            self.fields["taxable_n2"].help_text = format_lazy(
                _(
                    "Sur votre avis d’impôt {notice} (revenus {year}). Il sert aux allocations familiales, au "
                    "complément familial et à l’allocation de rentrée scolaire. 0 si vous n’aviez pas de revenu."
                ),
                notice=int(taxable_year) + 1,
                year=taxable_year,
            )
        for month in self.recent_months:
            self.fields[f"salary_{month}"] = euros(
                format_lazy(_("Montant net social en {month}, s’il était différent"), month=month_name(month))
            )

    def require_alimony(self) -> None:
        field = self.fields["alimony"]
        field.required = True
        field.label = _("Pension alimentaire versée par l’autre parent, par mois")
        field.error_messages["required"] = _("Indiquez le montant de la pension alimentaire reçue.")

    def clean_alimony(self):
        value = self.cleaned_data.get("alimony")
        if self.fields["alimony"].required and not value:
            raise forms.ValidationError(
                _("Indiquez un montant supérieur à 0, ou répondez non à la question sur la pension.")
            )
        return value

    def answers(self) -> dict:
        data = self.cleaned_data

        def text(value):
            return "" if value in (None, "") else str(value)

        return {
            "salary": text(data.get("salary")),
            "salary_by_month": {m: text(data.get(f"salary_{m}")) for m in self.recent_months},
            "unemployment": text(data.get("unemployment")),
            "pension": text(data.get("pension")),
            "invalidity": text(data.get("invalidity")),
            "alimony": text(data.get("alimony")),
            "self_employment": text(data.get("self_employment")),
            "taxable_n2": text(data.get("taxable_n2")),
        }


class SingleParentForm(forms.Form):
    """Asked only of a person alone with children: a recent separation raises RSA and prime d'activité
    (majoration pour isolement, CASF L262-9); the other parent's maintenance reduces or cancels the
    allocation de soutien familial (CSS L523-1 I 3° and 4°, R523-1)."""

    maintenance = forms.ChoiceField(
        label=_("L’autre parent verse-t-il une pension alimentaire pour vos enfants ?"),
        help_text=_(
            "Répondez oui seulement si elle est versée en entier chaque mois ; vous indiquerez son montant "
            "à l’étape des revenus. Une pension qui n’est pas versée compte comme non."
        ),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Indiquez si l’autre parent verse une pension alimentaire.")},
    )

    since = forms.CharField(
        label=_("Si vous élevez seule ou seul vos enfants depuis moins de 18 mois : depuis quel mois ?"),
        help_text=_(
            "Après une séparation, un veuvage… Format MM/AAAA, par exemple 03/2026. Sinon, laissez vide."
        ),
        required=False,
        max_length=7,
    )

    def clean_since(self):
        value = self.cleaned_data["since"].strip()
        if not value:
            return ""
        match = re.fullmatch(r"(0?[1-9]|1[0-2])\s*[/.-]\s*(\d{4})", value)
        if not match:
            raise forms.ValidationError(_("Indiquez un mois au format MM/AAAA, par exemple 03/2026."))
        month = f"{match.group(2)}-{int(match.group(1)):02d}"
        if month > date.today().strftime("%Y-%m"):
            raise forms.ValidationError(_("Ce mois ne peut pas être dans le futur."))
        return month
