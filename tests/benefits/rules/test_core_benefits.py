"""Hand-computed legal cases, one or more per benefit. Every constant comes from
/work/shared/docs/law-facts.md (section in the comment), so a wrong parameter file shows here."""

from decimal import Decimal

import pytest

from benefits.rules import compute, parse_household
from benefits.rules.explain import replay

BMAF_2026 = 478.16  # law-facts § 0, from 2026-04-01


def months(first: str, last: str) -> list[str]:
    year, month, out = int(first[:4]), int(first[5:]), []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def adult(pid="a", role="applicant", born="1980-01-01", **extra):
    return {"id": pid, "role": role, "birth_date": born, **extra}


def child(pid, born, **extra):
    return {"id": pid, "role": "child", "birth_date": born, **extra}


def salary(amount, first="2025-01", last="2026-06"):
    return {"salary": dict.fromkeys(months(first, last), amount)}


def run(persons, housing=None, month="2026-06", **extra):
    data = {"id": "unit", "persons": persons, **extra}
    if housing is not None:
        data["housing"] = housing
    return compute(parse_household(data, month))


def euros(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal("0.01"))


def check_steps(result):
    for benefit in result.benefits.values():
        assert replay(benefit.steps) == benefit.amount, benefit.name
        if not benefit.eligible:
            assert benefit.blocking_reason is not None, benefit.name


HOSTED = {"status": "hosted_free"}
OWNER = {"status": "owner"}


# --- RSA (law-facts § 1) -------------------------------------------------------------------------
def test_rsa_single_person_without_income_housed_free():
    # 651.69 € (2026-04) minus the forfait logement of 12 % (free housing, CASF R262-9).
    result = run([adult()], HOSTED)
    assert result.benefits["rsa"].amount == euros(651.69 - 0.12 * 651.69)  # 573.49
    check_steps(result)


def test_rsa_couple_two_children_counts_the_family_allowances():
    # 651.69 × 2.1 (couple + 2 children) − forfait logement 16.5 % of the 3-person amount (× 1.8)
    # − AF of 2 children (32 % BMAF) counted in resources (CASF R262-11).
    persons = [
        adult(),
        adult("b", "partner", "1982-01-01"),
        child("c1", "2018-02-01"),
        child("c2", "2021-02-01"),
    ]
    result = run(persons, HOSTED)
    af = round(0.32 * BMAF_2026, 2)
    assert result.benefits["af"].amount == euros(af)  # 153.01
    expected = 651.69 * 2.1 - 0.165 * 651.69 * 1.8 - af
    assert abs(float(result.benefits["rsa"].amount) - expected) < 0.011  # 1021.99
    check_steps(result)


def test_rsa_refused_under_25_without_child_and_says_why():
    result = run([adult(born="2003-01-01")], HOSTED)
    rsa = result.benefits["rsa"]
    assert rsa.amount == 0 and not rsa.eligible
    assert "25" in rsa.blocking_reason.fr and "25" in rsa.blocking_reason.en


def test_rsa_single_parent_with_a_child_under_3_gets_the_raised_amount():
    # 128.412 % + 42.804 % per child of 651.69 € (CASF L262-9, R262-1); forfait logement of 2 persons
    # (16 % × 1.5); resources: PAJE basic allowance (41.65 % BMAF) and the ASF counted as 22.5 % BMAF
    # (CASF R262-10-1, R262-11) — law-facts §§ 1, 7.
    result = run([adult(), child("c1", "2025-01-10")], HOSTED)
    expected = (
        651.69 * (1.28412 + 0.42804) - 0.16 * 651.69 * 1.5 - round(0.4165 * BMAF_2026, 2) - 0.225 * BMAF_2026
    )
    assert abs(float(result.benefits["rsa"].amount) - expected) < 0.011  # 652.65
    check_steps(result)


def test_rsa_refused_to_a_non_eu_national_with_a_recent_permit():
    rsa = run([adult(nationality="MA", residence_permit_years=2)], HOSTED).benefits["rsa"]
    assert rsa.amount == 0 and "5 ans" in rsa.blocking_reason.fr and "5 years" in rsa.blocking_reason.en


