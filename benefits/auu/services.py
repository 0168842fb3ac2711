"""Writes of the aide universelle d'urgence: filing a claim, moving its status (agents)."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext

from benefits.auu import selectors
from benefits.auu.models import UrgentClaim
from benefits.auu.references import new_short_reference
from benefits.auu.working_days import add_working_days
from benefits.claims.models import TRANSITIONS, Status
from benefits.claims.services import StatusNotAllowed
from benefits.rules.auu import AuuRequest, decide, renewal_date
from benefits.rules.params import parameters_version
from portal.journal import journal_record

DAYS_ALLOCATAIRE, DAYS_NEWCOMER = 3, 5  # CASF L214-9, D214-19


class UrgentClaimNotAllowed(Exception):
    """A new claim while the person's previous one is pending, or within 12 months of the decision that
    granted the previous aid (CASF D214-12). The message is for the person, in the active language."""


def unused_short_reference() -> str:
    """A short reference no claim holds yet (about 8 million of them: a draw rarely needs a second)."""
    while True:
        reference = new_short_reference()
        if not UrgentClaim.objects.filter(short_reference=reference).exists():
            return reference


def pending_message(claim: UrgentClaim) -> str:
    return gettext(
        "Vous avez déjà une demande en cours, déposée le %(date)s. Elle est traitée en priorité : "
        "inutile d’en déposer une autre. Vous pouvez suivre son état dans « Ma demande »."
    ) % {"date": date_format(timezone.localtime(claim.filed_at), "d/m/Y")}


def auu_claim_file(*, user, answers: dict, file_number: str, channel: str) -> UrgentClaim:
    """Files the claim with the rules' decision and its deadline; the journal names no aid.

    Refused (UrgentClaimNotAllowed, nothing filed) while a previous claim of the same person is pending
    or less than 12 months after the decision that granted the last one (CASF D214-12)."""
    today = timezone.localdate()
    request = AuuRequest(
        request_date=today,
        perpetrator=answers["perpetrator"],
        proof=answers["proof"],
        proof_date=answers["proof_date"],
        monthly_resources=float(answers["monthly_resources"]),
        children=answers["children"],
        last_granted_on=selectors.last_granted_on(user=user),
    )
    decision = decide(request, explain=True)
    with transaction.atomic():
        pending = selectors.pending_urgent_claim_of(user=user)
        if pending is not None:
            raise UrgentClaimNotAllowed(pending_message(pending))
        granted = request.last_granted_on
        if granted is not None and today < renewal_date(granted):  # the rules' first refusal
            raise UrgentClaimNotAllowed(decision.result.blocking_reason.get(get_language()))
        claim = UrgentClaim.objects.create(
            short_reference=unused_short_reference(),
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
            claim.decided_on = timezone.localdate()
        claim.save(update_fields=["status", "priority", "decided_on"])
        journal_record(
            action="demande_prioritaire_statut",
            target=f"demande {claim.pk}",
            by=by,
            channel=channel,
            details={"status": status},
        )
    return claim
