"""The audit journal's actions in words, for /gestion/: the journal stores a stable code
(`journal_record(action=…)`), which staff read as a sentence fragment in their language.

Every code the portal writes is here: tests/portal/test_journal_actions.py reads the sources for
`action="…"` and fails on a code without its label. An unknown code (written by an older version)
shows as itself.
"""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "agent_login": _("Connexion d’un agent"),
    "agent_login_refused": _("Connexion d’un agent refusée"),
    "file_searched": _("Recherche d’un dossier"),
    "file_viewed": _("Consultation d’un dossier"),
    "file_linked": _("Rattachement d’un compte à son dossier"),
    "mandate_created": _("Mandat donné à un agent"),
    "mandate_revoked": _("Fin d’un mandat"),
    "draft_opened": _("Ouverture d’un brouillon"),
    "draft_saved": _("Enregistrement d’un brouillon"),
    "claim_answers_saved": _("Réponses d’une première demande enregistrées"),
    "prefill_refreshed": _("Revenus préremplis mis à jour"),
    "figure_corrected": _("Montant prérempli corrigé"),
    "claim_filed": _("Dépôt d’une demande ou d’une déclaration"),
    "claim_status": _("Changement de statut d’une demande"),
    "letter_viewed": _("Courrier lu par un agent sous mandat"),
    "demande_prioritaire_deposee": _("Dépôt d’une aide d’urgence"),
    "demande_prioritaire_statut": _("Changement de statut d’une aide d’urgence"),
    "campaign_created": _("Création d’une campagne"),
    "campaign_launched": _("Lancement d’une campagne"),
    "campaign_paused": _("Pause d’une campagne"),
    "campaign_resumed": _("Reprise d’une campagne"),
    "campaign_cancelled": _("Annulation d’une campagne"),
    "campaign_deleted": _("Suppression d’une campagne"),
}


def action_label(code: str):
    return ACTIONS.get(code, code)