def test_rsa_before_the_april_revaluation_uses_the_2025_amount():
    # 646.52 € from 2025-04-01 until 2026-03 (law-facts § 1).
    result = run([adult()], HOSTED, month="2026-03")
    assert result.benefits["rsa"].amount == euros(646.52 * 0.88)


# --- Prime d'activité (law-facts § 2) ------------------------------------------------------------
def fictive_ppa(base, slope, smic, threshold_hours, max_hours, max_rate, earnings):
    """One month of the reference quarter, single person housed free (forfait logement 12 %)."""
    low, high = threshold_hours * smic, max_hours * smic
    bonus_max = round(max_rate * base, 2)
    bonus = min(max(bonus_max * (earnings - low) / (high - low), 0), bonus_max)
    return base + slope * earnings + bonus - max(base, earnings + 0.12 * base)


def test_ppa_single_earner_is_the_mean_of_the_quarter():
    # PPA of 2026-06 = mean of the fictive primes of 2026-03, 04, 05 (CSS L843-1; oracle quirk 2).
    # March: base 633.21, slope 59.85 %, bonus 59 → 120 SMIC h, max 29.101 %; April–May: base 638.28,
    # bonus up to 138 SMIC h and 37.7 % (décret 2026-222); SMIC 12.02 (law-facts § 0, § 2).
    march = fictive_ppa(633.21, 0.5985, 12.02, 59, 120, 0.29101, 1200)
    april = fictive_ppa(638.28, 0.5985, 12.02, 59, 138, 0.377, 1200)
    result = run([adult(incomes=salary(1200))], HOSTED)
    assert abs(float(result.benefits["ppa"].amount) - (march + 2 * april) / 3) < 0.011  # 202.43
    assert result.benefits["rsa"].amount == 0
    check_steps(result)


def test_ppa_refused_without_earnings_and_says_why():
    ppa = run([adult()], HOSTED).benefits["ppa"]
    assert ppa.amount == 0 and ppa.blocking_reason is not None


def test_ppa_of_a_student_under_the_floor_names_the_floor_not_an_absence_of_earnings():
    # A student earns 400 € a month, under 169 h × SMIC horaire × 55 % (1 144.21 € in 2026-06; CSS L842-2,
    # R842-1): the months above show the 400 €, so "Aucun revenu d’activité" contradicted them.
    result = run([adult(activity="student", incomes=salary(400))], HOSTED)
    ppa = result.benefits["ppa"]
    assert ppa.amount == 0
    labels = " ".join(step.label.fr for step in ppa.steps)
    assert "Aucun revenu d’activité" not in labels
    assert (
        "fait des études" in ppa.blocking_reason.fr
        and "plus de 1\u00a0144,21\u00a0€ chaque mois" in ppa.blocking_reason.fr
    )
    assert "student" in ppa.blocking_reason.en and "1144.21 €" in ppa.blocking_reason.en
    check_steps(result)


def test_an_owner_repaying_a_loan_reads_not_estimated_not_no_right():
    """The aid to an owner with a loan is not computed by this core: the reason says so, as the
    assumptions do ("ne sont pas estimées ici"); it said "votre situation n'y ouvre pas droit"."""
    aide = run([adult(incomes=salary(1200))], {"status": "owner_with_loan", "rent": 700}).benefits[
        "aide_logement"
    ]
    assert aide.amount == 0
    assert (
        "ne sont pas estimées ici" in aide.blocking_reason.fr
        and "n’y ouvre pas droit" not in aide.blocking_reason.fr
    )
    assert "not estimated here" in aide.blocking_reason.en
    hosted = run([adult(incomes=salary(1200))], HOSTED).benefits["aide_logement"]
    assert "n’y ouvre pas droit" in hosted.blocking_reason.fr  # no housing cost: no right indeed


