"""A reader redoes each amount from the steps ("no black box"), findings of the 2026-12-06 walk:
the housing aid's resources from the income typed to R (the 10 % deduction, the rounding up to the
next 100 €), the prime d'activité's mean from the three months shown, English plurals and month names,
and the RSA line of the housing aid's neutralisation true to the RSA shown."""

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from benefits.rules import compute, parse_household
from benefits.rules.aides_logement_resources import individual_resources, neutralisation
from benefits.rules.engine import resolve_month
from benefits.rules.situation import Situation
from tests.benefits.rules.test_core_explanations import fixture_cases


@cache
def explained_fixtures() -> list:
    """(id, household, explained result) of every fixture household, computed once for the tests below."""
    out = []
    for case in fixture_cases():
        household = parse_household(case["household"], case["month"])
        out.append((case["id"], household, compute(household)))
    return out


MONTHS = [f"{year}-{month:02d}" for year in (2025, 2026) for month in range(1, 13)]


def single_tenant(salaries: dict[str, float], rent: float = 500) -> dict:
    return {
        "persons": [
            {"id": "a", "role": "applicant", "birth_date": "1985-03-10", "incomes": {"salary": salaries}}
        ],
        "housing": {"status": "tenant_private", "rent": rent, "zone": 2},
    }


def steady(salary: float) -> dict:
    return single_tenant(dict.fromkeys(MONTHS, salary))


def labels(benefit, language: str = "fr") -> list[str]:
    return [step.label.get(language) for step in benefit.steps]


def test_housing_aid_goes_from_the_income_typed_to_the_resources_of_the_scale():
    """1 200 € a month: 14 400 € over the 12 months, − 10 % = 12 960 €, rounded up to 13 000 €."""
    aid = compute(parse_household(steady(1200), "2026-09")).benefits["aide_logement"]
    french = labels(aid)
    assert "Revenus imposables déclarés : 14\u00a0400\u00a0€ de salaires d’août 2025 à juillet 2026" in french
    deduction = next(step for step in aid.steps if step.label.fr.startswith("Abattement de 10\u00a0%"))
    assert deduction.label.fr.endswith(": − 1\u00a0440\u00a0€, reste 12\u00a0960\u00a0€")
    assert deduction.legal_basis == "CCH R822-3; CGI 83 3°" and deduction.op == "i"
    assert (
        "Ressources retenues : 12\u00a0960\u00a0€, arrondies à la centaine d’euros supérieure : "
        "13\u00a0000\u00a0€"
    ) in french
    english = labels(aid, "en")
    assert "Taxable income declared: 14400 € of salaries from August 2025 to July 2026" in english
    assert "Resources retained: 12960 €, rounded up to the next 100 €: 13000 €" in english
    # The participation's line uses that R, right after it.
    index = french.index(next(label for label in french if label.startswith("Ressources retenues")))
    assert french[index + 2].startswith(
        "Participation selon vos revenus : (ressources retenues 13\u00a0000\u00a0€"
    )


EURO = r"(-?[0-9]+(?:\.[0-9]+)?) €"


def resource_chain_problems(case_id: str, aid) -> list[str]:
    """Re-adds the English resource lines: each "leaving" is the one before minus (plus) its amount, and
    the retained total, rounded up to the next 100 €, is the R of the participation line."""
    english = labels(aid, "en")
    declared = [label for label in english if label.startswith("Taxable income declared: ")]
    final = [label for label in english if label.startswith("Resources retained: ")]
    if not final:
        return [] if not declared else [f"{case_id}: declared income without the resources line"]
    retained, rounded = (
        float(x) for x in re.match(rf"Resources retained: {EURO}, .*: {EURO}$", final[0]).groups()
    )
    running = 0.0
    if declared:
        amounts = [float(x) for x in re.findall(rf"(?:: |, ){EURO} of ", declared[0])]
        running = sum(amounts)
        in_all = re.search(rf", {EURO} in all$", declared[0])
        if in_all and abs(float(in_all[1]) - running) > 0.011:
            return [f"{case_id}: the declared incomes do not add up: {declared[0]}"]
    problems = []
    for label in english:
        flat = re.match(rf"Student under \d+: flat-rate resources of {EURO}$", label)
        if flat:
            running = float(flat[1])
            continue
        step = re.search(rf": ([−+]) {EURO}, leaving {EURO}$", label)
        if step and not label.startswith("Taxable"):
            sign, amount, leaving = step[1], float(step[2]), float(step[3])
            running = running - amount if sign == "−" else running + amount
            if abs(running - leaving) > 0.011:
                problems.append(f"{case_id}: {label} (expected {running:.2f})")
            running = leaving
    if abs(max(running, 0.0) - retained) > 0.011:
        problems.append(f"{case_id}: retained {retained} after the lines giving {running:.2f}")
    if math.ceil(round(retained * 100) / 100 / 100) * 100 != rounded:
        problems.append(f"{case_id}: {retained} rounded up is not {rounded}")
    participation = [label for label in english if "resources retained " in label]
    if participation and f"resources retained {rounded:.0f} €" not in participation[0]:
        problems.append(f"{case_id}: R {rounded} is not the participation's: {participation[0]}")
    return problems


