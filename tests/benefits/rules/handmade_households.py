"""Hand-made edge-case households for the OpenFisca differential fixture `oracle_handmade.json`.

Random households rarely hit the legal corners (a child turning 20 this month, the 2026 switch of
the AF age majoration, a residence permit just under five years…), so each case here targets one.
Standard library only: `make_oracle_fixtures.py` imports it from the oracle's virtualenv.
"""

TAXABLE_RATIO = 1.03  # net taxable pay ≈ net pay + non-deductible CSG/CRDS


def months(first: str, last: str) -> list[str]:
    start = int(first[:4]) * 12 + int(first[5:7]) - 1
    end = int(last[:4]) * 12 + int(last[5:7]) - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(start, end + 1)]


def history_start(month: str) -> str:
    """The format asks for incomes from January of year N-1 to the computed month M."""
    return f"{int(month[:4]) - 1}-01"


def series(month: str, amount: float, first: str | None = None, last: str | None = None) -> dict:
    return {m: amount for m in months(first or history_start(month), last or month)}


def pay(month: str, net: float, first: str | None = None, last: str | None = None) -> dict:
    """Salary and its taxable counterpart, as payslips give them."""
    salary = series(month, net, first, last)
    return {"salary": salary, "salary_taxable": {m: round(v * TAXABLE_RATIO, 2) for m, v in salary.items()}}


def n2(month: str, **amounts: float) -> dict:
    """Yearly taxable income of year N-2 (family-benefit ceilings, AAH of a non-worker)."""
    return {str(int(month[:4]) - 2): amounts}


def adult(pid: str, role: str, birth: str, **extra) -> dict:
    return {"id": pid, "role": role, "birth_date": birth, **extra}


def child(pid: str, birth: str, **extra) -> dict:
    return {"id": pid, "role": "child", "birth_date": birth, **extra}


def tenant(status: str, rent: float, zone: int) -> dict:
    return {"status": status, "rent": rent, "zone": zone}


