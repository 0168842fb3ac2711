"""The claim form of the aide universelle d'urgence: the few facts the decree needs (CASF D214-11 s.)."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from benefits.auu.models import Perpetrator, Proof
from benefits.date_hints import DATE_HINT
from benefits.simulator.forms import euros

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"]
PROOF_MONTHS = 12


class UrgentClaimForm(forms.Form):
    perpetrator = forms.ChoiceField(
        label=_("Qui a commis les violences ?"),
        choices=Perpetrator.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Indiquez qui a commis les violences.")},
    )
    proof = forms.ChoiceField(
        label=_("Quelle pièce avez-vous ?"),
        help_text=_("Vous la transmettrez à la CAF ; elle doit dater de moins de 12 mois."),
        choices=Proof.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Indiquez la pièce que vous avez.")},
    )
    proof_date = forms.DateField(
        label=_("Date de cette pièce"),
        help_text=DATE_HINT,
        input_formats=DATE_FORMATS,
        error_messages={
            "required": _("Indiquez la date de la pièce."),
            "invalid": _("Indiquez une date réelle au format JJ/MM/AAAA."),
        },
    )
    monthly_resources = euros(
        _("Vos ressources du mois dernier"),
        _(
            "Les vôtres seulement (salaire, allocations chômage, pensions…), pas celles de la personne violente."
        ),
        required=True,
    )
    children = forms.IntegerField(
        label=_("Combien d’enfants sont à votre charge ?"),
        min_value=0,
        max_value=12,
        initial=0,
        error_messages={
            "required": _("Indiquez le nombre d’enfants (0 si aucun)."),
            "invalid": _("Indiquez un nombre entier."),
            "min_value": _("Le nombre d’enfants ne peut pas être négatif."),
            "max_value": _("Au plus 12 enfants."),
        },
    )
    safe_contact = forms.CharField(
        label=_("Comment la CAF peut-elle vous joindre sans risque ? (facultatif)"),
        help_text=_("Un numéro ou une adresse que la personne violente ne consulte pas, et les horaires."),
        required=False,
        max_length=200,
    )

    def clean_proof_date(self):
        value = self.cleaned_data["proof_date"]
        today = date.today()
        if value > today:
            raise forms.ValidationError(_("Cette date ne peut pas être dans le futur."))
        months = (today.year - value.year) * 12 + today.month - value.month - (today.day < value.day)
        if months >= PROOF_MONTHS:
            raise forms.ValidationError(
                _(
                    "La pièce doit dater de moins de 12 mois. Un nouveau signalement ou une nouvelle plainte ouvre le droit."
                )
            )
        return value
