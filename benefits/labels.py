"""A benefit's label from the core's code ("ppa" → "Prime d'activité"), in the active language.

Rights on a file, campaign results and dry runs name benefits by the core's codes; people and agents
read the label the core defines next to each rule (benefits/rules/*.py, `LABEL`).

A sentence that names a benefit inside it takes the benefit's own phrase with its article, never a
label glued after "de": "Calcul de la prime d’activité", "du RSA", "des allocations familiales"
(BENEFIT_OF; French grammar, so in the catalogue, English in locale/).
"""

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from benefits.rules import (
    aah,
    aeeh,
    af,
    aide_exceptionnelle,
    aides_logement,
    ars,
    asf,
    aspa,
    auu,
    cf,
    cmg,
    mva,
    paje_allocation,
    paje_prime,
    prime_activite,
    rsa,
)

BENEFIT_LABELS = {
    "ppa": prime_activite.LABEL,
    "rsa": rsa.LABEL,
    "aide_logement": aides_logement.LABEL,
    "aah": aah.LABEL,
    "af": af.LABEL,
    "cf": cf.LABEL,
    "asf": asf.LABEL,
    "ars": ars.LABEL,
    "paje_base": paje_allocation.LABEL,
    "paje_naissance": paje_prime.LABEL,
    "cmg": cmg.LABEL,
    "aeeh": aeeh.LABEL,
    "mva": mva.LABEL,
    "aspa": aspa.LABEL,
    "auu": auu.LABEL,
    aide_exceptionnelle.NAME: aide_exceptionnelle.LABEL,
}


def benefit_label(code: str) -> str:
    """The label of a known code; an unknown code as it came (never an error on a page)."""
    label = BENEFIT_LABELS.get(code)
    return label.get(get_language()) if label else code


# "Calcul <de la prime d’activité>": each benefit after "de", with its article and elision.
BENEFIT_OF = {
    "ppa": gettext_lazy("de la prime d’activité"),
    "rsa": gettext_lazy("du RSA (revenu de solidarité active)"),
    "aide_logement": gettext_lazy("de l’aide au logement (APL, ALF ou ALS)"),
    "aah": gettext_lazy("de l’allocation aux adultes handicapés (AAH)"),
    "af": gettext_lazy("des allocations familiales"),
    "cf": gettext_lazy("du complément familial"),
    "asf": gettext_lazy("de l’allocation de soutien familial"),
    "ars": gettext_lazy("de l’allocation de rentrée scolaire"),
    "paje_base": gettext_lazy("de l’allocation de base de la PAJE"),
    "paje_naissance": gettext_lazy("de la prime à la naissance ou à l’adoption (PAJE)"),
    "cmg": gettext_lazy("du complément de libre choix du mode de garde (CMG)"),
    "aeeh": gettext_lazy("de l’allocation d’éducation de l’enfant handicapé (AEEH)"),
    "mva": gettext_lazy("de la majoration pour la vie autonome"),
    "aspa": gettext_lazy("de l’allocation de solidarité aux personnes âgées (ASPA)"),
    "auu": gettext_lazy("de l’aide universelle d’urgence"),
    aide_exceptionnelle.NAME: gettext_lazy("de l’aide exceptionnelle de solidarité"),
}


def benefit_calculation_caption(code: str, label: str) -> str:
    """The heading of a benefit's step-by-step calculation; an unknown code keeps its label in front."""
    if code in BENEFIT_OF:
        return _("Calcul %(of_benefit)s, étape par étape, avec sa base légale") % {
            "of_benefit": BENEFIT_OF[code]
        }
    return _("%(benefit)s : calcul étape par étape, avec sa base légale") % {"benefit": label}
