"""Writes of a first claim's own answers (benefits.claims.first_claim): saved as typed, like the figures."""

from django.db import transaction

from benefits.claims import first_claim
from benefits.claims.models import ClaimDraft
from portal.journal import journal_record

# A bound on what a draft stores, far above every field's own max_length (500 at most): a text typed too
# long is kept whole, so the form's error gives its real length ("actuellement 612") and shows it back to
# be shortened, instead of silently losing its end. Only a scripted post goes beyond it.
MAX_ANSWER_LENGTH = 5000
SWORN = "sworn"


def claim_save_answers(*, draft: ClaimDraft, values: dict, by, channel: str) -> ClaimDraft:
    """Keeps the posted answers of the claim's own questions (valid or not); fields absent from the
    post keep their saved value. The IBAN is never written to the journal, only that answers changed."""
    names = [*first_claim.field_names(draft), SWORN]
    with transaction.atomic():
        draft = ClaimDraft.objects.select_for_update().select_related("file").get(pk=draft.pk)
        if hasattr(draft, "claim"):
            return draft
        answers = draft.data.setdefault("claim", {})
        changed = False
        for name in names:
            if name in values:
                typed = str(values[name]).replace("\x00", "")[:MAX_ANSWER_LENGTH]
                changed = changed or answers.get(name) != typed
                answers[name] = typed
        if changed:
            draft.save(update_fields=["data", "updated_at"])
            journal_record(action="claim_answers_saved", target=f"draft:{draft.pk}", by=by, channel=channel)
    return draft


def sworn_problem(draft: ClaimDraft) -> list[tuple[str, str]]:
    """A first claim is filed only with the sworn statement ticked (CSS L114-13 and Code pénal 441-6
    punish false statements to obtain a benefit)."""
    from django.utils.translation import gettext as _

    if not first_claim.is_first_claim(draft.kind) or draft.data.get("claim", {}).get(SWORN) == "oui":
        return []
    return [("id_sworn", _("Cochez la déclaration sur l’honneur pour déposer votre demande."))]
