"""Aides personnelles au logement, rental sector (APL, ALF, ALS): CCH L821-1 s., D823-16 s., R822-1 s.;
arrêté du 27 septembre 2019.

Aid = L + C − Pp: L the rent retained (real rent, capped by a ceiling by zone and family size),
C a flat amount of charges, Pp the personal participation P0 + (TF + TL) × (R − R0) where R are the
resources of the 12 months ending two months ago (CCH R822-3, "contemporanéisation" since 2021),
rounded up to the 100 €. Then the reduction for high rents, 5 € less, the payment threshold (10 €
for ALF/ALS), the RLS deduction in social housing, and the CRDS; paid rounded down to the euro.
"""

import math

from benefits.rules.aides_logement_resources import (  # noqa: F401 (re-exported)
    ASPA_MULTIPLE_FOR_DEPENDANT,
    explain_neutralisation,
    explain_resources,
    individual_resources,
    neutralisation,
    resources,
    work_or_unemployment,
)
from benefits.rules.explain import SILENT, Trace, money
from benefits.rules.family_resources import individual_base
from benefits.rules.parameter_tree import AidesLogement, Parameters
from benefits.rules.situation import Situation
from benefits.rules.text import Text, english_count

LABEL = Text("Aide au logement (APL, ALF ou ALS)", "Housing aid (APL, ALF or ALS)")
CSS_CCH = "CCH L821-1"
FURNISHED_RATIO = 2 / 3  # furnished rent counts for two thirds (CCH R823-3; arrêté du 27 septembre 2019)
DISABLED_DEPENDANT_RATE = 0.8
ZONE_KEYS = {1: "zone_1", 2: "zone_2", 3: "zone_3"}  # parameter names, not formatted per call
DEPENDANT_CHILD_AGE = 21  # "jusqu'au mois précédent ses 21 ans" (CCH R823-2, CSS R512-2 age of CF)


def dependants(situation: Situation, month: int) -> int:
    """Personnes à charge: children under 21 not financially autonomous, and disabled adult children
    with low resources (CCH L823-2, R823-2)."""
    key = situation.slot(month)
    if key in situation.housing_dependants:
        return situation.housing_dependants[key]
    count = 0
    year = month // 12 - 2
    aspa_ceiling = situation.params_year_end(year).aspa.plafond_seul * ASPA_MULTIPLE_FOR_DEPENDANT
    for child in situation.household.children:
        age = situation.age(child, month)
        if (
            0 <= age <= DEPENDANT_CHILD_AGE - 1
            and not situation.financially_autonomous(child, month)
            or (
                child.disability_rate > DISABLED_DEPENDANT_RATE
                and age >= DEPENDANT_CHILD_AGE
                and individual_base(child, year) <= aspa_ceiling
            )
        ):
            count += 1
    situation.housing_dependants[key] = count
    return count


def by_composition(values, couple: bool, pac: int, *, single="personnes_seules", pair="couples"):
    if pac == 0:
        return getattr(values, pair if couple else single)
    return None


def rent_ceiling(p: Parameters, zone: int, couple: bool, pac: int) -> float:
    table = getattr(p.aides_logement.plafond_loyer, ZONE_KEYS[zone])
    if pac == 0:
        return round(table.couples if couple else table.personnes_seules, 2)
    return round(table.un_enfant + max(pac - 1, 0) * table.majoration_par_enf_supp, 2)


def r0(p: Parameters, couple: bool, pac: int) -> float:
    table = p.aides_logement.r0
    if pac == 0:
        return table.taux_couple if couple else table.taux_seul
    return getattr(table, f"taux{min(pac, 6)}pac") + max(pac - 6, 0) * table.taux_pac_supp


def tf(p: Parameters, couple: bool, pac: int) -> float:
    table = p.aides_logement.tf
    if pac == 0:
        return table.couples_0_enfant if couple else table.personnes_isolees
    names = {
        1: "avec_1_enfant",
        2: "avec_2_enfants",
        3: "avec_3_enfants",
        4: "avec_4_enfants",
        5: "avec_5_enfants",
    }
    rate = getattr(table, names.get(pac, "avec_6_enfants"))
    return rate + max(pac - 6, 0) * table.maj_par_enf_supp


