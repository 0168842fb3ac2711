"""Filing a claim or a quarterly declaration exactly once, and moving a filed claim along its statuses.

The drafts' writes (open, refresh the prefill, save) are in benefits/claims/services.py, which also
hands out these names so that a caller imports the claims' writes from one place.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from benefits.claims import declaration, first_claim
from benefits.claims.file_checks import is_overseas
from benefits.claims.first_claim_services import sworn_problem
from benefits.claims.models import TRANSITIONS, AllocataireFile, Claim, ClaimDraft, Kind, Status, StatusChange
from benefits.claims.standing import AlreadyHeld, benefit_standing
from benefits.letters.claim_letters import letter_for_claim_decided, letter_for_claim_filed
from benefits.rules import HouseholdInputError, compute, parse_household
from portal.journal import journal_record

# The check page's "no income" box, and the problem's id when it is not ticked.
NO_INCOME_FIELD = "id_no_income"


class NotReadyToFile(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__(f"{len(problems)} answer(s) to complete")


class StatusNotAllowed(Exception):
    pass


class AlreadyDeclared(Exception):
    """The quarterly declaration of this month is already filed: a quarter is declared once."""

    def __init__(self, claim):
        self.claim = claim
        super().__init__(f"already declared: claim {claim.pk}")


def declared_claim(*, file: AllocataireFile, kind: str, month: str) -> Claim | None:
    """The filed declaration of this quarter, if any (only declarations are once per quarter)."""
    if kind != Kind.DECLARATION:
        return None
    return Claim.objects.filter(file=file, kind=kind, month=month).first()


def claim_held_standing(*, file: AllocataireFile, kind: str) -> dict | None:
    """Where the benefit stands when Mes démarches would not offer this claim (a right or a claim in
    progress: benefit_standing's line), else None. The check page shows it instead of the filing button."""
    return benefit_standing(file=file, claims=list(Claim.objects.filter(file=file, kind=kind))).get(kind)


def claim_refuse_if_held(*, file: AllocataireFile, kind: str) -> None:
    """Raises AlreadyHeld when Mes démarches would not offer this claim (a right or a claim in progress)."""
    if standing := claim_held_standing(file=file, kind=kind):
        raise AlreadyHeld(kind, standing)


def claim_household(draft: ClaimDraft) -> dict:
    household = declaration.household(draft.file, draft.data, draft.month)
    if first_claim.is_first_claim(draft.kind):
        household = first_claim.apply_answers(household, draft)
    return household


def estimate_of(household: dict, month: str):
    return compute(parse_household(household, month), month, explain=True)


def claim_estimate(*, draft: ClaimDraft):
    """The right the core computes from the declared figures (an estimate shown before filing).
    Raises HouseholdInputError when the file cannot be computed."""
    household = claim_household(draft)
    return household, estimate_of(household, draft.month)


def only_beyond_the_core(refused: HouseholdInputError, household: dict) -> bool:
    """The core refused the household only because it does not cover its place yet (an overseas
    commune): the file is right, the CAF computes the right itself, and the claim is filed without
    the portal's estimate. Any other refusal is a file the CAF must correct first."""
    return all(is_overseas(error, household.get("housing") or {}) for error in refused.errors)


def claim_estimate_if_covered(*, draft: ClaimDraft):
    """(household, result), or (household, None) when the core does not cover the household's place."""
    household = claim_household(draft)
    try:
        return household, estimate_of(household, draft.month)
    except HouseholdInputError as refused:
        if only_beyond_the_core(refused, household):
            return household, None
        raise


def no_income_problem(rows: list[dict], confirmed: bool) -> list[tuple[str, str]]:
    """A quarter without any income is filed only once the person said so: blank fields are more often
    an income service that was down, or amounts not typed yet, than three months without a euro."""
    if confirmed or not declaration.declares_no_income(rows):
        return []
    return [
        (
            NO_INCOME_FIELD,
            _("Cochez la case pour confirmer que vous n’avez perçu aucun revenu, ou indiquez vos revenus."),
        )
    ]


def claim_submit(
    *, draft: ClaimDraft, by, channel: str, mandate=None, no_income_confirmed: bool = False
) -> Claim:
    """Files the draft exactly once: a double click, two tabs or a replayed POST return the same claim.

    The draft's row is locked in a transaction, an existing claim with the draft's key is returned, and
    the database refuses a second claim for the same draft or key (unique constraints) should two
    requests ever get past the lock. `mandate`: the mandate an agent files under (the receipt says who helped).
    A quarter declaring no income at all needs `no_income_confirmed` (the box ticked on the check page).
    A first claim of a benefit the file has received, or claimed, since its draft was opened raises
    AlreadyHeld under the same lock (standing.py): nothing is filed, the draft stays as it was.
    """
    try:
        with transaction.atomic():
            locked = ClaimDraft.objects.select_for_update().select_related("file").get(pk=draft.pk)
            existing = Claim.objects.filter(key=locked.key).first()
            if existing:
                return existing
            file = AllocataireFile.objects.select_for_update().get(pk=locked.file_id)
            # Read once the file is locked: a right recorded, or a claim filed, meanwhile is seen.
            claim_refuse_if_held(file=file, kind=locked.kind)
            if filed := declared_claim(file=locked.file, kind=locked.kind, month=locked.month):
                raise AlreadyDeclared(filed)
            months = declaration.quarter(locked.month)
            problems = declaration.problems(locked.data, locked.file.adult_ids, months)
            # A first claim also needs its own answers and the sworn statement (issue 17, D4).
            problems += first_claim.claim_problems(locked) + sworn_problem(locked)
            if not problems:
                rows = declaration.figure_rows(locked.data, locked.file.adult_ids, months)
                problems = no_income_problem(rows, no_income_confirmed)
            if problems:
                raise NotReadyToFile(problems)
            household, result = claim_estimate_if_covered(draft=locked)
            claim = Claim.objects.create(
                draft=locked,
                key=locked.key,
                file=locked.file,
                kind=locked.kind,
                month=locked.month,
                inputs=locked.data,
                figures=rows,
                household=household,
                # No estimate where the core does not cover the place yet: the CAF computes the right.
                estimate=result.to_dict(explain=True) if result else {},
                engine_version=result.engine_version if result else "",
                parameters_version=result.parameters_version if result else "",
                mandate=mandate,
            )
            StatusChange.objects.create(claim=claim, status=Status.FILED, channel=channel)
            journal_record(
                action="claim_filed",
                target=f"claim:{claim.pk}",
                by=by,
                channel=channel,
                details={"kind": claim.kind},
            )
            # The accusé de réception commits with the claim; it is rendered once the commit is done.
            letter_for_claim_filed(claim=claim, helper=mandate.helper_description() if mandate else None)
            return claim
    except IntegrityError:
        # Another request filed the same draft at the same moment: that claim is the one; or another
        # draft of the same quarter was filed first (one_declaration_per_quarter).
        claim = Claim.objects.filter(key=draft.key).first()
        if claim is None:
            raise AlreadyDeclared(
                declared_claim(file=draft.file, kind=draft.kind, month=draft.month)
            ) from None
        return claim


def claim_set_status(*, claim: Claim, status: str, by, channel: str) -> Claim:
    """Moves a filed claim along déposée → en instruction → acceptée / refusée (agents, in /gestion/)."""
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim.pk)
        if status not in TRANSITIONS[Status(claim.status)]:
            raise StatusNotAllowed(f"{claim.status} → {status}")
        claim.status = status
        claim.save(update_fields=["status"])
        StatusChange.objects.create(claim=claim, status=status, channel=channel)
        journal_record(
            action="claim_status",
            target=f"claim:{claim.pk}",
            by=by,
            channel=channel,
            details={"status": status},
        )
        letter_for_claim_decided(claim=claim)
    return claim
