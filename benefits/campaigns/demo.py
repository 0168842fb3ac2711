"""A seeded synthetic allocataire file and nineteen months of monthly income feeds (`campaign_demo`).

Households are drawn from profiles the CAF meets every day (interim and seasonal workers, couples,
students, AAH, unemployment, pensions, people who should claim and don't); the same seed gives the
same households, NIRs and amounts. Each household's current rights are the core's answer on the
quarter before the last one, so a quarterly recalculation finds real changes; "non-recourants" have no
right recorded at all.
"""

import csv
import io
import json
import random
from dataclasses import dataclass
from datetime import date

from benefits.rules.communes import DATA as COMMUNES
from benefits.rules.months import month_index, month_label

PROFILES = (  # (name, weight)
    ("steady", 18),
    ("low_wage", 16),
    ("interim", 12),
    ("seasonal", 8),
    ("couple", 14),
    ("student", 6),
    ("aah", 6),
    ("unemployed", 10),
    ("retired", 4),
    ("no_income", 6),
)
# Nineteen monthly feeds, ending with the last month: a month's rights read the feed from M-16
# (households.feed_window), so the current rights (computed for the last month - 2) and a campaign for the
# month after the last one both find every month they read in the feed.
FEED_MONTHS = 19
NON_RECOURS_SHARE = 0.35  # households with a right who never claimed it (DREES: 30-35 % for RSA)
GIVEN = ("Camille", "Sacha", "Nour", "Léo", "Inès", "Yanis", "Manon", "Hugo", "Awa", "Louis", "Jade", "Adam")
FAMILY = ("MARTIN", "BERNARD", "DIALLO", "NGUYEN", "PETIT", "MOREAU", "GARCIA", "LEROY", "BENALI", "FAURE")
PAYERS = (
    "Intérim Plus",
    "Mairie",
    "Boulangerie du Centre",
    "Nettoyage Services",
    "Hôpital",
    "Logistique Est",
)


@dataclass
class DemoHousehold:
    number: str
    members: list
    housing: dict
    incomes: list  # (nir, month, payer, kind, amount)


def nir_for(counter: int, sex: int, born: date) -> str:
    body = f"{sex}{born.year % 100:02d}{born.month:02d}75{counter // 1000 % 1000:03d}{counter % 1000:03d}"
    return body + f"{97 - int(body) % 97:02d}"


def birth(rng: random.Random, year: int, low: int, high: int) -> date:
    return date(year - rng.randint(low, high), rng.randint(1, 12), rng.randint(1, 28))


def feed_months(last_month: str) -> list[str]:
    return [month_label(month_index(last_month) - FEED_MONTHS + 1 + i) for i in range(FEED_MONTHS)]


def adult(rng, counter, role, year, ages=(22, 60), activity="employed", **extra) -> dict:
    born = birth(rng, year, *ages)
    sex = rng.choice((1, 2))
    return {
        "id": "a" if role == "applicant" else "b",
        "role": role,
        "given_names": rng.choice(GIVEN),
        "family_name": rng.choice(FAMILY),
        "birth_date": born.isoformat(),
        "nir": nir_for(counter, sex, born),
        "activity": activity,
        **extra,
    }


def monthly(rng, profile: str, months: list[str], person: dict) -> list[tuple[str, str, str]]:
    """(month, payer, kind, amount) lines of one adult for the year."""
    payer = rng.choice(PAYERS)
    base = {"steady": 2300, "low_wage": 1150, "couple": rng.choice((900, 1300, 1900))}.get(profile, 0)
    lines = []
    for month in months:
        number = int(month[5:])
        if profile in ("steady", "low_wage", "couple"):
            lines.append((month, payer, "salary", base * rng.uniform(0.95, 1.05)))
        elif profile == "interim" and rng.random() < 0.75:
            lines.append((month, "Intérim Plus", "salary", rng.uniform(350, 1700)))
        elif profile == "seasonal":
            if 6 <= number <= 9:
                lines.append((month, "Camping des Pins", "salary", rng.uniform(1500, 1800)))
            else:
                lines.append((month, "France Travail", "unemployment_benefit", rng.uniform(800, 950)))
        elif profile == "student":
            lines.append((month, "Restauration rapide", "salary", rng.uniform(300, 750)))
        elif profile == "unemployed":
            lines.append((month, "France Travail", "unemployment_benefit", rng.uniform(650, 1150)))
        elif profile == "retired":
            lines.append(
                (month, "Caisse nationale d’assurance vieillesse", "pension", rng.uniform(900, 1400))
            )
        elif profile == "aah" and person.get("activity") == "employed":
            lines.append((month, "ESAT Les Ateliers", "salary", rng.uniform(500, 700)))
    return [(m, p, k, f"{a:.2f}") for m, p, k, a in lines]


def household(rng: random.Random, index: int, last_month: str, communes: list) -> DemoHousehold:
    year = int(last_month[:4])
    profile = rng.choices([p for p, _ in PROFILES], weights=[w for _, w in PROFILES])[0]
    months = feed_months(last_month)
    members = []
    if profile == "student":
        members.append(adult(rng, 2 * index, "applicant", year, (20, 23), "student"))
    elif profile == "retired":
        members.append(adult(rng, 2 * index, "applicant", year, (67, 80), "retired"))
    elif profile == "aah":
        members.append(
            adult(
                rng,
                2 * index,
                "applicant",
                year,
                activity=rng.choice(("inactive", "employed")),
                disability_rate=0.8,
            )
        )
    else:
        activity = {"unemployed": "unemployed", "no_income": "inactive"}.get(profile, "employed")
        members.append(adult(rng, 2 * index, "applicant", year, activity=activity))
    if profile == "couple" or (profile in ("low_wage", "no_income") and rng.random() < 0.3):
        members.append(adult(rng, 2 * index + 1, "partner", year, activity="employed"))
    if profile not in ("student", "retired"):
        for child in range(rng.choice((0, 0, 1, 1, 2, 3))):
            members.append(
                {
                    "id": f"c{child + 1}",
                    "role": "child",
                    "given_names": rng.choice(GIVEN),
                    "family_name": members[0]["family_name"],
                    "birth_date": birth(rng, year, 1, 17).isoformat(),
                }
            )
    incomes = []
    for member in members:
        if member["role"] != "child":
            yearly = monthly(rng, profile, months, member)
            incomes += [(member["nir"], *line) for line in yearly]
            salary = sum(float(a) for _, _, kind, a in yearly if kind == "salary")
            member["taxable_n2"] = round(salary * 0.9)
    commune = rng.choice(communes)
    status = rng.choices(
        ("tenant_private", "tenant_social", "owner", "hosted_free"), weights=(45, 35, 12, 8)
    )[0]
    housing = {"status": status, "commune_insee": commune}
    if status.startswith("tenant"):
        housing["rent"] = rng.randint(350, 850)
    return DemoHousehold(f"D{index:07d}", members, housing, incomes)


def generate(n: int, last_month: str, seed: int = 2020):
    rng = random.Random(seed)
    communes = [
        code for code, _, zone in json.loads(COMMUNES.read_text(encoding="utf-8"))["communes"] if zone
    ]
    for index in range(1, n + 1):
        yield household(rng, index, last_month, communes)


def feed_csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("nir", "month", "payer", "kind", "amount"))
    writer.writerows(rows)
    return out.getvalue().encode()