def tl(p: Parameters, rent: float, couple: bool, pac: int) -> float:
    """Rent rate: from the ratio of the rent retained to the zone-2 ceiling (arrêté, art. 14)."""
    reference = rent_ceiling(p, 2, couple, pac)
    ratio = round(rent / reference * 100, 2) / 100
    t = p.aides_logement.tl
    if ratio >= t.seuil_2:
        rate = t.tl_taux_3 * (ratio - t.seuil_2) + t.tl_taux_2 * (t.seuil_2 - t.seuil_1)
    else:
        rate = max(0.0, t.tl_taux_2 * (ratio - t.seuil_1))
    return round(rate, 5)


def housing_aid(situation: Situation, month: int, trace: Trace | None = None) -> float:
    """The housing aid paid for `month`, net of CRDS and rounded down to the euro."""
    key = situation.slot(month)
    if key in situation.housing_aid and trace is None:
        return situation.housing_aid[key]
    trace = trace or SILENT
    housing = situation.household.housing
    amount = 0.0
    if housing.status == "owner_with_loan":
        # Not estimated (the aid to a borrowing owner is not in this core): "n'y ouvre pas droit" told
        # an owner repaying a loan that there was no right, while the assumptions say "pas estimées".
        trace.block(
            "Les aides au logement des propriétaires qui remboursent un emprunt ne sont pas estimées ici : "
            "la CAF les étudie sur demande.",
            "Housing aid for owners repaying a loan is not estimated here: the CAF examines it on request.",
            "CCH L821-1",
        )
    elif not housing.is_tenant:
        trace.block(
            "Le simulateur estime les aides au logement des locataires ; votre situation de logement n’y ouvre pas droit ici.",
            "The simulator estimates housing aid for tenants; your housing situation does not open it here.",
            "CCH L821-1",
        )
    else:
        amount = tenant_aid(situation, month, trace)
    situation.housing_aid[key] = amount
    return amount


def tenant_aid(situation: Situation, month: int, trace: Trace) -> float:
    p = situation.params(month)
    al = p.aides_logement
    household = situation.household
    housing = household.housing
    # A pregnant person living alone gets the couple scale (CCH R823-4).
    couple = household.in_couple or situation.expecting(month)
    pac = dependants(situation, month)
    zone = housing.zone or 2
    social = housing.status == "tenant_social"
    real_rent = housing.rent * (FURNISHED_RATIO if housing.status == "tenant_private_furnished" else 1)
    ceiling = rent_ceiling(p, zone, couple, pac)
    rent = min(real_rent, ceiling)
    charges = al.charges_forfait + pac * al.charges_par_personne_a_charge
    income = resources(situation, month)
    abatement = r0(p, couple, pac)
    rate = tf(p, couple, pac) + tl(p, rent, couple, pac)
    p0 = max(al.p0_taux * (rent + charges), al.p0_forfait)
    participation = p0 + rate * max(0.0, income - abatement)
    if trace.enabled:  # the PPA's fictive months compute this aid unexplained: skip the formatting
        trace.step(
            "=",
            f"Loyer retenu (plafond de la zone {zone} : {ceiling:.2f} €)",
            f"Rent retained (zone {zone} ceiling: {ceiling:.2f} €)",
            rent,
            "CCH D823-16",
        )
        trace.step(
            "+",
            f"Forfait de charges ({pac} personne(s) à charge)",
            f"Flat-rate charges ({english_count(pac, 'dependant', 'dependants')})",
            charges,
            "CCH D823-16",
        )
        explain_neutralisation(situation, month, trace)
        explain_resources(situation, month, trace)
        explain_participation(trace, al, rent + charges, p0, participation, income, abatement, rate)
    amount = max(0.0, rent + charges - participation)
    trace.step(
        "≥", "Le montant ne peut pas être négatif", "The amount cannot be negative", 0.0, "CCH D823-17"
    )
    if amount < (0.0 if social else al.seuil_versement_al):
        if amount:
            trace.step("-", "Non versée sous 10 €", "Not paid under 10 €", amount, "CCH D823-22")
        amount = 0.0
    coefficients = (
        getattr(al.coefficient_degressivite, ZONE_KEYS[zone]),
        getattr(al.coefficient_suppression, ZONE_KEYS[zone]),
    )
    high, stop = round(ceiling * coefficients[0], 2), round(ceiling * coefficients[1], 2)
    if real_rent > high:
        factor = 0.0 if real_rent > stop else 1 - (real_rent - high) / (stop - high)
        reduced = round(amount * factor, 2)
        trace.step(
            "-",
            "Réduction pour loyer très élevé",
            "Reduction for a very high rent",
            amount - reduced,
            "CCH D823-16",
        )
        amount = reduced
    else:
        amount = round(amount, 2)
    if amount > 0:
        trace.step(
            "-",
            "Minoration forfaitaire",
            "Flat-rate reduction",
            min(amount, al.minoration_forfaitaire),
            "CCH D823-16",
        )
    amount = max(0.0, amount - al.minoration_forfaitaire)
    if social and amount > 0:
        rls = solidarity_rent_reduction(p, zone, couple, pac, income)
        if rls:
            trace.step(
                "-",
                "Réduction de loyer de solidarité (part déduite de l’APL)",
                "Solidarity rent reduction (share taken from the APL)",
                min(amount, rls * p.rls.fraction_baisse),
                "CCH L823-3",
            )
        amount = max(0.0, amount - rls * p.rls.fraction_baisse)
    crds = math.floor(amount * 100 * p.crds) / 100
    paid = float(math.floor(math.floor(amount * 100) / 100 - crds))
    if amount > 0:
        trace.step(
            "-",
            "CRDS (0,5 %) et arrondi à l’euro inférieur",
            "CRDS (0.5%) and rounding down to the euro",
            amount - paid,
            "CSS L136-1; ordonnance 96-50",
        )
    if paid <= 0 and trace.blocking is None:
        trace.block(
            "Vos revenus des 12 derniers mois sont trop élevés par rapport à votre loyer.",
            "Your income of the last 12 months is too high compared with your rent.",
            "CCH D823-17",
        )
    return paid


