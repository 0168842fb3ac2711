"""Questions that the simulator and the claims both ask, with the same answers (below both features).

`radio()` is the shape of every required one-choice question: radio buttons and one message when
nothing is chosen (the DSFR markup is in templates/benefits/includes/field.html).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

YES_NO = [("oui", _("Oui")), ("non", _("Non"))]
HOUSING = [
    ("tenant_private", _("Locataire d’un logement vide")),
    ("tenant_private_furnished", _("Locataire d’un logement meublé")),
    ("tenant_social", _("Locataire d’un logement social (HLM)")),
    ("owner", _("Propriétaire sans prêt en cours")),
    ("owner_with_loan", _("Propriétaire avec un prêt en cours")),
    ("hosted_free", _("Hébergement gratuit (famille, amis)")),
    ("homeless", _("Sans logement")),
]
TENANTS = {"tenant_private", "tenant_private_furnished", "tenant_social"}
# The statuses that pay a rent or a loan every month (the rent is asked of them).
PAYS_RENT = TENANTS | {"owner_with_loan"}


def housing_choices(*, homeless: str | None = None) -> list[tuple]:
    """The housing statuses; `homeless` words the last one otherwise (a claim asks for a domiciliation)."""
    return [(value, homeless if value == "homeless" and homeless else label) for value, label in HOUSING]


def radio(label, choices, required_message, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
        **kwargs,
    )
