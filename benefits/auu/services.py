"""Writes of the aide universelle d'urgence: filing a claim, moving its status (agents)."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from benefits.auu.models import UrgentClaim
from benefits.auu.working_days import add_working_days
from benefits.claims.models import TRANSITIONS, Status
from benefits.claims.services import StatusNotAllowed
from benefits.rules.auu import AuuRequest, decide
from benefits.rules.params import parameters_version
from portal.journal import journal_record

DAYS_ALLOCATAIRE, DAYS_NEWCOMER = 3, 5  # CASF L214-9, D214-19


def auu_claim_file(*, user, answers: dict, file_number: str, channel: str) -> UrgentClaim:
    """Files the claim with the rules' decision and its deadline; the journal names no aid."""
    today = timezone.localdate()
    request = AuuRequest(
        request_date=today,
        perpetrator=answers["perpetrator"],
        proof=answers["proof"],
        proof_date=answers["proof_date"],
        monthly_resources=float(answers["monthly_resources"]),
        children=answers["children"],
    )
    decision = decide(request, explain=True)
    with transaction.atomic():
        claim = UrgentClaim.objects.create(
            user=user,
            file_number=file_number,
            perpetrator=request.perpetrator,
            proof=request.proof,
            proof_date=request.proof_date,
            monthly_resources=Decimal(str(answers["monthly_resources"])),
            children=request.children,
            safe_contact=answers.get("safe_contact", ""),
            form=decision.form or "",
            amount=decision.result.amount,
            decision=decision.result.as_dict(explain=True),
            parameters_version=parameters_version(),
            due_by=add_working_days(today, DAYS_ALLOCATAIRE if file_number else DAYS_NEWCOMER),
        )
        journal_record(
            action="demande_prioritaire_deposee", target=f"demande {claim.pk}", by=user, channel=channel
        )
    return claim


def auu_claim_set_status(*, claim: UrgentClaim, status: Status, by, channel: str) -> UrgentClaim:
    with transaction.atomic():
        claim = UrgentClaim.objects.select_for_update().get(pk=claim.pk)
        if status not in TRANSITIONS[Status(claim.status)]:
            raise StatusNotAllowed(f"{claim.status} → {status}")
        claim.status = status
        if status in (Status.ACCEPTED, Status.REFUSED):
            claim.priority = False
        claim.save(update_fields=["status", "priority"])
        journal_record(
            action="demande_prioritaire_statut",
            target=f"demande {claim.pk}",
            by=by,
            channel=channel,
            details={"status": status},
        )
    return claim
