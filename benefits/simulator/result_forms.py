"""The "et si…" form under the result: another salary or rent, everything else kept."""

from django import forms
from django.utils.translation import gettext_lazy as _

from benefits.simulator.forms import euros


class WhatIfForm(forms.Form):
    """ "Et si…" on the result page: the two answers people most often try again; each label says its
    unit, read with the field by screen readers."""

    salary = euros(_("Et si votre montant net social mensuel était de (en euros)"), required=True)
    rent = euros(_("Et si votre loyer hors charges était de (en euros)"))

    def __init__(self, *args, with_rent: bool = True, housing_status: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if not with_rent:
            del self.fields["rent"]
        elif housing_status == "owner_with_loan":
            # An owner typed the monthly repayment of the loan, not a rent.
            self.fields["rent"].label = _("Et si votre mensualité d’emprunt était de (en euros)")
