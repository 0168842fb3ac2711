"""A file's journal in words: for the person ("Actions faites pour vous") and for the agent's 360° view."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from benefits.claims.models import Claim, ClaimDraft, Kind, Status
from benefits.desk.models import Mandate
from benefits.letters.models import Letter
from portal.dates import long_date
from portal.models import JournalEntry

CHANNELS = {
    "home": gettext_lazy("en ligne"),
    "kiosk": gettext_lazy("sur un poste en libre-service"),
    "agent": gettext_lazy("à l’accueil"),
}


def targets_of(file) -> tuple[list[str], dict[str, str]]:
    """The journal's targets of a file, and the kind of each claim target (a declaration is worded as one)."""
    claim_kinds = {
        f"claim:{pk}": kind for pk, kind in Claim.objects.filter(file=file).values_list("pk", "kind")
    }
    targets = [f"file:{file.pk}"]
    targets += [f"draft:{pk}" for pk in ClaimDraft.objects.filter(file=file).values_list("pk", flat=True)]
    targets += list(claim_kinds)
    targets += [f"mandate:{pk}" for pk in Mandate.objects.filter(file=file).values_list("pk", flat=True)]
    # A letter's target is written when an agent opens it under a mandate (letter_viewed).
    targets += [f"letter:{pk}" for pk in Letter.objects.filter(file=file).values_list("pk", flat=True)]
    return targets, claim_kinds


def when(entry) -> str:
    return long_date(entry.at, str(_("j F Y à H:i")))


def who(entry, person) -> str:
    if entry.actor_id is None:
        return _("la CAF")
    if person is not None and entry.actor_id == person.pk:
        return _("vous")
    agent = getattr(entry.actor, "desk_agent", None)
    if entry.actor.is_staff:
        office = entry.details.get("office") or (agent.office if agent else "")
        return (
            _("un agent de la CAF de %(office)s") % {"office": office} if office else _("un agent de la CAF")
        )
    return _("la personne")


def sentence(entry, *, to_person: bool, person=None, kind: str = "") -> str:
    """One entry in words. to_person: the page speaks to the allocataire ("Votre dossier"), false for an
    agent's 360° view; person: their account, whose own actions read "vous" (None for a file that no
    account is linked to yet: it still speaks to them). kind: the claim's, if any."""
    details, actor = entry.details, who(entry, person)
    if entry.action == "file_viewed":
        text = (
            _("Votre dossier a été consulté par %(who)s le %(when)s.")
            if to_person
            else _("Dossier consulté par %(who)s le %(when)s.")
        )
        return text % {"who": actor, "when": when(entry)}
    if entry.action == "letter_viewed":
        text = (
            _("Votre courrier %(reference)s a été consulté par %(who)s le %(when)s.")
            if to_person
            else _("Courrier %(reference)s consulté par %(who)s le %(when)s.")
        )
        return text % {"reference": details.get("reference") or "", "who": actor, "when": when(entry)}
    if entry.action == "claim_filed":
        kind = details.get("kind") or kind
        if kind == Kind.DECLARATION:
            return _("Déclaration trimestrielle envoyée par %(who)s.") % {"who": actor}
        if kind in Kind.values:
            return _("%(claim)s déposée par %(who)s.") % {"claim": Kind(kind).label, "who": actor}
        return _("Demande déposée par %(who)s.") % {"who": actor}
    if entry.action == "mandate_created":
        kinds = ", ".join(str(Kind(kind).label) for kind in details.get("kinds", []) if kind in Kind.values)
        return _("Mandat donné à %(who)s pour : %(kinds)s.") % {"who": actor, "kinds": kinds}
    if entry.action == "mandate_revoked":
        return _("Mandat retiré par %(who)s.") % {"who": actor}
    if entry.action == "claim_status" and details.get("status") in Status.values:
        text = (
            _("Statut de la déclaration : %(status)s.")
            if kind == Kind.DECLARATION
            else _("Statut de la demande : %(status)s.")
        )
        return text % {"status": Status(details["status"]).label}
    text = ACTIONS.get(entry.action)
    return str(text) % {"who": actor} if text else entry.action


ACTIONS = {
    "file_linked": gettext_lazy("Dossier rattaché au compte par %(who)s."),
    "draft_opened": gettext_lazy("Brouillon ouvert par %(who)s."),
    "draft_saved": gettext_lazy("Brouillon enregistré par %(who)s."),
    "claim_answers_saved": gettext_lazy("Réponses de la demande enregistrées par %(who)s."),
    "figure_corrected": gettext_lazy("Montant corrigé par %(who)s."),
    "prefill_refreshed": gettext_lazy("Salaires demandés de nouveau par %(who)s."),
}


JOURNAL_LENGTH = 200


def repeats(entry, previous) -> bool:
    """An autosave right after (or before) another of the same draft, by the same person and channel:
    htmx saves at each change, so one visit would otherwise read "Brouillon enregistré" many times."""
    return (
        previous is not None
        and entry.action == previous.action == "draft_saved"
        and (entry.target, entry.actor_id, entry.channel)
        == (previous.target, previous.actor_id, previous.channel)
        and entry.details.get("mandate") == previous.details.get("mandate")
    )


def journal_for_file(file, *, to_person: bool, person=None) -> list[dict]:
    """The file's journal, newest first, each entry in words (no personal data: the journal holds none).
    Consecutive saves of one draft are one line, at the time of the latest. to_person and person: see
    sentence() (the person's "Actions faites pour vous", or the agent's 360° view)."""
    targets, claim_kinds = targets_of(file)
    entries = JournalEntry.objects.filter(target__in=targets).select_related("actor__desk_agent")
    shown, previous = [], None
    for entry in entries.order_by("-at", "-pk").iterator(chunk_size=JOURNAL_LENGTH):
        if not repeats(entry, previous):
            if len(shown) == JOURNAL_LENGTH:
                break
            shown.append(entry)
        previous = entry
    return [
        {
            "at": entry.at,
            "text": sentence(
                entry, to_person=to_person, person=person, kind=claim_kinds.get(entry.target, "")
            ),
            "channel": str(CHANNELS.get(entry.channel, entry.channel)),
            "mandate": entry.details.get("mandate"),
            "by_agent": bool(entry.actor_id and entry.actor.is_staff),
        }
        for entry in shown
    ]
