"""Writes of the claims feature: open a draft (prefilled), save it; filing it once and changing its status
are in benefits/claims/filing.py, whose names are handed out here too.

Every write is recorded in the journal (portal.journal) with who, and through which channel.
"""

from django.db import transaction
from django.utils import timezone

from benefits.claims import declaration, first_claim, revisions
from benefits.claims.filing import (
    NO_INCOME_FIELD,
    AlreadyDeclared,
    NotReadyToFile,
    StatusNotAllowed,
    claim_estimate,
    claim_estimate_if_covered,
    claim_held_standing,
    claim_refuse_if_held,
    claim_set_status,
    claim_submit,
    declared_claim,
)
from benefits.claims.models import AllocataireFile, ClaimDraft
from benefits.claims.prefill import is_untouched, prefill_file, prefill_person
from benefits.claims.standing import AlreadyHeld
from benefits.rules import SUPPORTED_MONTHS
from portal.journal import journal_record

__all__ = [
    "NO_INCOME_FIELD",
    "AlreadyDeclared",
    "AlreadyHeld",
    "NotReadyToFile",
    "StatusNotAllowed",
    "claim_draft_open",
    "claim_draft_refresh_prefill",
    "claim_estimate",
    "claim_estimate_if_covered",
    "claim_held_standing",
    "claim_refuse_if_held",
    "claim_save_draft",
    "claim_set_status",
    "claim_submit",
    "current_declaration_month",
    "declared_claim",
]

MAX_TYPED_LENGTH = revisions.MAX_TYPED_LENGTH


def current_declaration_month() -> str:
    """The right being declared for: the current month (its quarter is the three previous months),
    kept within the months the calculation core knows."""
    return min(max(timezone.localdate().strftime("%Y-%m"), SUPPORTED_MONTHS[3]), SUPPORTED_MONTHS[-1])


def claim_draft_open(
    *, file: AllocataireFile, by, kind: str, channel: str, month: str | None = None
) -> ClaimDraft:
    """The open draft of this kind (one at a time: "vous avez déjà un brouillon"), or a new prefilled one.
    Raises AlreadyDeclared when this quarter's declaration is already filed, AlreadyHeld when the file
    already has the benefit claimed or a claim of it in progress (standing.py)."""
    claim_refuse_if_held(file=file, kind=kind)
    existing = ClaimDraft.objects.open().filter(file=file, kind=kind).first()
    if existing:
        return existing
    month = month or current_declaration_month()
    if filed := declared_claim(file=file, kind=kind, month=month):
        raise AlreadyDeclared(filed)
    # The income data service is called outside the transaction: no lock is held while it answers.
    data = prefill_file(file, declaration.quarter(month))
    if first_claim.is_first_claim(kind):
        data["claim"] = first_claim.initial_answers(file)
    with transaction.atomic():
        # Two tabs starting the same declaration at once: the file's row serialises them.
        AllocataireFile.objects.select_for_update().get(pk=file.pk)
        claim_refuse_if_held(file=file, kind=kind)
        existing = ClaimDraft.objects.open().filter(file=file, kind=kind).first()
        if existing:
            return existing
        if filed := declared_claim(file=file, kind=kind, month=month):
            raise AlreadyDeclared(filed)
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


def refused_characters(values: dict) -> tuple[dict, list[str]]:
    """The posted values that can be stored, and the names of those that cannot: a NUL character
    (PostgreSQL refuses it in JSON) or a lone surrogate. One bad field never loses the others."""
    kept, refused = {}, []
    for name, value in values.items():
        text = str(value)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            refused.append(name)
            continue
        if "\x00" in text or "\x00" in name:
            refused.append(name)
        else:
            kept[name] = value
    return kept, refused


def claim_save_draft(
    *,
    draft: ClaimDraft,
    values: dict,
    by,
    channel: str,
    revision: int | None = None,
    page: str | None = None,
) -> ClaimDraft:
    """Saves what was typed, valid or not (nothing is ever lost), and records each correction.

    `values` are the posted fields; fields absent from it keep their saved value, so a partial post
    (one htmx change, one step) never erases the others. The row is locked while it is merged.
    `revision` is the draft's revision the page was rendered from and `page` the page's id: a field
    changed elsewhere keeps its saved value unless this page changed it too, a conflict (revisions.py).
    The returned draft carries `conflicts` (revisions.Conflict) and `refused` (field names whose value
    holds a character that cannot be stored) for the page to tell.
    """
    values, refused = refused_characters(values)
    with transaction.atomic():
        draft = ClaimDraft.objects.select_for_update().select_related("file").get(pk=draft.pk)
        draft.conflicts, draft.refused = [], refused
        if hasattr(draft, "claim"):
            return draft
        before = revisions.field_values(draft.data)
        values, draft.conflicts = revisions.merge_posted(
            values, revision=revision, page=page, saved=before, changes=draft.changes
        )
        corrected = merge_figures(draft.data, values)
        merge_other_incomes(draft.data, values, draft.file.adult_ids, declaration.quarter(draft.month))
        if revisions.record_changes(
            draft.changes, before, revisions.field_values(draft.data), draft.revision + 1, page
        ):
            draft.revision += 1
        draft.save(update_fields=["data", "changes", "revision", "updated_at"])
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