def test_every_fixture_households_resource_lines_re_add_to_the_r_used():
    from benefits.rules.aides_logement_resources import resource_parts  # the explanation's own parts

    problems = []
    seen = 0
    for case_id, household, result in explained_fixtures():
        aid = result.benefits["aide_logement"]
        if any(label.startswith("Resources retained") for label in labels(aid, "en")):
            seen += 1
        problems += resource_chain_problems(case_id, aid)
        month = resolve_month(household, None)
        situation = Situation(household, month)
        neutralised = neutralisation(situation, month)
        for person in household.adults:
            parts = resource_parts(situation, person, month, neutralised)
            total = (
                parts["salaries"]
                + parts["unemployment"]
                + parts["pension"]
                + parts["alimony"]
                + parts["invalidity"]
                + parts["profit"]
                - parts["deduction"]
                - parts["pension_deduction"]
                - parts["allowance"]
                - parts["neutralised"]
            )
            expected = individual_resources(situation, person, month, neutralised)
            if abs(total - expected) > 1e-6:
                problems.append(f"{case_id} {person.id}: parts {total} for {expected}")
    assert seen > 100
    assert problems == [], "\n".join(problems[:20])


def varied_quarter() -> dict:
    salaries = dict.fromkeys(MONTHS, 1000.0)
    salaries.update({"2026-06": 900.01, "2026-07": 1003.33, "2026-08": 600.37})
    return single_tenant(salaries)


def sum_problems(case_id: str, benefit) -> list[str]:
    sums = [step for step in benefit.steps if step.label.en.startswith("Sum of the primes")]
    mean = next((step for step in benefit.steps if step.label.en.startswith("Average of the primes")), None)
    if mean is None:
        return []
    if len(sums) != 1:
        return [f"{case_id}: no sum before the average"]
    terms, total = re.match(
        r"Sum of the primes of the three previous months: (.*) = ([0-9.-]+) €", sums[0].label.en
    ).groups()
    values = [Decimal(term.removesuffix(" €")) for term in terms.split(" + ")]
    if sum(values) != Decimal(total):
        return [f"{case_id}: {sums[0].label.en}"]
    if (Decimal(total) / 3).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) != mean.amount:
        return [f"{case_id}: {total} ÷ 3 is not {mean.amount}"]
    return []


def test_the_prime_dactivites_mean_re_adds_from_the_three_months_shown():
    """The months' lines show 243,32 + 227,40 + 320,64 (mean 263,79) while the mean of the unrounded
    primes is 263,78: the sum line shows them to the thousandth and says why."""
    benefit = compute(parse_household(varied_quarter(), "2026-09")).benefits["ppa"]
    assert benefit.amount == Decimal("263.78")
    line = next(label for label in labels(benefit) if label.startswith("Somme des primes"))
    assert line.startswith(
        "Somme des primes des trois mois précédents : 243,317\u00a0€ + 227,399\u00a0€ + 320,638\u00a0€ "
        "= 791,354\u00a0€, à diviser par 3 (primes au millième d’euro"
    )
    assert "elles donneraient 263,79\u00a0€" in line
    assert sum_problems("varied", benefit) == []
    plain = compute(parse_household(steady(1200), "2026-09")).benefits["ppa"]
    assert (
        "211,69\u00a0€ + 211,69\u00a0€ + 211,69\u00a0€ = 635,07\u00a0€, à diviser par 3" in labels(plain)[-2]
    )


