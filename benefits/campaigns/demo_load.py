"""Loads the synthetic file into the database: files, NIR index, current rights, and the year's feeds.

The feeds go through the real import (income_feed_import), one CSV file per month written under
var/income-feed/, so the demo exercises the same path as the DRM's files. Idempotent: the same seed
gives the same file numbers (skipped when present) and the same feed files (recognised by digest).
"""

from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.db import transaction

from benefits.campaigns.demo import feed_csv, feed_months, generate
from benefits.campaigns.feed_import import income_feed_import
from benefits.campaigns.feed_models import PersonNir
from benefits.campaigns.households import neutral_household, quarter
from benefits.campaigns.kinds import QUARTERLY
from benefits.claims.file_checks import file_check
from benefits.claims.file_holder import holder_identity
from benefits.claims.models import AllocataireFile
from benefits.income.emulator_data import amounts_for
from benefits.rules import compute_batch
from benefits.rules.months import month_index, month_label
from portal.pg_copy import tables_analyze

BATCH = 2000
# The demo person who could claim the prime d'activité and never did (docs/campaigns.md).
DEMO_NON_RECOURANT = "0000006"


def rights_of(households) -> dict[str, list]:
    """Each household's rights on the quarter before the last one: what the CAF pays today."""
    out, cases = {}, []
    for demo, month in households:
        incomes = defaultdict(lambda: defaultdict(dict))
        for nir, line_month, _, kind, amount in demo.incomes:
            incomes[nir][kind][line_month] = incomes[nir][kind].get(line_month, 0) + float(amount)
        row = {"pk": demo.number, "members": demo.members, "housing": demo.housing}
        cases.append((demo.number, month, neutral_household(row, month, incomes)))
    for result in compute_batch(cases):
        benefits = result.get("benefits", {})
        out[result["id"]] = [
            {"benefit": name, "amount": f"{benefits[name]:.2f}"}
            for name in (*QUARTERLY, "af", "asf", "aah")
            if benefits.get(name, 0) > 0
        ]
    return out


def load_households(n: int, last_month: str, seed: int, non_recours_share: float) -> dict[str, list]:
    """Creates the files (and their NIR index); returns every feed line by month."""
    import random

    rng = random.Random(seed + 1)
    rights_month = month_label(month_index(last_month) - 2)
    by_month = defaultdict(list)
    pending = []
    for demo in generate(n, last_month, seed):
        for line in demo.incomes:
            by_month[line[1]].append(line)
        pending.append(demo)
        if len(pending) >= BATCH:
            store(pending, rights_month, rng, non_recours_share)
            pending = []
    store(pending, rights_month, rng, non_recours_share)
    return by_month


@transaction.atomic
def store(pending, rights_month, rng, non_recours_share) -> None:
    if not pending:
        return
    # The same draw per household, in order, as before; a non-recourant's rights are not computed.
    claims = {demo.number: rng.random() >= non_recours_share for demo in pending}
    rights = rights_of((demo, rights_month) for demo in pending if claims[demo.number])
    files = []
    for demo in pending:
        applicant = demo.members[0]
        file = AllocataireFile(
            number=demo.number,
            family_name=applicant["family_name"],
            given_names=applicant["given_names"],
            birth_date=applicant["birth_date"],
            members=demo.members,
            housing=demo.housing,
            rights=rights[demo.number] if claims[demo.number] else [],
        )
        # The check of every writer (the overseas communes the generator draws are kept): nothing of the
        # batch is stored if one file would be refused by the core.
        file_check(
            members=file.members,
            housing=file.housing,
            rights=file.rights,
            holder=holder_identity(file),
            number=file.number,
        )
        files.append(file)
    AllocataireFile.objects.bulk_create(files, ignore_conflicts=True, batch_size=BATCH)
    index_nirs(AllocataireFile.objects.filter(number__in=[demo.number for demo in pending]))


def index_nirs(files) -> int:
    rows = [
        PersonNir(nir=member["nir"], file_id=file.pk, member=member["id"])
        for file in files
        for member in file.members
        if member.get("nir")
    ]
    PersonNir.objects.bulk_create(rows, ignore_conflicts=True, batch_size=BATCH)
    return len(rows)


def portal_demo_lines(months: list[str]) -> list[tuple]:
    """The feed of the portal's demo identities, the same figures as the income emulator gives."""
    lines = []
    for file in AllocataireFile.objects.exclude(number__startswith="D"):
        for member in file.adults:
            nir = member.get("nir", "")
            if nir:
                rows, _ = amounts_for(nir, months)
                lines += [(nir, r["mois"], r["employeur"], "salary", r["montant_net_social"]) for r in rows]
    return lines


def campaign_demo_load(
    *, households: int, last_month: str, seed: int = 2020, non_recours_share=0.35, folder: Path | None = None
) -> dict:
    by_month = load_households(households, last_month, seed, non_recours_share)
    months = feed_months(last_month)
    index_nirs(AllocataireFile.objects.exclude(number__startswith="D"))
    tables_analyze(AllocataireFile, PersonNir)
    for line in portal_demo_lines(months):
        by_month[line[1]].append(line)
    AllocataireFile.objects.filter(number=DEMO_NON_RECOURANT).update(rights=[])
    folder = folder or Path(settings.BASE_DIR) / "var" / "income-feed"
    folder.mkdir(parents=True, exist_ok=True)
    imported = []
    for month in months:
        data = feed_csv(line for line in by_month.get(month, ()))
        path = folder / f"drm-{month}-{households}-{seed}.csv"
        path.write_bytes(data)
        report = income_feed_import(data=data, name=path.name, recalculate=False)
        imported.append((path, report))
    return {"files": AllocataireFile.objects.count(), "feeds": imported, "quarter": quarter(last_month)}