# --- Aide au logement (law-facts § 3) ------------------------------------------------------------
def test_housing_aid_single_tenant_zone_2():
    # Resources: 12 × 1 000 € (M-13..M-2) − 10 % = 10 800 €; R0 5 235 €; rent capped at 290.34 €
    # (zone 2, single, 2025-10 scale); charges 60.59 €; TF 2.83 %; RL = 100 % → TL = 0.45 % × 30 %
    # + 0.68 % × 25 %; P0 = max(8.5 % × (L + C), 39.56 €); − 5 € minoration; − 0.5 % CRDS; floor.
    rent_cap, charges = 290.34, 60.59
    participation = max(0.085 * (rent_cap + charges), 39.56) + (0.0283 + 0.0045 * 0.30 + 0.0068 * 0.25) * (
        10800 - 5235
    )
    gross = round(rent_cap + charges - participation, 2) - 5
    expected = int(gross - int(gross * 100 * 0.005) / 100)
    result = run([adult(incomes=salary(1000))], {"status": "tenant_private", "rent": 500, "zone": 2})
    assert result.benefits["aide_logement"].amount == Decimal(expected)  # 131
    check_steps(result)


def test_housing_aid_couple_two_children_zone_1():
    # 2 dependants, zone 1 (2025-10 scale): ceiling 454.10 + 65.89; charges 60.59 + 2 × 13.74; R0 9 148 €;
    # TF 2.38 %; rent ratio against the zone-2 reference (399.89 + 58.21) rounded to 0.01 %, TL to 5
    # decimals (CCH D823-16, D823-17; law-facts § 3). Resources 12 × 1 500 € − 10 % = 16 200 €.
    ceiling, charges = 454.10 + 65.89, 60.59 + 2 * 13.74
    ratio = round(ceiling / (399.89 + 58.21) * 100, 2) / 100
    tl = round(0.0068 * (ratio - 0.75) + 0.0045 * 0.30, 5)
    participation = max(0.085 * (ceiling + charges), 39.56) + (0.0238 + tl) * (16200 - 9148)
    gross = round(ceiling + charges - participation, 2) - 5
    expected = int(gross - int(gross * 100 * 0.005) / 100)
    persons = [adult(incomes=salary(1500)), adult("b", "partner", "1982-01-01")]
    persons += [child("c1", "2021-01-10"), child("c2", "2018-01-10")]
    result = run(persons, {"status": "tenant_private", "rent": 700, "zone": 1})
    assert result.benefits["aide_logement"].amount == Decimal(expected)  # 353
    check_steps(result)


def test_no_housing_aid_for_an_owner():
    aide = run([adult()], OWNER).benefits["aide_logement"]
    assert aide.amount == 0 and aide.blocking_reason is not None


# --- AAH (law-facts § 4) -------------------------------------------------------------------------
def test_aah_full_amount_without_resources():
    result = run([adult(disability_rate=0.8)], HOSTED)
    assert result.benefits["aah"].amount == Decimal("1041.59")  # décret 2026-229
    check_steps(result)


def test_aah_ignores_the_partners_income_since_deconjugalisation():
    # Décret 2022-1694: since 2023-10 the partner's income no longer counts.
    partner = adult(
        "b", "partner", "1982-01-01", incomes=salary(3000), yearly_taxable_income={"2024": {"salary": 36000}}
    )
    result = run([adult(disability_rate=0.8), partner], HOSTED)
    assert result.benefits["aah"].amount == Decimal("1041.59")


def test_aah_of_a_worker_uses_the_quarter_with_the_work_allowances():
    # Working in M: resources = net pay of M-3..M-1 × 4, minus 80 % up to 30 % of the yearly gross SMIC
    # and 40 % above (CSS R821-4; law-facts § 4); SMIC 12.31 € × 151.67 h from 2026-06.
    yearly_smic = 12.31 * 151.67 * 12
    earned = 3 * 1000 * 4
    counted = (0.2 * min(earned, 0.3 * yearly_smic) + 0.6 * max(0, earned - 0.3 * yearly_smic)) / 12
    aah = run([adult(disability_rate=0.8, incomes=salary(1000))], HOSTED).benefits["aah"]
    assert aah.amount == euros(1041.59 - counted)  # 665.64


def test_aah_refused_below_50_percent():
    aah = run([adult(disability_rate=0.3)], HOSTED).benefits["aah"]
    assert aah.amount == 0 and "80" in aah.blocking_reason.fr