def test_every_fixture_households_prime_dactivite_mean_re_adds():
    problems = []
    for case_id, _, result in explained_fixtures():
        problems += sum_problems(case_id, result.benefits["ppa"])
    assert problems == [], "\n".join(problems[:20])


def test_english_lines_count_in_english_and_name_the_months():
    result = compute(parse_household(steady(1200), "2026-09"))
    rsa, aid, ppa = (labels(result.benefits[name], "en") for name in ("rsa", "aide_logement", "ppa"))
    assert "Lump sum for 1 person" in rsa
    assert "Flat-rate charges (0 dependants)" in aid
    assert [label.split(":")[0] for label in ppa if "share of earned income" in label] == [
        "June 2026",
        "July 2026",
        "August 2026",
    ]
    assert not any(label.startswith("Month ") for label in ppa)
    french = labels(result.benefits["rsa"])
    assert "Montant forfaitaire pour 1 personne" in french
    family = {
        "persons": [
            {"id": "a", "role": "applicant", "birth_date": "1985-03-10"},
            {"id": "b", "role": "partner", "birth_date": "1986-03-10"},
            {"id": "c", "role": "child", "birth_date": "2015-01-01"},
        ],
        "housing": {"status": "tenant_private", "rent": 700, "zone": 2},
    }
    result = compute(parse_household(family, "2026-09"))
    assert "Lump sum for 3 people" in labels(result.benefits["rsa"], "en")
    assert "Montant forfaitaire pour 3 personnes" in labels(result.benefits["rsa"])
    assert "Flat-rate charges (1 dependant)" in labels(result.benefits["aide_logement"], "en")
    assert "Forfait de charges (1 personne à charge)" in labels(result.benefits["aide_logement"])


def test_no_english_line_of_the_fixtures_writes_a_plural_in_brackets():
    problems = set()
    for _, _, result in explained_fixtures():
        for benefit in result.benefits.values():
            for step in benefit.steps:
                for text in (step.label.en, step.label.fr):
                    if re.search(r"\((?:s|ren)\)|\bMonth 20|\b20[0-9]{2}-[01][0-9]\b", text):
                        problems.add(text)
    assert not problems, sorted(problems)[:10]


def neutralisation_line(salary: float):
    result = compute(parse_household(steady(salary), "2026-09"))
    aid = result.benefits["aide_logement"]
    lines = [step for step in aid.steps if step.legal_basis == "CCH R822-17"]
    assert len(lines) == 1 and lines[0].op == "i" and lines[0].amount is None
    return result, lines[0].label


def test_the_rsa_neutralisation_line_does_not_say_the_rsa_was_received_when_the_page_shows_none():
    """600 € a month: the RSA of August 2026 is 0 with the housing aid counted (the page shows « pas de
    droit »), 51,69 € without it, which is where OpenFisca cuts the loop and neutralises the income."""
    result, label = neutralisation_line(600)
    assert result.benefits["rsa"].amount == 0
    assert "a perçu le RSA" not in label.fr and "received the RSA last month" not in label.en
    assert "le RSA d’août 2026 estimé sans compter l’aide au logement serait de 51,69\u00a0€" in label.fr
    assert "il n’y a pas de droit au RSA" in label.fr
    assert "the RSA of August 2026 estimated without the housing aid would be 51.69 €" in label.en
    assert result.benefits["aide_logement"].amount == Decimal("304.00")  # unchanged


def test_the_rsa_neutralisation_line_names_the_rsa_due_when_there_is_one():
    result, label = neutralisation_line(200)
    assert result.benefits["rsa"].amount > 0
    assert "le foyer a droit au RSA en août 2026 (estimé à " in label.fr
    assert "ce calcul suppose que ce RSA a été versé" in label.fr
    assert "the household is entitled to the RSA in August 2026" in label.en
