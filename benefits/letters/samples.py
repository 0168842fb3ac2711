"""Sample letters of each kind from the demo data, computed by the core, nothing kept in the database.

`manage.py letters sample KIND OUT.pdf`, the benchmarks and the tests use them: a demo file (Camille's
household) files a quarterly declaration prefilled from the income emulator's figures, in a
transaction that is rolled back; the letter returned is unsaved, with its frozen context.
"""

from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone

from benefits.claims import declaration
from benefits.claims.demo import FILES, members_of
from benefits.claims.models import AllocataireFile, ClaimDraft, Status
from benefits.claims.services import claim_set_status, claim_submit
from benefits.income.emulator_data import amounts_for
from benefits.letters.contexts import (
    decision_context,
    eligibility_context,
    recalculation_context,
    receipt_context,
)
from benefits.letters.models import Letter, LetterKind
from benefits.rules import compute, parse_household
from portal.fcplus_emulator.identities import IDENTITIES

SAMPLE_MONTH = "2026-11"
SUBJECTS = {
    LetterKind.RECEIPT: "Accusé de réception de votre déclaration trimestrielle de ressources",
    LetterKind.DECISION: "Décision sur votre déclaration trimestrielle de ressources",
    LetterKind.RECALCULATION: "Nouveau calcul de vos droits",
    LetterKind.ELIGIBILITY: "Vous pourriez avoir droit à une aide",
    LetterKind.CONFIDENTIAL_RECEIPT: "Accusé de réception : votre demande du 01/12/2026",
    LetterKind.EXCEPTIONAL_AID: "Aide exceptionnelle de solidarité",
}


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def demo_file(key: str = "camille") -> AllocataireFile:
    _key, number, nir, partner, children, housing, rights = next(f for f in FILES if f[0] == key)
    identity = IDENTITIES[key]
    file = AllocataireFile(
        number=f"S{number}",
        family_name=identity.family_name,
        given_names=identity.given_name,
        birth_date=identity.birthdate,
        members=members_of(identity, nir, partner, children),
        housing=housing,
        rights=rights,
    )
    # The check of the /gestion/ form (benefits/claims/file_checks.py): a sample is a file the portal stores.
    file.full_clean()
    file.save()
    return file


def prefilled_data(file: AllocataireFile, months: list[str]) -> dict:
    """A draft's data as the income emulator prefills it, every line confirmed but the first one,
    corrected (so the receipt shows both sources)."""
    data = {"figures": {}, "prefill": {}, "missing": {}, "other": {}}
    for adult in file.adults:
        rows, _missing = amounts_for(adult["nir"], months)
        data["figures"][adult["id"]] = {
            month: [
                {
                    "employer": row["employeur"],
                    "prefilled": row["montant_net_social"],
                    "declared_on": row["date_declaration"],
                    "choice": "confirm",
                    "typed": "",
                }
                for row in rows
                if row["mois"] == month
            ]
            for month in months
        }
        data["prefill"][adult["id"]] = "ok"
        data["missing"][adult["id"]] = []
    first = data["figures"]["a"][months[0]][0]
    first.update(choice="correct", typed="700,00")
    return data


def sample_context(kind: str, file) -> dict:
    """The frozen context of a sample letter of `kind` for `file` (call inside rolled_back())."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create(username=f"sample-{file.number}")
    months = declaration.quarter(SAMPLE_MONTH)
    draft = ClaimDraft.objects.create(
        file=file, user=user, kind="dtr", month=SAMPLE_MONTH, data=prefilled_data(file, months)
    )
    claim = claim_submit(draft=draft, by=user, channel="home")
    if kind == LetterKind.CONFIDENTIAL_RECEIPT:  # benefits/auu/letters.py
        return {
            "kind": kind,
            "issued_on": "2026-12-01",
            "addressee": {"name": "Camille Martin", "file_number": "", "address": ""},
            "filed_at": "2026-12-01T10:00:00+01:00",
            "due_by": "2026-12-04",
            "amount": 977.54,
            "form": "grant",
            "parameters_version": "",
        }
    if kind == LetterKind.RECEIPT:
        return receipt_context(claim=claim)
    if kind == LetterKind.DECISION:
        claim_set_status(claim=claim, status=Status.INSTRUCTING, by=user, channel="agent")
        claim = claim_set_status(claim=claim, status=Status.ACCEPTED, by=user, channel="agent")
        return decision_context(claim=claim)
    if kind == LetterKind.EXCEPTIONAL_AID:  # benefits/campaigns/aid_letter.py
        return exceptional_aid_sample(file, parse_household(claim.household, SAMPLE_MONTH))
    result = compute(parse_household(claim.household, SAMPLE_MONTH), SAMPLE_MONTH, explain=True)
    if kind == LetterKind.RECALCULATION:
        old = {"rsa": "0.00", "ppa": "212.40"}
        new = {name: str(result.benefits[name].amount) for name in ("rsa", "ppa")}
        incomes = [
            {
                "person": "Camille",
                "month": months[0],
                "label": {"fr": "Salaire (montant net social)", "en": "Salary (net social amount)"},
                "old": "742.18",
                "new": "700.00",
            }
        ]
        return recalculation_context(
            file=file,
            month=SAMPLE_MONTH,
            old_amounts=old,
            new_amounts=new,
            changed_incomes=incomes,
            explanation=result,
        )
    return eligibility_context(
        file=file,
        month=SAMPLE_MONTH,
        result=result,
        claim_url="https://portail.example.fr/mon-espace/demarches/",
    )


def exceptional_aid_sample(file, household) -> dict:
    from datetime import date
    from decimal import Decimal

    from benefits.campaigns.aid_letter import exceptional_aid_context
    from benefits.rules.aide_exceptionnelle import aide_exceptionnelle

    aid = aide_exceptionnelle(household, SAMPLE_MONTH, {"rsa": Decimal("350.00")})
    return exceptional_aid_context(
        file=file,
        month=SAMPLE_MONTH,
        amount=aid.amount,
        payment_day=date(2026, 12, 5),
        explanation={"aide_exceptionnelle": aid.as_dict(explain=True)},
        versions={"engine_version": "", "parameters_version": ""},
    )


def sample_letter(kind: str, language: str = "fr") -> Letter:
    """An unsaved letter of `kind` with the demo data's frozen context, ready for letter_pdf()."""
    with rolled_back():
        file = demo_file()
        context = sample_context(kind, file)
        file_copy = AllocataireFile(
            **{f.attname: getattr(file, f.attname) for f in file._meta.concrete_fields}
        )
    return Letter(
        file=file_copy,
        kind=kind,
        reference=f"{timezone.localdate():%Y-%m}-000000",
        subject=SUBJECTS[kind],
        context=context,
        language=language,
        engine_version=context.get("engine_version", ""),
        parameters_version=context.get("parameters_version", ""),
        created_at=timezone.now(),
        idempotency_key=f"{kind}:sample:0",
    )
