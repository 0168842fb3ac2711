from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from benefits.campaigns.models import CampaignKind
from benefits.rules import SUPPORTED_MONTHS
from benefits.simulator.formatting import month_name


def month_choices():
    """ "décembre 2026" shown, "2026-12" posted; a callable, so the label follows the active language."""
    return [(month, month_name(month)) for month in reversed(SUPPORTED_MONTHS)]


class CampaignForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type de campagne"), choices=CampaignKind.choices, widget=forms.RadioSelect
    )
    month = forms.ChoiceField(
        label=_("Mois des droits calculés"),
        choices=month_choices,
        help_text=_("Les revenus pris en compte sont ceux des trois mois précédents."),
    )
    threshold = forms.DecimalField(
        label=_("Seuil en euros"),
        min_value=Decimal(0),
        max_value=Decimal(10000),
        decimal_places=2,
        initial=Decimal(10),
        help_text=_("Non-recours : droit estimé minimal pour écrire au foyer (par exemple 10)."),
    )
