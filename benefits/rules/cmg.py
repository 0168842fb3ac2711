"""Complément de libre choix du mode de garde (CMG), emploi direct: CSS L531-5.

The household says what it pays (`childcare`: an assistante maternelle or a carer at home, the monthly
cost and hours). Since the reform in force on 1 September 2025 (voted in the LFSS for 2023), the
CMG "emploi direct" is computed from the hourly cost, the hours and an effort rate that depends on the
family's income and children, with its own ceilings per hour; OpenFisca-France (the oracle) still
has only the former scale, and the new scale's parameters are not in the project's sources yet.
So the core **does not estimate the amount** (0, with the reason): it checks the conditions it can (a
child under 6, or under 12 for a single parent from 2025-09), shows the cost per hour the household
gave, and points to the CAF's childcare site monenfant.fr, which finds a childminder or a crèche and
has the CMG simulator. Nothing here is counted in another benefit.
"""

from benefits.rules.explain import Trace
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
    trace.block(
        f"Le montant du CMG n’est pas estimé ici : depuis le 1er septembre 2025, il dépend du coût horaire, "
        f"des heures et d’un taux d’effort selon vos revenus. Simulez-le et trouvez un mode de garde sur {SITE}.",
        f"The CMG amount is not estimated here: since 1 September 2025 it depends on the hourly cost, the hours "
        f"and an effort rate set by your income. Simulate it and find childcare on {SITE}.",
        "CSS L531-5",
    )
    return trace.result("cmg", LABEL, 0.0)