def cases() -> list[tuple[str, str, dict]]:
    """(id, month, household) of every hand-made case."""
    M = "2026-06"
    out = []

    def add(case_id: str, month: str, persons: list, housing: dict, **extra) -> None:
        out.append(
            (case_id, month, {"id": case_id, "month": month, "persons": persons, "housing": housing, **extra})
        )

    # Single parent, child of 1, recent separation: RSA/PPA majoration, ASF without alimony, housing aid.
    add(
        "hm-single-parent-young-child",
        M,
        [
            adult(
                "a",
                "applicant",
                "1994-04-12",
                activity="employed",
                incomes=pay(M, 900),
                yearly_taxable_income=n2(M, salary=10800),
            ),
            child("c1", "2025-02-10"),
        ],
        tenant("tenant_private", 620, 2),
        single_parent_since="2026-01",
    )

    # Couple with three children aged 3 to 19: complément familial (3 children aged 3+).
    add(
        "hm-couple-3-children-cf",
        M,
        [
            adult(
                "a",
                "applicant",
                "1982-03-08",
                activity="employed",
                incomes=pay(M, 1700),
                yearly_taxable_income=n2(M, salary=21000),
            ),
            adult("b", "partner", "1984-11-23", activity="inactive"),
            child("c1", "2022-09-01"),
            child("c2", "2016-05-20"),
            child("c3", "2007-01-15"),
        ],
        tenant("tenant_social", 480, 3),
    )

    # Same family when the youngest is not yet 3: no CF.
    add(
        "hm-couple-3-children-youngest-2",
        M,
        [
            adult(
                "a",
                "applicant",
                "1982-03-08",
                activity="employed",
                incomes=pay(M, 1700),
                yearly_taxable_income=n2(M, salary=21000),
            ),
            adult("b", "partner", "1984-11-23", activity="inactive"),
            child("c1", "2023-09-01"),
            child("c2", "2016-05-20"),
            child("c3", "2007-01-15"),
        ],
        tenant("tenant_social", 480, 3),
    )

    # AAH at 80 % with a working partner: individual AAH since the 2023 déconjugalisation…
    partner_pay = pay(M, 2200)
    add(
        "hm-aah-80-partner-working",
        M,
        [
            adult("a", "applicant", "1980-07-19", activity="inactive", disability_rate=0.8),
            adult(
                "b",
                "partner",
                "1979-02-02",
                activity="employed",
                incomes=partner_pay,
                yearly_taxable_income=n2(M, salary=27000),
            ),
        ],
        tenant("tenant_private", 700, 2),
    )
    # …and the same with the transitional right to the couple-based computation.
    add(
        "hm-aah-80-partner-working-couple-option",
        M,
        [
            adult(
                "a",
                "applicant",
                "1980-07-19",
                activity="inactive",
                disability_rate=0.8,
                aah_couple_calculation_option=True,
            ),
            adult(
                "b",
                "partner",
                "1979-02-02",
                activity="employed",
                incomes=partner_pay,
                yearly_taxable_income=n2(M, salary=27000),
            ),
        ],
        tenant("tenant_private", 700, 2),
    )

    # AAH at 60 % with RSDAE, working part time: quarterly assessment with work allowances.
    add(
        "hm-aah-60-rsdae-working",
        M,
        [
            adult(
                "a",
                "applicant",
                "1975-09-30",
                activity="employed",
                disability_rate=0.6,
                disability_employment_restriction=True,
                incomes=pay(M, 600),
                yearly_taxable_income=n2(M, salary=7400),
            ),
        ],
        tenant("tenant_private", 540, 3),
    )

    # Social housing (APL) in zone 1.
    add(
        "hm-tenant-social-zone1",
        M,
        [
            adult(
                "a",
                "applicant",
                "1990-01-25",
                activity="employed",
                incomes=pay(M, 1300),
                yearly_taxable_income=n2(M, salary=15500),
            ),
        ],
        tenant("tenant_social", 420, 1),
    )

    # Owner without loan: no housing aid, RSA/PPA forfait logement.
    add(
        "hm-owner-couple-2-children",
        M,
        [
            adult(
                "a",
                "applicant",
                "1985-06-06",
                activity="employed",
                incomes=pay(M, 1450),
                yearly_taxable_income=n2(M, salary=17500),
            ),
            adult("b", "partner", "1987-12-12", activity="inactive"),
            child("c1", "2014-09-03"),
            child("c2", "2019-11-20"),
        ],
        {"status": "owner"},
    )

    # Owner repaying a loan (no housing aid computed), small pension.
    add(
        "hm-owner-with-loan-retired",
        M,
        [
            adult(
                "a",
                "applicant",
                "1958-04-04",
                activity="retired",
                incomes={"pension": series(M, 900)},
                yearly_taxable_income=n2(M, pension=10700),
            ),
        ],
        {"status": "owner_with_loan", "rent": 500},
    )

    # Housed free of charge, no income: RSA minus the forfait logement.
    add(
        "hm-hosted-free-no-income",
        M,
        [
            adult("a", "applicant", "1996-08-17", activity="inactive"),
        ],
        {"status": "hosted_free"},
    )

    # Homeless, no income: full RSA, no forfait logement.
    add(
        "hm-homeless-no-income",
        M,
        [
            adult("a", "applicant", "1971-05-05", activity="inactive"),
        ],
        {"status": "homeless"},
    )

    # Under 25, no child: no RSA.
    add(
        "hm-young-adult-23-no-income",
        M,
        [
            adult("a", "applicant", "2003-02-14", activity="inactive"),
        ],
        tenant("tenant_private", 450, 3),
    )

    # Student with a small job in a furnished flat: student housing-aid rules, no RSA.
    add(
        "hm-student-furnished",
        M,
        [
            adult("a", "applicant", "2004-10-02", activity="student", incomes=pay(M, 400, first="2025-09")),
        ],
        tenant("tenant_private_furnished", 480, 2),
    )

    # Non-EU foreigner with 2 years of residence permit (RSA needs 5), and the same with 6 years.
    for years in (2, 6):
        add(
            f"hm-foreigner-{years}y-permit",
            M,
            [
                adult(
                    "a",
                    "applicant",
                    "1989-03-03",
                    activity="inactive",
                    nationality="MA",
                    residence_permit_years=years,
                ),
            ],
            tenant("tenant_private", 450, 3),
        )

    # Recently unemployed: pay until March, ARE since April (housing-aid allowance for unemployment).
    add(
        "hm-unemployed-recently",
        M,
        [
            adult(
                "a",
                "applicant",
                "1988-10-10",
                activity="unemployed",
                unemployed_since="2026-04-01",
                incomes={
                    **pay(M, 2100, last="2026-03"),
                    "unemployment_benefit": series(M, 1350, first="2026-04"),
                },
                yearly_taxable_income=n2(M, salary=26000),
            ),
        ],
        tenant("tenant_private", 560, 3),
    )

    # Child who turned 20 last month, turns 20 in the computed month, turns 20 next month (AF/ASF age limit).
    for case_id, birth in (
        ("hm-child-turned-20-last-month", "2006-05-20"),
        ("hm-child-turning-20", "2006-06-14"),
        ("hm-child-turning-20-next-month", "2006-07-03"),
    ):
        add(
            case_id,
            M,
            [
                adult(
                    "a",
                    "applicant",
                    "1980-01-30",
                    activity="employed",
                    incomes={**pay(M, 1600), "alimony_received": series(M, 150)},
                    yearly_taxable_income=n2(M, salary=19800),
                ),
                child("c1", birth),
                child("c2", "2011-02-01"),
            ],
            tenant("tenant_private", 750, 2),
        )

    # Children born in 2012 around the 2026-03-01 switch of the AF age majoration (14 -> 18); three
    # children, because the eldest of a family of two never gets the majoration.
    for case_id, birth in (("hm-child-born-2012-02", "2012-02-20"), ("hm-child-born-2012-03", "2012-03-10")):
        add(
            case_id,
            M,
            [
                adult(
                    "a",
                    "applicant",
                    "1981-05-15",
                    activity="employed",
                    incomes=pay(M, 2300),
                    yearly_taxable_income=n2(M, salary=28000),
                ),
                adult(
                    "b",
                    "partner",
                    "1983-08-08",
                    activity="employed",
                    incomes=pay(M, 1200),
                    yearly_taxable_income=n2(M, salary=14500),
                ),
                child("c0", "2009-05-05"),
                child("c1", birth),
                child("c2", "2017-05-05"),
            ],
            tenant("tenant_private", 850, 1),
        )

    # Micro-entrepreneur: monthly turnover for RSA/PPA, N-2 profit for housing aid.
    add(
        "hm-micro-entrepreneur",
        M,
        [
            adult(
                "a",
                "applicant",
                "1986-12-01",
                activity="employed",
                incomes={"self_employment": series(M, 1200)},
                yearly_taxable_income=n2(M, self_employment=7000),
            ),
        ],
        tenant("tenant_private", 590, 2),
    )

    # Tenant located by INSEE commune code only (Lyon, zone 2).
    add(
        "hm-commune-insee-only",
        M,
        [
            adult(
                "a",
                "applicant",
                "1991-04-21",
                activity="employed",
                incomes=pay(M, 1500),
                yearly_taxable_income=n2(M, salary=17000),
            ),
            adult(
                "b",
                "partner",
                "1992-06-30",
                activity="unemployed",
                unemployed_since="2025-11-01",
                incomes={"unemployment_benefit": series(M, 900, first="2025-11")},
            ),
            child("c1", "2021-10-10"),
        ],
        {"status": "tenant_private", "rent": 780, "commune_insee": "69123"},
    )

    # Single parent with a small alimony: ASF differential.
    add(
        "hm-single-parent-small-alimony",
        M,
        [
            adult(
                "a",
                "applicant",
                "1990-09-09",
                activity="employed",
                incomes={**pay(M, 1250), "alimony_received": series(M, 60)},
                yearly_taxable_income=n2(M, salary=14800),
            ),
            child("c1", "2015-03-03"),
        ],
        tenant("tenant_social", 390, 2),
    )

    # Sickness spell in M-1 and M replacing the salary.
    add(
        "hm-sickness-spell",
        M,
        [
            adult(
                "a",
                "applicant",
                "1984-02-29",
                activity="employed",
                incomes={**pay(M, 1550, last="2026-04"), "sickness_benefit": series(M, 700, first="2026-05")},
                yearly_taxable_income=n2(M, salary=18900),
            ),
            child("c1", "2018-07-07"),
        ],
        tenant("tenant_private", 640, 3),
        single_parent_since="2025-02",
    )

    # Large low-income family: AF with 4 children, CF majoré, ARS.
    add(
        "hm-large-family-4-children",
        M,
        [
            adult(
                "a",
                "applicant",
                "1983-01-01",
                activity="employed",
                incomes=pay(M, 1400),
                yearly_taxable_income=n2(M, salary=16500),
            ),
            adult("b", "partner", "1985-05-05", activity="inactive"),
            child("c1", "2009-09-09"),
            child("c2", "2012-12-12"),
            child("c3", "2016-06-16"),
            child("c4", "2020-02-20"),
        ],
        tenant("tenant_social", 560, 2),
    )

    # ARS month (August 2025): single parent, children of 7 and 16.
    A = "2025-08"
    add(
        "hm-ars-august-2025",
        A,
        [
            adult(
                "a",
                "applicant",
                "1982-11-11",
                activity="employed",
                incomes=pay(A, 1100),
                yearly_taxable_income=n2(A, salary=12900),
            ),
            child("c1", "2018-04-04"),
            child("c2", "2009-01-20"),
        ],
        tenant("tenant_private", 610, 3),
    )

    # April 2026 revaluation month (RSA 651.69), no income.
    R = "2026-04"
    add(
        "hm-revaluation-april-2026",
        R,
        [
            adult("a", "applicant", "1977-07-07", activity="inactive"),
        ],
        tenant("tenant_private", 520, 2),
    )

    # October 2026 housing-aid scales, couple in zone 1.
    october = "2026-10"
    add(
        "hm-housing-scales-october-2026",
        october,
        [
            adult(
                "a",
                "applicant",
                "1993-03-13",
                activity="employed",
                incomes=pay(october, 1350),
                yearly_taxable_income=n2(october, salary=15000),
            ),
            adult("b", "partner", "1994-04-14", activity="student"),
        ],
        tenant("tenant_private", 980, 1),
    )

    # AAH with the couple option (85 %, RSDAE), working a little, and a partner who works and has an
    # invalidity pension: the AAH counts the partner's ASI of the quarter before, whose resources count
    # the AAH of the quarter before that… back to 2024 (issue 17 F: the core used to crash here).
    for month in ("2025-01", "2025-03", "2025-05"):
        add(
            f"hm-aah-couple-option-partner-asi-{month}",
            month,
            [
                adult(
                    "a",
                    "applicant",
                    "1980-07-19",
                    activity="employed",
                    disability_rate=0.85,
                    disability_employment_restriction=True,
                    aah_couple_calculation_option=True,
                    incomes=pay(month, 300),
                ),
                adult(
                    "b",
                    "partner",
                    "1979-02-02",
                    activity="employed",
                    disability_rate=0.5,
                    incomes={**pay(month, 1200), "invalidity_pension": series(month, 400)},
                    yearly_taxable_income=n2(month, salary=15000, pension=4800),
                ),
            ],
            tenant("tenant_private", 600, 2),
        )
    return out