def solidarity_rent_reduction(p: Parameters, zone: int, couple: bool, pac: int, income: float) -> float:
    """RLS of social landlords, 98 % of which is taken from the APL (CCH L442-2-1, L823-3)."""
    ceilings = getattr(p.rls.plafond, ZONE_KEYS[zone])
    amounts = getattr(p.rls.montant, ZONE_KEYS[zone])
    if pac == 0:
        ceiling = ceilings.couples if couple else ceilings.personnes_seules
        amount = amounts.couples if couple else amounts.personnes_seules
    else:
        ceiling = (
            getattr(ceilings, f"famille_{pac}pac")
            if pac <= 6
            else ceilings.famille_6pac + (pac - 6) * ceilings.majoration_par_pac_supp
        )
        amount = amounts.famille_1pac + (pac - 1) * amounts.majoration_par_pac_supp
    return amount if income / 12 < ceiling else 0.0


def explain_participation(
    trace: Trace,
    al: AidesLogement,
    expense: float,
    p0: float,
    participation: float,
    income: float,
    abatement: float,
    rate: float,
) -> None:
    """The personal participation as its two parts: the minimum P0, then the part from the resources
    above the allowance R0 (CCH D823-17). The second step is the whole participation's cents minus
    P0's, so the two steps add up to the participation shown before as one step (same replay)."""
    share = al.p0_taux * expense
    trace.step(
        "-",
        f"Participation minimale : la plus élevée de {expense:.2f} € de loyer et charges × {al.p0_taux:.2%} "
        f"= {share:.2f} € et de {al.p0_forfait:.2f} €",
        f"Minimum contribution: the higher of {expense:.2f} € of rent and charges × {al.p0_taux:.2%} "
        f"= {share:.2f} € and {al.p0_forfait:.2f} €",
        p0,
        "CCH D823-17",
    )
    if income > abatement:
        trace.step(
            "-",
            f"Participation selon vos revenus : (ressources retenues {income:.0f} € − abattement forfaitaire "
            f"{abatement:.0f} €) × taux {rate:.4%}",
            f"Contribution from your income: (resources retained {income:.0f} € − flat-rate allowance "
            f"{abatement:.0f} €) × rate {rate:.4%}",
            float(money(participation) - money(p0)),
            "CCH D823-17, R822-3",
        )
    else:  # the participation is P0 alone
        trace.step(
            "i",
            f"Pas de participation selon vos revenus : ressources retenues {income:.0f} €, "
            f"pas plus que l’abattement forfaitaire de {abatement:.0f} €",
            f"No contribution from your income: resources retained {income:.0f} €, "
            f"not above the flat-rate allowance of {abatement:.0f} €",
            None,
            "CCH D823-17, R822-3",
        )


def aide_logement(situation: Situation, trace: Trace):
    return trace.result("aide_logement", LABEL, housing_aid(situation, situation.month, trace))