# --- Allocations familiales (law-facts § 5) ------------------------------------------------------
def test_af_three_children_under_the_ceiling():
    # 32 % + 41 % of the BMAF (CSS D521-1): 349.06 € gross, 347.31 € net of CRDS (law-facts).
    persons = [
        adult(),
        adult("b", "partner"),
        child("c1", "2015-07-01"),
        child("c2", "2017-07-01"),
        child("c3", "2019-07-01"),
    ]
    result = run(persons, OWNER)
    assert result.benefits["af"].amount == euros(round(0.73 * BMAF_2026, 2))
    assert float(result.benefits["af"].amount) * 0.995 == pytest.approx(347.31, abs=0.01)
    check_steps(result)


def test_af_age_majoration_moves_to_18_for_children_born_from_march_2012():
    # Décret 2026-138: the 16 % majoration at 14 moves to 18 for children born on/after 2012-03-01;
    # the child born 2011-06 keeps it at 14, the one born 2012-06 (14 in 2026-06) does not get it.
    persons = [
        adult(),
        adult("b", "partner"),
        child("c1", "2011-06-01"),
        child("c2", "2012-06-01"),
        child("c3", "2016-06-01"),
    ]
    af = run(persons, OWNER).benefits["af"]
    assert af.amount == euros(round(0.73 * BMAF_2026, 2) + 0.16 * BMAF_2026)  # 425.57


def test_af_halved_above_the_first_ceiling():
    # 2026 ceiling for 2 children: 79 980 € (law-facts § 5); N-2 income 100 000 € per parent
    # after the 10 % deduction is far above the second one (106 604 €): × 1/4.
    rich = {"2024": {"salary": 120000}}
    persons = [adult(yearly_taxable_income=rich), adult("b", "partner", yearly_taxable_income=rich)]
    persons += [child("c1", "2016-01-01"), child("c2", "2018-01-01")]
    af = run(persons, OWNER).benefits["af"]
    assert af.amount == euros(round(0.32 * BMAF_2026, 2) * 0.25)


def test_af_needs_two_children():
    af = run([adult(), child("c1", "2018-01-01")], OWNER).benefits["af"]
    assert af.amount == 0 and "deux" in af.blocking_reason.fr and "two" in af.blocking_reason.en


# --- Complément familial (law-facts § 6) ---------------------------------------------------------
def test_cf_majore_for_three_children_with_low_income():
    # 62.48 % of the BMAF under half the ceiling: 298.75 € gross, 297.26 € net (law-facts § 6).
    persons = [
        adult(),
        adult("b", "partner"),
        child("c1", "2015-07-01"),
        child("c2", "2017-07-01"),
        child("c3", "2019-07-01"),
    ]
    cf = run(persons, OWNER).benefits["cf"]
    assert cf.amount == euros(0.6248 * BMAF_2026)


def test_cf_refused_with_a_child_under_3():
    persons = [
        adult(),
        adult("b", "partner"),
        child("c1", "2015-07-01"),
        child("c2", "2017-07-01"),
        child("c3", "2024-07-01"),
    ]
    cf = run(persons, OWNER).benefits["cf"]
    assert cf.amount == 0 and cf.blocking_reason is not None


# --- ASF (law-facts § 7) -------------------------------------------------------------------------
def test_asf_single_parent_one_child():
    # 42.2 % of the BMAF per child: 201.78 € gross, 200.77 € net (law-facts § 7).
    asf = run([adult(), child("c1", "2018-02-01")], OWNER).benefits["asf"]
    assert asf.amount == euros(0.422 * BMAF_2026)


def test_asf_reduced_by_the_alimony_received():
    parent = adult(incomes={"alimony_received": {"2026-06": 150}})
    asf = run([parent, child("c1", "2018-02-01")], OWNER).benefits["asf"]
    assert asf.amount == euros(0.422 * BMAF_2026 - 150)


def test_no_asf_for_a_couple():
    asf = run([adult(), adult("b", "partner"), child("c1", "2018-02-01")], OWNER).benefits["asf"]
    assert asf.amount == 0 and asf.blocking_reason is not None


