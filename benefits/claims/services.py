"""Writes of the claims feature: open a draft (prefilled), save it, file it once, change its status.

Every write is recorded in the journal (portal.journal) with who, and through which channel.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from benefits.claims import declaration
from benefits.claims.models import TRANSITIONS, AllocataireFile, Claim, ClaimDraft, Status, StatusChange
from benefits.claims.prefill import is_untouched, prefill_file, prefill_person
from benefits.rules import SUPPORTED_MONTHS, compute, parse_household
from portal.journal import journal_record

MAX_TYPED_LENGTH = 32


class NotReadyToFile(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__(f"{len(problems)} answer(s) to complete")


class StatusNotAllowed(Exception):
    pass


def current_declaration_month() -> str:
    """The right being declared for: the current month (its quarter is the three previous months),
    kept within the months the calculation core knows."""
    return min(max(timezone.localdate().strftime("%Y-%m"), SUPPORTED_MONTHS[3]), SUPPORTED_MONTHS[-1])


def claim_draft_open(
    *, file: AllocataireFile, by, kind: str, channel: str, month: str | None = None
) -> ClaimDraft:
    """The open draft of this kind (one at a time: "vous avez déjà un brouillon"), or a new prefilled one."""
    existing = ClaimDraft.objects.open().filter(file=file, kind=kind).first()
    if existing:
        return existing
    month = month or current_declaration_month()
    # The income data service is called outside the transaction: no lock is held while it answers.
    data = prefill_file(file, declaration.quarter(month))
    with transaction.atomic():
        # Two tabs starting the same declaration at once: the file's row serialises them.
        AllocataireFile.objects.select_for_update().get(pk=file.pk)
        existing = ClaimDraft.objects.open().filter(file=file, kind=kind).first()
        if existing:
            return existing
        draft = ClaimDraft.objects.create(file=file, user=by, kind=kind, month=month, data=data)
        journal_record(
            action="draft_opened",
            target=f"draft:{draft.pk}",
            by=by,
            channel=channel,
            details={"kind": kind, "prefill": sorted(set(data["prefill"].values()))},
        )
    return draft


def claim_draft_refresh_prefill(*, draft: ClaimDraft, by, channel: str) -> ClaimDraft:
    """Asks the income data service again for the adults it could not answer for, without touching an
    answer already given (user-asks §8: a prefill must be refreshable)."""
    months = declaration.quarter(draft.month)
    fetched = {
        adult["id"]: prefill_person(adult.get("nir", ""), months)
        for adult in draft.file.adults
        if draft.data.get("prefill", {}).get(adult["id"]) != "ok"
    }
    with transaction.atomic():
        draft = ClaimDraft.objects.select_for_update().get(pk=draft.pk)
        if hasattr(draft, "claim"):
            return draft
        for person, (figures, status, missing) in fetched.items():
            if status == "ok" and is_untouched(draft.data["figures"].get(person, {})):
                draft.data["figures"][person] = figures
                draft.data.setdefault("missing", {})[person] = missing
            draft.data["prefill"][person] = status
        draft.save(update_fields=["data", "updated_at"])
        journal_record(
            action="prefill_refreshed",
            target=f"draft:{draft.pk}",
            by=by,
            channel=channel,
            details={"prefill": sorted({status for _figures, status, _missing in fetched.values()})},
        )
    return draft


def claim_save_draft(*, draft: ClaimDraft, values: dict, by, channel: str) -> ClaimDraft:
    """Saves what was typed, valid or not (nothing is ever lost), and records each correction.

    `values` are the posted fields; fields absent from it keep their saved value, so a partial post
    (one htmx change, one step) never erases the others. The row is locked while it is merged, so two
    tabs saving different fields at once both keep theirs.
    """
    with transaction.atomic():
        draft = ClaimDraft.objects.select_for_update().select_related("file").get(pk=draft.pk)
        if hasattr(draft, "claim"):
            return draft
        corrected = merge_figures(draft.data, values)
        merge_other_incomes(draft.data, values, draft.file.adult_ids, declaration.quarter(draft.month))
        draft.save(update_fields=["data", "updated_at"])
        journal_record(action="draft_saved", target=f"draft:{draft.pk}", by=by, channel=channel)
        for field in corrected:
            # The field's name (person id, month, line) and no amount: the draft holds the values.
            journal_record(
                action="figure_corrected",
                target=f"draft:{draft.pk}",
                by=by,
                channel=channel,
                details={"field": field},
            )
    return draft


def merge_figures(data: dict, values: dict) -> list[str]:
    """Applies the posted choices and typed amounts to the prefilled lines; returns the lines newly corrected."""
    corrected = []
    for person, months in data.get("figures", {}).items():
        for month, lines in months.items():
            for position, line in enumerate(lines):
                name = f"{person}-{month}-{position}"
                before = (line.get("choice"), line.get("typed"))
                if f"{name}-choice" in values:
                    choice = values[f"{name}-choice"]
                    line["choice"] = choice if choice in declaration.CHOICES else ""
                if f"{name}-typed" in values:
                    line["typed"] = str(values[f"{name}-typed"])[:MAX_TYPED_LENGTH]
                after = (line.get("choice"), line.get("typed"))
                if after != before and after[0] == "correct" and after[1]:
                    corrected.append(name)
    return corrected


def merge_other_incomes(data: dict, values: dict, adults: list[str], months: list[str]) -> None:
    for person in adults:
        for month in months:
            for kind in declaration.OTHER_INCOMES:
                name = f"{person}-{month}-{kind}"
                if name in values:
                    typed = str(values[name])[:MAX_TYPED_LENGTH]
                    data.setdefault("other", {}).setdefault(person, {}).setdefault(month, {})[kind] = typed


def claim_estimate(*, draft: ClaimDraft):
    """The right the core computes from the declared figures (an estimate shown before filing).
    Raises HouseholdInputError when the file cannot be computed."""
    household = declaration.household(draft.file, draft.data, draft.month)
    return household, compute(parse_household(household, draft.month), draft.month, explain=True)


def claim_submit(*, draft: ClaimDraft, by, channel: str, mandate=None) -> Claim:
    """Files the draft exactly once: a double click, two tabs or a replayed POST return the same claim.

    The draft's row is locked in a transaction, an existing claim with the draft's key is returned, and
    the database refuses a second claim for the same draft or key (unique constraints) should two
    requests ever get past the lock. `mandate`: the mandate an agent files under (the receipt says who helped).
    """
    try:
        with transaction.atomic():
            locked = ClaimDraft.objects.select_for_update().select_related("file").get(pk=draft.pk)
            existing = Claim.objects.filter(key=locked.key).first()
            if existing:
                return existing
            months = declaration.quarter(locked.month)
            problems = declaration.problems(locked.data, locked.file.adult_ids, months)
            if problems:
                raise NotReadyToFile(problems)
            household, result = claim_estimate(draft=locked)
            claim = Claim.objects.create(
                draft=locked,
                key=locked.key,
                file=locked.file,
                kind=locked.kind,
                month=locked.month,
                inputs=locked.data,
                figures=declaration.figure_rows(locked.data, locked.file.adult_ids, months),
                household=household,
                estimate=result.to_dict(explain=True),
                engine_version=result.engine_version,
                parameters_version=result.parameters_version,
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
            return claim
    except IntegrityError:
        # Another request filed the same draft at the same moment: that claim is the one.
        return Claim.objects.get(key=draft.key)


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
    return claim
