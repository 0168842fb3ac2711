"""Complément de libre choix du mode de garde (CMG), emploi direct: CSS L531-5, D531-18 s.

The household says what it pays (`childcare`: an assistante maternelle or a carer at home, the monthly
cost and hours). Since the reform in force on 1 September 2025 (LFSS for 2023, decrees of June 2025),
the CMG "rémunération" is

    CMG = monthly cost × (1 − monthly resources × effort rate / reference hourly cost)

(net of CRDS), the monthly cost counting at most a ceiling per hour (D531-18 1°), the resources being
the family's N-2 income / 12 (as for the PAJE, CSS R532-3) and the effort rate depending on the number
of dependent children. The CMG "cotisations" (the employer's contributions, paid through Pajemploi) is
not part of the amount.

What the project's sources establish, and so what is estimated: **an assistante maternelle, a family
with one dependent child** (effort rate 0.0619 %, reference cost 4.85 €/h, ceiling 8 €/h; the Cnaf's own
worked example is a test). Not estimated, with the reason: home care (its own effort rates and
reference cost, not in the sources), two children or more (rates not in the sources), a child with the
AEEH (the next lower rate applies), resources under 1 000 € a month (a resource floor applies whose
value is not in the sources; above 1 000 € it cannot matter), months before 2025-09 (the former scale).
The activity condition of the parents (L531-5 I) is not asked; the explanation says so. It checks the
age (a child under 6, under 12 for a single parent from 2025-09) and points to the CAF's childcare
site monenfant.fr. Nothing here is counted in another benefit.
"""

from benefits.rules.explain import Trace
from benefits.rules.family_resources import pf_base
from benefits.rules.text import Text

LABEL = Text("Complément de libre choix du mode de garde (CMG)", "Childcare supplement (CMG)")
AGE_LIMIT = 6  # CSS L531-5: a child under 6
SINGLE_PARENT_AGE_LIMIT = 12  # from 2025-09-01 (the same reform), for a single parent
REFORM_MONTH = 2025 * 12 + 8  # September 2025
MODES = {
    "assistante_maternelle": ("une assistante maternelle agréée", "a registered childminder"),
    "home_care": ("une garde à domicile", "a carer at home"),
}
SITE = "monenfant.fr"
RESOURCE_FLOOR_BOUND = 1000.0  # above it, no published resource floor of the PSU-like scale can apply


def not_estimated(trace: Trace, why_fr: str, why_en: str):
    trace.block(
        f"Le montant du CMG n’est pas estimé ici : {why_fr}. Simulez-le et trouvez un mode de garde sur {SITE}.",
        f"The CMG amount is not estimated here: {why_en}. Simulate it and find childcare on {SITE}.",
        "CSS L531-5, D531-18",
    )
    return trace.result("cmg", LABEL, 0.0)


def estimable(situation, month: int, care) -> tuple[str, str] | None:
    """Why the amount cannot be estimated from the project's sources, or None."""
    household = situation.household
    if month < REFORM_MONTH:
        return (
            "avant septembre 2025, il suit l’ancien barème",
            "before September 2025 the former scale applies",
        )
    if care.mode != "assistante_maternelle":
        return (
            "pour une garde à domicile, le taux d’effort et le coût de référence ne sont pas dans nos sources",
            "for home care the effort rate and the reference cost are not in our sources",
        )
    dependent = [c for c in household.children if situation.pf_dependent(c, month)]
    if len(dependent) != 1:
        return (
            "le taux d’effort d’une famille de plusieurs enfants n’est pas dans nos sources",
            "the effort rate of a family with several children is not in our sources",
        )
    if any(c.aeeh_category or c.aeeh_specialised_care for c in household.children):
        return (
            "avec l’AEEH, un taux d’effort plus bas s’applique, qui n’est pas dans nos sources",
            "with the AEEH a lower effort rate applies, which is not in our sources",
        )
    if not care.monthly_hours or not care.monthly_cost:
        return (
            "il faut le coût et le nombre d’heures de garde du mois",
            "the month's cost and hours are needed",
        )
    return None