# --- ARS (law-facts § 8) -------------------------------------------------------------------------
def test_ars_is_yearly_and_counts_children_by_age_band():
    # School year 2026: BMAF 478.16; 6–10 y 89.72 %, 11–14 y 94.67 % (CSS D543-1). Ages at the end of
    # 2026: 11, 9 and 7.
    persons = [
        adult(),
        adult("b", "partner"),
        child("c1", "2015-07-01"),
        child("c2", "2017-07-01"),
        child("c3", "2019-07-01"),
    ]
    ars = run(persons, OWNER).benefits["ars"]
    assert ars.period == "year"
    assert ars.amount == euros((0.9467 + 2 * 0.8972) * BMAF_2026)  # 1 310.68
    one = run([adult(), child("c1", "2018-02-01")], OWNER).benefits["ars"]
    assert float(one.amount) * 0.995 == pytest.approx(426.86, abs=0.01)  # law-facts: 426.86 net


def test_ars_needs_a_school_age_child():
    ars = run([adult(), child("c1", "2023-02-01")], OWNER).benefits["ars"]
    assert ars.amount == 0 and ars.blocking_reason is not None


# ARS ages, CSS R543-2 (law-facts § 8): for the rentrée 2026, a child counts when their 6th birthday is
# before 1 February 2027 and they are not yet 18 on 15 September 2026; the rate follows the age reached
# during 2026 (11 → 11–14 y rate, 15 → 15–18 y rate). OpenFisca counts ages on 1 December instead, with
# a two-month grace at 18 (docs/oracle.md, "ARS ages").
ARS_6_10, ARS_11_14, ARS_15_18 = (euros(rate * BMAF_2026) for rate in (0.8972, 0.9467, 0.9795))


def ars_of_one_child(born: str):
    return run([adult(), child("c1", born)], OWNER, month="2026-08").benefits["ars"]


@pytest.mark.parametrize(
    ("born", "amount"),
    [("2020-12-02", ARS_6_10), ("2021-01-31", ARS_6_10), ("2021-02-01", Decimal("0.00"))],
)
def test_ars_opens_for_a_child_turning_6_before_1_february_of_the_next_year(born, amount):
    ars = ars_of_one_child(born)
    assert ars.amount == amount
    if not amount:
        assert "6 ans avant le 1er février 2027" in ars.blocking_reason.fr
        assert "6 before 1 February 2027" in ars.blocking_reason.en


@pytest.mark.parametrize(
    ("born", "amount"),
    [
        ("2008-09-02", Decimal("0.00")),
        ("2008-09-14", Decimal("0.00")),
        ("2008-09-15", Decimal("0.00")),  # 18 on 15 September itself: « dix-huit ans révolus »
        ("2008-09-16", ARS_15_18),
        ("2008-12-31", ARS_15_18),
    ],
)
def test_ars_stays_due_for_a_child_not_yet_18_on_15_september(born, amount):
    ars = ars_of_one_child(born)
    assert ars.amount == amount
    if not amount:
        assert "18 ans le 15 septembre 2026" in ars.blocking_reason.fr


@pytest.mark.parametrize(
    ("born", "amount"),
    [
        ("2015-12-02", ARS_11_14),
        ("2015-12-31", ARS_11_14),  # 11 on 31 December 2026: during the calendar year of the rentrée
        ("2016-01-01", ARS_6_10),  # 11 on 1 January 2027: not yet
        ("2011-12-02", ARS_15_18),
        ("2011-12-31", ARS_15_18),
        ("2012-01-01", ARS_11_14),
    ],
)
def test_ars_rate_follows_the_age_reached_during_the_calendar_year(born, amount):
    assert ars_of_one_child(born).amount == amount


def test_ars_explains_its_age_rule_with_its_article():
    ars = ars_of_one_child("2015-12-31")
    rule, bands = ars.steps[0], ars.steps[1]
    assert rule.legal_basis == "CSS R543-2" and rule.legal_url is not None
    assert "15 septembre 2026" in rule.label.fr
    assert "15 September 2026" in rule.label.en
    assert bands.legal_basis == "CSS D543-1"
    assert "au taux 6-10 ans (0), 11-14 ans (1) et 15-18 ans (0)" in bands.label.fr
