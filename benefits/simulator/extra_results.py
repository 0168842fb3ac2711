"""The extra benefits on the result page (PAJE, CMG, AEEH, MVA, ASPA): outside the monthly total.

They come from the stored result ("extra_explanation", see benefits/rules/extra_benefits.py). The
total and the chart keep the eight benefits the CAF pays monthly on the same claim; these are shown
below them, each with its explanation and what to do next. A zero amount is shown only when the
household's answers make the benefit relevant (a childcare given, an expected child...), so that a
person is not shown five "pas de droit" that have nothing to do with them.
"""

from django.utils.translation import gettext_lazy as _

from benefits.rules.extra_benefits import EXTRA_BENEFITS
from benefits.simulator.formatting import euros
from benefits.simulator.periods import period_text

CAF_URL = "https://www.caf.fr/allocataires/mes-services-en-ligne/faire-une-demande-de-prestation"
NEXT = {
    "paje_base": (
        _("Déclarez la naissance à la CAF : l’allocation de base est versée dès le mois suivant."),
        CAF_URL,
    ),
    "paje_naissance": (
        _(
            "Déclarez votre grossesse dans les 14 premières semaines, à votre CPAM et à la CAF : la prime est versée au 7e mois."
        ),
        CAF_URL,
    ),
    "cmg": (
        _("Trouvez un mode de garde et simulez le CMG sur monenfant.fr, puis faites la demande à la CAF."),
        "https://monenfant.fr",
    ),
    "aeeh": (
        _("L’AEEH se demande à la MDPH de votre département, avec le formulaire de demande unique."),
        "https://www.service-public.fr/particuliers/vosdroits/F14809",
    ),
    "mva": (
        _("La MVA est versée avec l’AAH, sans autre demande, quand la CAF connaît votre aide au logement."),
        None,
    ),
    "aspa": (
        _("L’ASPA se demande à votre caisse de retraite (Carsat, MSA) ; elle passe avant le RSA."),
        "https://www.service-public.fr/particuliers/vosdroits/F16871",
    ),
}


def relevant(name: str, household: dict, amount: float) -> bool:
    if amount > 0:
        return True
    persons = household.get("persons", [])
    children = [p for p in persons if p.get("role") == "child"]
    month = household.get("month", "")
    if name == "cmg":
        return "childcare" in household
    if name == "aeeh":
        return any(p.get("disability_rate") for p in children)
    if name in ("paje_base", "paje_naissance"):
        return any(p.get("birth_date", "")[:7] > month for p in children)
    return False


def extra_benefits(simulation, language: str, step_lines) -> list[dict]:
    explanation = simulation.result.get("extra_explanation") or {}
    out = []
    for name in EXTRA_BENEFITS:
        detail = explanation.get(name)
        if detail is None or not relevant(name, simulation.household, detail["amount"]):
            continue
        advice, url = NEXT[name]
        out.append(
            {
                "name": name,
                "label": detail["label"][language],
                "amount": detail["amount"],
                "amount_text": euros(detail["amount"]),
                "period_text": period_text(name, detail["period"], simulation.household.get("month", "")),
                "reason": (detail["blocking_reason"] or {}).get(language),
                "steps": step_lines(detail["steps"], language),
                "advice": advice,
                "url": url,
            }
        )
    return out
