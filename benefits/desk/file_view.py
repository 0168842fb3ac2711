"""Reads for the agent's 360° view of one file: household, rights, claims, drafts, incomes, journal."""

from benefits.claims import declaration
from benefits.claims.models import Claim, ClaimDraft
from benefits.claims.presenters import day_text, person_name
from benefits.claims.services import current_declaration_month
from benefits.desk.journal_view import journal_for_file
from benefits.desk.models import Mandate
from benefits.income.client import IncomeUnavailable, fetch_net_social_amounts
from benefits.labels import benefit_label
from benefits.letters.models import Letter
from benefits.simulator.formatting import euros, month_name
from portal.channels import AGENT
from portal.journal import acting_mandate, journal_acting_under, journal_record


def income_line(line) -> dict:
    """An employer's declared amount as the desk shows it: "1 180,55 €", "5 octobre 2026"."""
    return {
        "employer": line.employer,
        "amount": euros(line.amount),
        "declared_on": day_text(line.declared_on),
    }


def file_open(*, file, agent, office: str) -> None:
    """Every opening of a file by an agent is journaled; the person reads it in "Actions faites pour vous".

    An agent acting under another file's mandate opens this one without it: the entry names no mandate
    (it read "sous mandat" on a file nobody had given one for)."""
    mandate_id = acting_mandate.get()
    own = mandate_id is not None and Mandate.objects.filter(pk=mandate_id, file=file).exists()
    with journal_acting_under(mandate_id if own else None):
        journal_record(
            action="file_viewed",
            target=f"file:{file.pk}",
            by=agent,
            channel=AGENT,
            details={"office": office},
        )


def incomes_of(file) -> list[dict]:
    """The montant net social of the last three months, adult by adult, with its source (DSN, employer)."""
    months = declaration.quarter(current_declaration_month())
    rows = []
    for adult in file.adults:
        try:
            report = fetch_net_social_amounts(adult.get("nir", ""), months)
        except IncomeUnavailable as unavailable:
            rows.append({"person": person_name(adult), "unavailable": unavailable.reason, "months": []})
            continue
        rows.append(
            {
                "person": person_name(adult),
                "unavailable": "",
                "months": [
                    {
                        "month": month_name(month),
                        "lines": [income_line(line) for line in report.lines_for(month)],
                        "missing": month in report.missing_months,
                    }
                    for month in months
                ],
            }
        )
    return rows


def file_360(*, file, agent) -> dict:
    return {
        "file": file,
        "members": [
            {"name": person_name(m), "role": m["role"], "birth_date": day_text(m["birth_date"])}
            for m in file.members
        ],
        "rights": [
            {"benefit": benefit_label(r["benefit"]), "amount": euros(r["amount"])} for r in file.rights
        ],
        "claims": Claim.objects.filter(file=file).prefetch_related("history"),
        "drafts": ClaimDraft.objects.open().filter(file=file),
        "incomes": incomes_of(file),
        "letters": Letter.objects.filter(file=file).order_by("-created_at"),
        "journal": journal_for_file(file, to_person=False),
        "mandates": Mandate.objects.filter(file=file)[:10],
        "my_mandate": Mandate.objects.valid().filter(file=file, agent=agent).first(),
    }
