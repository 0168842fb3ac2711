"""A benefit's label from the core's code ("ppa" → "Prime d'activité"), in the active language.

Rights on a file, campaign results and dry runs name benefits by the core's codes; people and agents
read the label the core defines next to each rule (benefits/rules/*.py, `LABEL`).
"""

from django.utils.translation import get_language

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