def cmg_amount(situation, month: int, care, trace: Trace) -> float:
    p = situation.params(month).cmg
    resources = pf_base(situation, month) / 12
    cost = care.monthly_cost
    trace.step("=", "Coût mensuel de la garde", "Monthly cost of care", cost, "CSS D531-18")
    cap = p.plafond_horaire_assistante_maternelle * care.monthly_hours
    if cost > cap:
        trace.step(
            "≤",
            f"Au plus {p.plafond_horaire_assistante_maternelle:.2f} € de l’heure ({care.monthly_hours:g} heures)",
            f"At most {p.plafond_horaire_assistante_maternelle:.2f} € an hour ({care.monthly_hours:g} hours)",
            cap,
            "CSS D531-18",
        )
        cost = cap
    rate = p.taux_effort_assistante_maternelle_1_enfant
    reference = p.cout_horaire_reference_assistante_maternelle
    share = min(resources * rate / reference, 1.0)
    trace.step(
        "-",
        f"Part à votre charge : ressources de {resources:.2f} € par mois (revenus de {month // 12 - 2} / 12) × "
        f"taux d’effort {rate * 100:.4f} % = {resources * rate:.2f} € de l’heure, rapportés au coût de "
        f"référence de {reference:.2f} € de l’heure ({share * 100:.1f} % du coût)",
        f"Your share: resources of {resources:.2f} € a month ({month // 12 - 2} income / 12) × effort rate "
        f"{rate * 100:.4f} % = {resources * rate:.2f} € an hour, against the reference cost of "
        f"{reference:.2f} € an hour ({share * 100:.1f} % of the cost)",
        cost * share,
        "CSS L531-5 III, D531-18",
    )
    trace.step("≥", "Le montant ne peut pas être négatif", "The amount cannot be negative", 0.0, "CSS L531-5")
    return max(cost * (1 - share), 0.0)


def complement_mode_garde(situation, trace: Trace):
    month = situation.month
    household = situation.household
    care = household.childcare
    if care is None:
        trace.block(
            f"Le CMG aide à payer une assistante maternelle ou une garde à domicile ; trouvez un mode de garde "
            f"sur {SITE}.",
            f"The CMG helps pay a childminder or a carer at home; find childcare on {SITE}.",
            "CSS L531-5",
        )
        return trace.result("cmg", LABEL, 0.0)
    limit = SINGLE_PARENT_AGE_LIMIT if (month >= REFORM_MONTH and not household.in_couple) else AGE_LIMIT
    young = [c for c in household.children if 0 <= situation.age(c, month) < limit]
    if not young:
        trace.block(
            f"Le CMG concerne la garde d’un enfant de moins de {limit} ans.",
            f"The CMG is for the care of a child under {limit}.",
            "CSS L531-5",
        )
        return trace.result("cmg", LABEL, 0.0)
    mode_fr, mode_en = MODES[care.mode]
    hourly = care.monthly_cost / care.monthly_hours if care.monthly_hours else 0.0
    trace.step(
        "i",
        f"Garde par {mode_fr} : {care.monthly_cost:.2f} € pour {care.monthly_hours:g} heures par mois "
        f"({hourly:.2f} € de l’heure)",
        f"Care by {mode_en}: {care.monthly_cost:.2f} € for {care.monthly_hours:g} hours a month "
        f"({hourly:.2f} € an hour)",
        None,
        "CSS L531-5",
    )
    why = estimable(situation, month, care)
    if why is not None:
        return not_estimated(trace, *why)
    p = situation.params(month).cmg
    resources = pf_base(situation, month) / 12
    if resources < RESOURCE_FLOOR_BOUND:
        return not_estimated(
            trace,
            "sous 1 000 € de ressources par mois, un plancher de ressources s’applique, dont la valeur n’est pas dans nos sources",
            "under 1,000 € of resources a month a resource floor applies, whose value is not in our sources",
        )
    if resources > p.plafond_ressources_mensuelles:
        trace.block(
            f"Au-delà de {p.plafond_ressources_mensuelles:.0f} € de ressources par mois, le CMG « rémunération » "
            "n’est pas versé (les cotisations restent prises en charge).",
            f"Above {p.plafond_ressources_mensuelles:.0f} € of resources a month, the CMG towards the pay is not "
            "paid (the contributions are still covered).",
            "CSS L531-5 III, D531-18",
        )
        return trace.result("cmg", LABEL, 0.0)
    amount = cmg_amount(situation, month, care, trace)
    trace.step(
        "i",
        "Les cotisations sociales de l’assistante maternelle sont en plus prises en charge (Pajemploi) ; "
        "le CMG suppose que vous travaillez (ou êtes dans une situation assimilée), ce qui n’est pas demandé ici. "
        f"Trouvez un mode de garde sur {SITE}.",
        "The childminder's social contributions are covered on top (Pajemploi); the CMG assumes you work (or "
        f"are in an equivalent situation), which is not asked here. Find childcare on {SITE}.",
        None,
        "CSS L531-5",
    )
    return trace.result("cmg", LABEL, amount)
